/**
 * A plain positions CSV: a header row naming a symbol (or name) column and a value column, in the
 * vocabulary page tables use ("Symbol", "Ticker", "Market Value", "Current Value", "Qty", …), with
 * an optional Account column. Total lines become stated totals; lot and sub-rows are dropped.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { headerMeaning, type ColumnMeaning } from '../format/columns';
import { hasCashMarker } from '../reference/tickers';
import { badValueReason, maskedAccountCell, numberCell } from './columns';
import { isBlankRecord, type CsvRecord } from './csv';
import { StatedTotals, SubRows, totalLabel } from './rows';
import type { PositionsFormat } from './types';

function columns(record: CsvRecord): Partial<Record<ColumnMeaning, number>> | null {
  const cols: Partial<Record<ColumnMeaning, number>> = {};
  record.fields.forEach((f, i) => {
    const m = headerMeaning(f);
    if (m && cols[m] === undefined) cols[m] = i;
  });
  return (cols.symbol !== undefined || cols.description !== undefined) && cols.value !== undefined ? cols : null;
}

/**
 * After a blank line: whether `record` carries the table on (a row with a symbol or name and an
 * amount in the value column) rather than beginning a new block (notes, transactions, another table).
 */
function continuesTable(record: CsvRecord, cols: Partial<Record<ColumnMeaning, number>>): boolean {
  if (columns(record) !== null) return false;
  const cell = (i: number | undefined) => (i === undefined ? '' : (record.fields[i] ?? '')).trim();
  if (!cell(cols.symbol) && !cell(cols.description)) return false;
  const value = cell(cols.value);
  return value !== '' && numberCell(value).bad === undefined;
}

/** The note for blank lines read past, naming the first few. */
function blankLinesNote(lines: number[], count: number): string | undefined {
  if (count === 0) return undefined;
  const shown = lines.slice(0, 5).join(', ') + (count > 5 ? ', …' : '');
  return count === 1
    ? `a blank line inside the table (line ${shown}) was skipped; the rows after it were read`
    : `${count} blank lines inside the table (lines ${shown}) were skipped; the rows after them were read`;
}

function headerIndex(records: readonly CsvRecord[]): number {
  return records.slice(0, 20).findIndex((r) => columns(r) !== null);
}

export const plainCsv: PositionsFormat = {
  id: 'plain-csv',
  label: 'Positions CSV',
  detect: ({ records }) => records !== null && headerIndex(records) >= 0,
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const h = headerIndex(records);
    const cols = columns(records[h]!)!;
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    const totals = new StatedTotals();
    const subRows = new SubRows();
    let started = false;
    const blankLines: number[] = [];
    let blankCount = 0;
    for (let at = h + 1; at < records.length; at++) {
      const record = records[at]!;
      const raw = (i: number | undefined) => (i === undefined ? '' : (record.fields[i] ?? ''));
      const f = (i: number | undefined) => raw(i).trim();
      if (isBlankRecord(record)) {
        if (!started) continue;
        // A blank line ends the table when a new block follows (notes, transactions: not holdings);
        // when the table goes on after it, it is skipped, and said, rather than losing the rest.
        let next = at + 1;
        while (next < records.length && isBlankRecord(records[next]!)) next++;
        if (next >= records.length || !continuesTable(records[next]!, cols)) break;
        // The first few are named; all are counted (a million blank lines keep no million numbers).
        for (let blank = at; blank < next && blankLines.length < 5; blank++) blankLines.push(records[blank]!.line);
        blankCount += next - at;
        at = next - 1;
        continue;
      }
      started = true;
      const symbol = f(cols.symbol);
      const description = f(cols.description);
      const accountCell = f(cols.account);
      const account = accountCell ? maskedAccountCell(accountCell) : undefined;
      // A total names itself in the symbol, name or account cell, or in the row's first cell.
      const total = totalLabel([symbol, description, accountCell, record.fields.find((x) => x.trim() !== '')]);
      if (total) {
        const value = numberCell(f(cols.value)).value;
        // The line's account cell may hold the label itself ("Total" in the Account column).
        const named = accountCell && totalLabel([accountCell]) === null ? account : undefined;
        totals.line({ ...total, value, row: record.line, account: named });
        continue;
      }
      if (!symbol && !description) continue;
      // Lots repeat part of the position above them: counting them would count it twice.
      if (subRows.isSubRow(cols.symbol !== undefined && symbol ? raw(cols.symbol) : raw(cols.description))) continue;
      const value = numberCell(f(cols.value));
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: badValueReason(record.line, 'value', value) });
        continue;
      }
      const label = symbol || description;
      holdings.push({
        symbol: symbol || undefined,
        description: description || undefined,
        quantity: numberCell(f(cols.quantity)).value,
        price: numberCell(f(cols.price)).value,
        marketValue: value.value,
        account,
        rowKind: /pending activity/i.test(label) ? 'pending' : hasCashMarker(symbol) || /^cash\b|money market/i.test(label) ? 'cash' : 'position',
      });
      totals.row(account);
    }
    return { holdings, skipped, statedTotals: totals.result(), note: blankLinesNote(blankLines, blankCount) };
  },
};
