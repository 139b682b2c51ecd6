/**
 * Vanguard `OfxDownload.csv` (Download center → CSV): a holdings section, a blank line, then a
 * transactions section that is NOT holdings and must not be read as such. Brokerage accounts:
 * `Account Number,Investment Name,Symbol,Shares,Share Price,Total Value`; 529 and mutual-fund-only
 * accounts: `Fund Account Number,Fund Name,Price,Shares,Total Value` (no ticker). A total line (an
 * account's, or a grand total) is a stated total; lot rows under a holding are dropped.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { maskAccountNumber } from '../format/account';
import { badValueReason, numberCell, requireColumn } from './columns';
import { isBlankRecord, normaliseHeader } from './csv';
import { StatedTotals, SubRows, totalLabel } from './rows';
import type { PositionsFormat } from './types';

const isHoldingsHeader = (names: string[]) =>
  (names[0] === 'account number' || names[0] === 'fund account number') &&
  (names.includes('investment name') || names.includes('fund name')) &&
  names.includes('total value');

export const vanguardOfxCsv: PositionsFormat = {
  id: 'vanguard-ofx-csv',
  label: 'Vanguard holdings file',
  detect: ({ records }) => !!records?.slice(0, 5).some((r) => isHoldingsHeader(r.fields.map(normaliseHeader))),
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const start = records.findIndex((r) => isHoldingsHeader(r.fields.map(normaliseHeader)));
    const names = records[start]!.fields.map(normaliseHeader);
    const line = records[start]!.line;
    const col = {
      account: 0,
      name: names.includes('investment name') ? names.indexOf('investment name') : names.indexOf('fund name'),
      symbol: names.indexOf('symbol'),
      quantity: requireColumn(names, ['shares'], line, 'Shares'),
      price: names.includes('share price') ? names.indexOf('share price') : names.indexOf('price'),
      value: requireColumn(names, ['total value'], line, 'Total Value'),
    };
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    const totals = new StatedTotals();
    const subRows = new SubRows();
    let lastNumber: string | undefined;
    const accountOf = (number: string) => (number ? `Vanguard ${maskAccountNumber(number)}` : undefined);
    for (const record of records.slice(start + 1)) {
      if (isBlankRecord(record)) break; // the transactions section follows: not holdings
      const f = (i: number) => (i < 0 ? '' : (record.fields[i] ?? '').trim());
      const number = f(col.account);
      const total = totalLabel([number, f(col.name), f(col.symbol)]);
      if (total) {
        // An account's total carries its number; a grand total none.
        const named = number && !totalLabel([number]) ? accountOf(number) : undefined;
        totals.line({ ...total, value: numberCell(f(col.value)).value, row: record.line, account: named });
        continue;
      }
      if (number !== lastNumber) subRows.reset();
      lastNumber = number;
      // Lots repeat part of the holding above them (the name column when there is no ticker).
      if (subRows.isSubRow(record.fields[col.symbol >= 0 ? col.symbol : col.name] ?? '')) continue;
      const value = numberCell(f(col.value));
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: badValueReason(record.line, 'Total Value', value) });
        continue;
      }
      const account = accountOf(number);
      holdings.push({
        symbol: f(col.symbol) || undefined,
        description: f(col.name) || undefined,
        quantity: numberCell(f(col.quantity)).value,
        price: numberCell(f(col.price)).value,
        marketValue: value.value,
        account,
        rowKind: /settlement fund|money market/i.test(f(col.name)) ? 'cash' : 'position',
      });
      totals.row(account);
    }
    return { holdings, skipped, statedTotals: totals.result() };
  },
};
