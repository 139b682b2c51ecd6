/**
 * E*TRADE `PortfolioDownload.csv` (Portfolios → Download): an Account Summary block, a
 * "Filters applied" block, the positions table (Symbol, Last Price $, Qty #, Value $, …) whose
 * positions may be followed by per-lot rows (a date in the Symbol column), CASH and TOTAL rows, and
 * a "Generated at" footer. Numbers may start with a dot (`.25`).
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { maskAccountLabel } from '../format/account';
import { findHeader, numberCell, requireColumn } from './columns';
import type { PositionsFormat } from './types';

const isPositionsHeader = (names: string[]) => names[0] === 'symbol' && names.includes('qty #') && names.includes('value $');
const LOT = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;

export const etradePortfolioCsv: PositionsFormat = {
  id: 'etrade-portfolio-csv',
  label: 'E*TRADE portfolio file',
  detect: ({ records }) => records !== null && findHeader(records, isPositionsHeader, 40) !== null,
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const header = findHeader(records, isPositionsHeader, 40)!;
    const line = records[header.index]!.line;
    const col = {
      symbol: 0,
      price: header.names.indexOf('last price $'),
      quantity: requireColumn(header.names, ['qty #'], line, 'Qty #'),
      value: requireColumn(header.names, ['value $'], line, 'Value $'),
    };
    // The Account Summary block names the account ("Brokerage -6666").
    const summary = findHeader(records, (n) => n[0] === 'account' && n.includes('net account value'), 10);
    const account = summary ? maskAccountLabel(records[summary.index + 1]?.fields[0]?.trim() ?? '') || undefined : undefined;

    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    for (const record of records.slice(header.index + 1)) {
      const raw = record.fields[col.symbol] ?? '';
      const symbol = raw.trim();
      if (!symbol) {
        if (record.fields.some((f) => f.trim())) skipped.push({ row: record.line, reason: `line ${record.line}: a row without a symbol` });
        continue;
      }
      if (/^generated at /i.test(symbol) || /^total$/i.test(symbol)) continue;
      // Lot rows repeat part of the position above them: counting them would count it twice.
      if (LOT.test(symbol) || /^\s/.test(raw)) continue;
      const f = (i: number) => (i < 0 ? '' : (record.fields[i] ?? '').trim());
      const value = numberCell(f(col.value));
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: `line ${record.line}: Value $ "${value.bad.slice(0, 40)}" is not a number` });
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
    }
    return { holdings, skipped };
  },
};
