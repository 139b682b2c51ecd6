/**
 * Merrill Edge holdings export: one row per position across accounts, `COB Date` first, account
 * registration and number per row, parentheses for negatives, `--` for no value, option contracts
 * described as "CALL XYZ 425.00 EXP 02-13-26", and the bank sweep fund as a position. A total line
 * (an account's, or a grand total) is a stated total; lot rows under a position are dropped.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { accountFromCells, badValueReason, findHeader, numberCell, requireColumn } from './columns';
import { StatedTotals, SubRows, totalLabel } from './rows';
import type { PositionsFormat } from './types';

const isMerrillHeader = (names: string[]) => names.includes('cob date') && names.includes('account #') && names.includes('value ($)');
/** Merrill's bank deposit sweep (e.g. "BANK OF AMERICA, NA RASP"): cash in all but name. */
const SWEEP = /\b(RASP|SWEEP|BANK DEPOSIT|MONEY MARKET)\b/i;

export const merrillHoldingsCsv: PositionsFormat = {
  id: 'merrill-holdings-csv',
  label: 'Merrill holdings file',
  detect: ({ records }) => records !== null && findHeader(records, isMerrillHeader, 10) !== null,
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const header = findHeader(records, isMerrillHeader, 10)!;
    const line = records[header.index]!.line;
    const col = {
      symbol: requireColumn(header.names, ['symbol'], line, 'Symbol'),
      cusip: header.names.indexOf('cusip #'),
      description: header.names.indexOf('security description'),
      nickname: header.names.indexOf('account nickname'),
      registration: header.names.indexOf('account registration'),
      number: requireColumn(header.names, ['account #'], line, 'Account #'),
      quantity: header.names.indexOf('quantity'),
      price: header.names.indexOf('price ($)'),
      value: requireColumn(header.names, ['value ($)'], line, 'Value ($)'),
    };
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    const totals = new StatedTotals();
    const subRows = new SubRows();
    let lastAccount: string | undefined;
    for (const record of records.slice(header.index + 1)) {
      const f = (i: number) => (i < 0 ? '' : (record.fields[i] ?? '').trim());
      if (record.fields.every((x) => x.trim() === '')) continue;
      const blank = (s: string) => (s === '--' ? '' : s);
      const number = blank(f(col.number));
      const total = totalLabel([f(col.symbol), f(col.description), number, f(col.registration), record.fields.find((x) => x.trim() !== '')]);
      if (total) {
        // An account's total carries its number; a grand total none.
        const named = number && !totalLabel([number]) ? accountFromCells(blank(f(col.nickname)) || f(col.registration), number) : undefined;
        totals.line({ ...total, value: numberCell(f(col.value)).value, row: record.line, account: named });
        continue;
      }
      const account = accountFromCells(blank(f(col.nickname)) || f(col.registration), f(col.number));
      if (account !== lastAccount) subRows.reset();
      lastAccount = account;
      // Lots repeat part of the position above them: counting them would count it twice.
      if (subRows.isSubRow(record.fields[col.symbol] ?? '')) continue;
      // A position without a ticker (a bond) is known by its CUSIP.
      const symbol = blank(f(col.symbol)) || blank(f(col.cusip));
      const description = blank(f(col.description));
      const value = numberCell(f(col.value));
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: badValueReason(record.line, 'Value ($)', value) });
        continue;
      }
      holdings.push({
        symbol: symbol || undefined,
        description: description || undefined,
        quantity: numberCell(f(col.quantity)).value,
        price: numberCell(f(col.price)).value,
        marketValue: value.value,
        account,
        rowKind: SWEEP.test(description) ? 'cash' : 'position',
      });
      totals.row(account);
    }
    return { holdings, skipped, statedTotals: totals.result() };
  },
};
