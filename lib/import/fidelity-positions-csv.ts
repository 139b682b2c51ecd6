/**
 * Fidelity `Portfolio_Positions_<Mon-DD-YYYY>.csv` (positions page → Download). 2024 layout and the
 * 2026 one with `Sleeve Name`: BOM, one row per position across several accounts, `SPAXX**` core
 * money market, `Pending activity` rows, CUSIP T-bills with `--`, `+$`/`-$` values, trailing commas,
 * and a footer of quoted disclaimer lines and "Date downloaded …". Recognised by its account
 * columns or its footer; the other columns by meaning. Total lines ("Account Total", a grand
 * total) are stated totals; lot rows are dropped.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { headerMeaning, type ColumnMeaning } from '../format/columns';
import { hasCashMarker } from '../reference/tickers';
import { accountFromCells, badValueReason, numberCell } from './columns';
import { normaliseHeader, type CsvRecord } from './csv';
import { StatedTotals, SubRows, totalLabel } from './rows';
import type { PositionsFormat } from './types';

/** Footer lines: one quoted field of prose, or the download stamp. */
const isFooter = (r: CsvRecord) =>
  r.fields.filter((f) => f.trim() !== '').length <= 1 && r.fields[0] !== undefined && /\s/.test(r.fields[0].trim());
const FIDELITY_FOOTER = /provided to you solely for your use|^date downloaded /i;

interface Columns extends Partial<Record<ColumnMeaning, number>> {
  number: number;
  name: number;
}

function headerColumns(record: CsvRecord): Columns | null {
  const names = record.fields.map(normaliseHeader);
  const cols: Columns = { number: names.indexOf('account number'), name: names.indexOf('account name') };
  record.fields.forEach((f, i) => {
    const meaning = headerMeaning(f);
    if (meaning && meaning !== 'account' && cols[meaning] === undefined) cols[meaning] = i;
  });
  return cols.symbol !== undefined && cols.value !== undefined ? cols : null;
}

/** The header row (within the first lines) when the file is Fidelity's: account columns, or its disclaimer footer. */
function findHeader(records: readonly CsvRecord[]): { index: number; cols: Columns } | null {
  for (let i = 0; i < Math.min(records.length, 5); i++) {
    const cols = headerColumns(records[i]!);
    if (!cols) continue;
    if (cols.number >= 0 && cols.name >= 0) return { index: i, cols };
    const footer = records.slice(-8).some((r) => isFooter(r) && FIDELITY_FOOTER.test(r.fields[0]!.trim()));
    return footer ? { index: i, cols } : null;
  }
  return null;
}

export const fidelityPositionsCsv: PositionsFormat = {
  id: 'fidelity-positions-csv',
  label: 'Fidelity positions file',
  detect: ({ records }) => records !== null && findHeader(records) !== null,
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const { index, cols } = findHeader(records)!;
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    const totals = new StatedTotals();
    const subRows = new SubRows();
    let lastAccount: string | undefined;
    for (const record of records.slice(index + 1)) {
      const raw = (i: number | undefined) => (i === undefined || i < 0 ? '' : (record.fields[i] ?? ''));
      const f = (i: number | undefined) => raw(i).trim();
      if (record.fields.every((x) => x.trim() === '') || isFooter(record)) continue;
      const symbol = f(cols.symbol);
      const total = totalLabel([symbol, f(cols.number), f(cols.name), f(cols.description)]);
      if (total) {
        // "Account Total" on an account's own row names its account; a grand total names none.
        const named = f(cols.number) && !totalLabel([f(cols.number), f(cols.name)]) ? accountFromCells(f(cols.name), f(cols.number)) : undefined;
        totals.line({ ...total, value: numberCell(f(cols.value)).value, row: record.line, account: named });
        continue;
      }
      // A download without account columns names no account: the file name stands for it.
      const account = f(cols.number) || f(cols.name) ? accountFromCells(f(cols.name), f(cols.number)) : undefined;
      if (account !== lastAccount) subRows.reset();
      lastAccount = account;
      // Lots repeat part of the position above them: counting them would count it twice.
      if (subRows.isSubRow(raw(cols.symbol))) continue;
      const value = numberCell(f(cols.value));
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: badValueReason(record.line, 'Current Value', value) });
        continue;
      }
      const description = f(cols.description);
      const pending = /^pending activity$/i.test(symbol);
      const cash = hasCashMarker(symbol) || /money market/i.test(description);
      holdings.push({
        symbol: symbol || undefined,
        description: description || undefined,
        quantity: numberCell(f(cols.quantity)).value,
        price: numberCell(f(cols.price)).value,
        marketValue: value.value,
        account,
        rowKind: pending ? 'pending' : cash ? 'cash' : 'position',
      });
      totals.row(account);
    }
    return { holdings, skipped, statedTotals: totals.result() };
  },
};
