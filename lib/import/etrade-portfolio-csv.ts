/**
 * E*TRADE `PortfolioDownload.csv` (Portfolios → Download), in any view: an "Account Summary" block
 * (Account, Net Account Value, …), a "View Summary - <view>" / "Filters applied:" block, the
 * positions table in the view's columns (standard: Symbol, Last Price $, Qty #, Value $; a custom
 * view: Quantity, Market Value, … in the user's order) whose positions may be followed by per-lot
 * rows (a date in the Symbol column, indented), CASH and TOTAL rows, and a "Generated at" footer.
 * Recognised by those blocks, not by the columns. Numbers may start with a dot (`.25`).
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { headerMeaning, type ColumnMeaning } from '../format/columns';
import { badValueReason, maskedAccountCell, numberCell } from './columns';
import { normaliseHeader, type CsvRecord } from './csv';
import { StatedTotals, SubRows, totalLabel } from './rows';
import type { PositionsFormat } from './types';

const SUMMARY = /^account summary$/i;
const VIEW = /^(view summary\b|filters applied:?$)/i;
const FOOTER = /^generated at /i;

const firstCell = (r: CsvRecord) => r.fields[0]?.trim() ?? '';

/** The positions header: a Symbol column first and a value column, by meaning ("Value $", "Market Value"). */
function positionsColumns(record: CsvRecord): Partial<Record<ColumnMeaning, number>> | null {
  const cols: Partial<Record<ColumnMeaning, number>> = {};
  record.fields.forEach((f, i) => {
    const meaning = headerMeaning(f);
    if (meaning && cols[meaning] === undefined) cols[meaning] = i;
  });
  return cols.symbol === 0 && cols.value !== undefined ? cols : null;
}

/** Where the blocks are: the positions header (after the filters block) and which markers were seen. */
function layout(records: readonly CsvRecord[]): { header: number; markers: number } | null {
  let summary = false;
  let view = false;
  let footer = false;
  let header = -1;
  for (let i = 0; i < records.length; i++) {
    const first = firstCell(records[i]!);
    if (SUMMARY.test(first)) summary = true;
    else if (VIEW.test(first)) view = true;
    else if (FOOTER.test(first)) footer = true;
    // The filters block's own "Symbol,Security type(s),…" row names no value column, so it is passed over.
    else if (header < 0 && i < 60 && positionsColumns(records[i]!)) header = i;
  }
  const markers = Number(summary) + Number(view) + Number(footer);
  return header >= 0 ? { header, markers } : null;
}

/** Two of the three blocks (a user may trim one) tell an E*TRADE download from any other table. */
const isEtrade = (records: readonly CsvRecord[]) => (layout(records)?.markers ?? 0) >= 2;

/** The Account Summary rows: each account's masked label and its Net Account Value. */
function accountSummary(records: readonly CsvRecord[]): { account: string; netValue: number | null; line: number }[] {
  const at = records.findIndex((r) => SUMMARY.test(firstCell(r)));
  const names = at >= 0 ? records[at + 1]?.fields.map(normaliseHeader) : undefined;
  if (!names || names[0] !== 'account') return [];
  const valueColumn = names.indexOf('net account value');
  const out: { account: string; netValue: number | null; line: number }[] = [];
  for (const r of records.slice(at + 2)) {
    if (r.fields.every((f) => f.trim() === '')) break;
    const label = maskedAccountCell(firstCell(r));
    if (label) out.push({ account: label, netValue: valueColumn < 0 ? null : numberCell(r.fields[valueColumn]).value, line: r.line });
  }
  return out;
}

export const etradePortfolioCsv: PositionsFormat = {
  id: 'etrade-portfolio-csv',
  label: 'E*TRADE portfolio file',
  detect: ({ records }) => records !== null && isEtrade(records),
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const { header } = layout(records)!;
    const col = positionsColumns(records[header]!)!;
    const valueName = records[header]!.fields[col.value!]!.trim(); // "Value $" or the view's own name
    const summary = accountSummary(records);
    // The file lists one account's positions; with several summary rows, whose each row is is unknown.
    const account = summary.length === 1 ? summary[0]!.account : undefined;
    const totals = new StatedTotals();
    if (account !== undefined && summary[0]!.netValue !== null) {
      totals.add({ account, label: 'Net Account Value', value: summary[0]!.netValue, row: summary[0]!.line });
    }
    const subRows = new SubRows();
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    for (const record of records.slice(header + 1)) {
      const raw = record.fields[col.symbol!] ?? '';
      const symbol = raw.trim();
      if (FOOTER.test(symbol)) break;
      const f = (i: number | undefined) => (i === undefined ? '' : (record.fields[i] ?? '').trim());
      if (!symbol) {
        if (record.fields.some((x) => x.trim())) skipped.push({ row: record.line, reason: `line ${record.line}: a row without a symbol` });
        continue;
      }
      const total = totalLabel([symbol]);
      if (total) {
        totals.line({ ...total, value: numberCell(f(col.value)).value, row: record.line });
        continue;
      }
      // Lot rows repeat part of the position above them: counting them would count it twice.
      if (subRows.isSubRow(raw)) continue;
      const value = numberCell(f(col.value));
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: badValueReason(record.line, valueName.slice(0, 40), value) });
        continue;
      }
      holdings.push({
        symbol,
        quantity: numberCell(f(col.quantity)).value,
        price: numberCell(f(col.price)).value,
        marketValue: value.value,
        account,
        rowKind: /^cash$/i.test(symbol) ? 'cash' : 'position',
      });
      totals.row(account);
    }
    return { holdings, skipped, statedTotals: totals.result() };
  },
};
