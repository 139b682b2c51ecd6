/**
 * Fidelity monthly statement CSV (Statements → CSV): an account summary block, then one holdings
 * table (`Symbol/CUSIP, Description, Quantity, Price, Beginning Value, Ending Value, Cost Basis`)
 * split per account (a line with the account number) and per holding type ("Stocks", "Core
 * Account", …), with "Subtotal of …" rows and `not applicable` for missing figures.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { accountLabel } from '../format/account';
import { findHeader, numberCell, requireColumn } from './columns';
import type { PositionsFormat } from './types';

const isHoldingsHeader = (names: string[]) => names[0] === 'symbol/cusip' && names.includes('ending value');
const CASH_SECTION = /^(core account|cash|money market)/i;

export const fidelityStatementCsv: PositionsFormat = {
  id: 'fidelity-statement-csv',
  label: 'Fidelity statement file',
  detect: ({ records }) => records !== null && findHeader(records, isHoldingsHeader, 20) !== null,
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const header = findHeader(records, isHoldingsHeader, 20)!;
    const line = records[header.index]!.line;
    const col = {
      symbol: 0,
      description: header.names.indexOf('description'),
      quantity: header.names.indexOf('quantity'),
      price: header.names.indexOf('price'),
      value: requireColumn(header.names, ['ending value'], line, 'Ending Value'),
    };
    // The summary block above names each account ("My Fidelity Account", number).
    const summary = findHeader(records, (n) => n[0] === 'account type' && n[1] === 'account', header.index);
    const names = new Map<string, string>();
    if (summary) {
      for (const r of records.slice(summary.index + 1, header.index)) {
        if (r.fields[1]?.trim()) names.set(r.fields[1].trim(), r.fields[0]!.trim());
      }
    }
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    let account: string | undefined;
    let section = '';
    for (const record of records.slice(header.index + 1)) {
      const cells = record.fields.map((f) => f.trim());
      const filled = cells.filter(Boolean);
      if (filled.length === 0) continue;
      if (filled.length === 1) {
        const only = filled[0]!;
        if (names.has(only) || /\d{4,}/.test(only)) account = accountLabel(names.get(only) ?? 'Fidelity', only);
        else section = only;
        continue;
      }
      if (/^subtotal of /i.test(cells[0]!) || /^total/i.test(cells[0]!)) continue;
      const value = numberCell(cells[col.value]);
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: `line ${record.line}: Ending Value "${value.bad.slice(0, 40)}" is not a number` });
        continue;
      }
      holdings.push({
        symbol: cells[col.symbol] || undefined,
        description: cells[col.description] || undefined,
        quantity: numberCell(cells[col.quantity]).value,
        price: numberCell(cells[col.price]).value,
        marketValue: value.value,
        account,
        rowKind: CASH_SECTION.test(section) ? 'cash' : 'position',
      });
    }
    return { holdings, skipped };
  },
};
