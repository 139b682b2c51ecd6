/**
 * Fidelity `Portfolio_Positions_<Mon-DD-YYYY>.csv` (positions page → Download). 2024 layout and the
 * 2026 one with `Sleeve Name`: BOM, one row per position across several accounts, `SPAXX**` core
 * money market, `Pending activity` rows, CUSIP T-bills with `--`, `+$`/`-$` values, trailing commas,
 * and a footer of quoted disclaimer lines and "Date downloaded …".
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { accountLabel } from '../format/account';
import { hasCashMarker } from '../reference/tickers';
import { findHeader, numberCell, requireColumn } from './columns';
import type { CsvRecord } from './csv';
import type { PositionsFormat } from './types';

const isFidelityHeader = (names: string[]) =>
  names.includes('account number') && names.includes('account name') && names.includes('symbol') && names.includes('current value');

/** Footer lines: one quoted field of prose, or the download stamp. */
const isFooter = (r: CsvRecord) =>
  r.fields.filter((f) => f.trim() !== '').length <= 1 && r.fields[0] !== undefined && /\s/.test(r.fields[0].trim());

export const fidelityPositionsCsv: PositionsFormat = {
  id: 'fidelity-positions-csv',
  label: 'Fidelity positions file',
  detect: ({ records }) => records !== null && findHeader(records, isFidelityHeader, 5) !== null,
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const header = findHeader(records, isFidelityHeader, 5)!;
    const line = records[header.index]!.line;
    const col = {
      number: requireColumn(header.names, ['account number'], line, 'Account Number'),
      name: requireColumn(header.names, ['account name'], line, 'Account Name'),
      symbol: requireColumn(header.names, ['symbol'], line, 'Symbol'),
      description: header.names.indexOf('description'),
      quantity: header.names.indexOf('quantity'),
      price: header.names.indexOf('last price'),
      value: requireColumn(header.names, ['current value'], line, 'Current Value'),
      type: header.names.indexOf('type'),
    };
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    for (const record of records.slice(header.index + 1)) {
      const f = (i: number) => (i < 0 ? '' : (record.fields[i] ?? '').trim());
      if (record.fields.every((x) => x.trim() === '') || isFooter(record)) continue;
      const symbol = f(col.symbol);
      const account = accountLabel(f(col.name), f(col.number));
      const value = numberCell(f(col.value));
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: `line ${record.line}: Current Value "${value.bad.slice(0, 40)}" is not a number` });
        continue;
      }
      const pending = /^pending activity$/i.test(symbol);
      const cash = hasCashMarker(symbol) || /money market/i.test(f(col.description));
      holdings.push({
        symbol: symbol || undefined,
        description: f(col.description) || undefined,
        quantity: numberCell(f(col.quantity)).value,
        price: numberCell(f(col.price)).value,
        marketValue: value.value,
        account,
        rowKind: pending ? 'pending' : cash ? 'cash' : 'position',
      });
    }
    return { holdings, skipped };
  },
};
