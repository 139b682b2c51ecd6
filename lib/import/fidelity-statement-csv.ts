/**
 * Fidelity monthly statement CSV (Statements → CSV): an account summary block (one row per account
 * with its `Ending mkt Value`), then one holdings table (`Symbol/CUSIP, Description, Quantity, Price,
 * Beginning Value, Ending Value, Cost Basis`) split per account (a line with the account number)
 * and per holding type ("Stocks", "Core Account", …), with "Subtotal of …" rows and `not
 * applicable` for missing figures. Each account's Ending mkt Value is its stated total.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { headerMeaning, type ColumnMeaning } from '../format/columns';
import { accountFromCells, badValueReason, findHeader, numberCell } from './columns';
import { StatedTotals, SubRows, totalLabel } from './rows';
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
    // Columns by meaning: "Ending Value" is the value, "Beginning Value" is not.
    const col: Partial<Record<ColumnMeaning, number>> = {};
    records[header.index]!.fields.forEach((f, i) => {
      const meaning = headerMeaning(f);
      if (meaning && col[meaning] === undefined) col[meaning] = i;
    });
    col.symbol = 0;
    col.value = header.names.indexOf('ending value');
    const totals = new StatedTotals();
    // The summary block above names each account ("My Fidelity Account", number) and states its value.
    const summary = findHeader(records, (n) => n[0] === 'account type' && n[1] === 'account', header.index);
    const names = new Map<string, string>();
    if (summary) {
      const endingValue = summary.names.indexOf('ending mkt value');
      for (const r of records.slice(summary.index + 1, header.index)) {
        const [type = '', number = ''] = r.fields.map((f) => f.trim());
        const stated = endingValue < 0 ? null : numberCell(r.fields[endingValue]).value;
        const total = totalLabel([type, number]);
        if (total) {
          if (stated !== null) totals.add({ label: total.label, value: stated, row: r.line });
          continue;
        }
        if (!number) continue;
        names.set(number, type);
        if (stated !== null) totals.add({ account: accountFromCells(type, number), label: 'Ending mkt Value', value: stated, row: r.line });
      }
    }
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    const subRows = new SubRows();
    let account: string | undefined;
    let section = '';
    for (const record of records.slice(header.index + 1)) {
      const cells = record.fields.map((f) => f.trim());
      const filled = cells.filter(Boolean);
      if (filled.length === 0) continue;
      const total = totalLabel([cells[0], cells[col.description ?? -1]]);
      if (total) {
        totals.line({ ...total, value: numberCell(cells[col.value]).value, row: record.line });
        continue;
      }
      if (filled.length === 1) {
        const only = filled[0]!;
        if (names.has(only) || /\d{4,}/.test(only)) account = accountFromCells(names.get(only) ?? 'Fidelity', only);
        else section = only;
        subRows.reset();
        continue;
      }
      // Lots repeat part of the holding above them: counting them would count it twice.
      if (subRows.isSubRow(record.fields[0] ?? '')) continue;
      const value = numberCell(cells[col.value]);
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: badValueReason(record.line, 'Ending Value', value) });
        continue;
      }
      holdings.push({
        symbol: cells[0] || undefined,
        description: (col.description === undefined ? '' : cells[col.description]) || undefined,
        quantity: col.quantity === undefined ? null : numberCell(cells[col.quantity]).value,
        price: col.price === undefined ? null : numberCell(cells[col.price]).value,
        marketValue: value.value,
        account,
        rowKind: CASH_SECTION.test(section) ? 'cash' : 'position',
      });
      totals.row(account);
    }
    return { holdings, skipped, statedTotals: totals.result() };
  },
};
