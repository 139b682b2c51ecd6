/**
 * Breadth's own holdings CSV (`breadth-holdings-<date>.csv`, written by lib/export/holdings-csv.ts)
 * read back as positions: Account, Symbol, Description, Market value (USD), …, Tier, …, Quantity.
 * Cash lines come back as cash by their tier; the other derived columns are recomputed, not trusted.
 * The export writes no totals; a total line added in a spreadsheet is a stated total, never a holding.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { badValueReason, findHeader, numberCell, requireColumn } from './columns';
import { StatedTotals, SubRows, totalLabel } from './rows';
import type { PositionsFormat } from './types';

const isBreadthHeader = (names: string[]) => names.includes('market value (usd)') && names.includes('share of portfolio') && names.includes('tier');

export const breadthHoldingsCsv: PositionsFormat = {
  id: 'breadth-holdings-csv',
  label: 'Breadth holdings file',
  detect: ({ records }) => records !== null && findHeader(records, isBreadthHeader, 1) !== null,
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const header = findHeader(records, isBreadthHeader, 1)!;
    const line = records[header.index]!.line;
    const col = {
      account: requireColumn(header.names, ['account'], line, 'Account'),
      symbol: requireColumn(header.names, ['symbol'], line, 'Symbol'),
      description: header.names.indexOf('description'),
      value: requireColumn(header.names, ['market value (usd)'], line, 'Market value (USD)'),
      tier: header.names.indexOf('tier'),
      quantity: header.names.indexOf('quantity'),
    };
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    const totals = new StatedTotals();
    const subRows = new SubRows();
    let lastAccount: string | undefined;
    for (const record of records.slice(header.index + 1)) {
      if (record.fields.every((x) => x.trim() === '')) continue;
      // The export defuses text that starts like a spreadsheet formula with a leading apostrophe.
      const f = (i: number) => (i < 0 ? '' : (record.fields[i] ?? '').trim().replace(/^'(?=[=+\-@])/, ''));
      const account = f(col.account) || undefined;
      const total = totalLabel([f(col.symbol), account, f(col.description)]);
      if (total) {
        const named = account && !totalLabel([account]) ? account : undefined;
        totals.line({ ...total, value: numberCell(f(col.value)).value, row: record.line, account: named });
        continue;
      }
      if (account !== lastAccount) subRows.reset();
      lastAccount = account;
      // Lots repeat part of the holding above them: counting them would count it twice.
      if (subRows.isSubRow(record.fields[col.symbol] ?? '')) continue;
      const value = numberCell(f(col.value));
      if (value.bad !== undefined || value.value === null) {
        skipped.push({ row: record.line, reason: badValueReason(record.line, 'Market value', value.bad === undefined ? { bad: f(col.value) } : value) });
        continue;
      }
      const quantity = numberCell(f(col.quantity));
      holdings.push({
        symbol: f(col.symbol) || undefined,
        description: f(col.description) || undefined,
        quantity: quantity.bad === undefined ? quantity.value : null,
        marketValue: value.value,
        account,
        rowKind: f(col.tier) === 'Cash' ? 'cash' : 'position',
      });
      totals.row(account);
    }
    return { holdings, skipped, statedTotals: totals.result() };
  },
};
