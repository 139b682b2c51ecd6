/**
 * Schwab positions export (Accounts → Positions → Export), single account or All-Accounts, in the
 * 2020 column names ("Quantity", "Market Value") and the 2026 ones ("Qty (Quantity)", "Mkt Val
 * (Market Value)", columns in the user's order). A title line, then per account: an account line,
 * a header row, positions, "Cash & Cash Investments" / "Cash and Money Market", "Account Total".
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { headerMeaning, type ColumnMeaning } from '../format/columns';
import { maskAccountLabel } from '../format/account';
import { numberCell } from './columns';
import type { CsvRecord } from './csv';
import { ImportError } from './errors';
import type { PositionsFormat } from './types';

const TITLE = /^Positions for (All-Accounts|account (.+?)) as of /i;
const CASH = /^(cash & cash investments|cash and money market)$/i;

const filled = (r: CsvRecord) => r.fields.filter((f) => f.trim() !== '');

export const schwabPositionsCsv: PositionsFormat = {
  id: 'schwab-positions-csv',
  label: 'Schwab positions file',
  detect: ({ records }) => {
    const first = records?.find((r) => filled(r).length > 0);
    return !!first && TITLE.test(first.fields[0]!.trim());
  },
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const titleRecord = records.find((r) => filled(r).length > 0)!;
    const title = TITLE.exec(titleRecord.fields[0]!.trim())!;
    let account: string | undefined = title[2] ? maskAccountLabel(title[2]) : undefined;
    let columns: Partial<Record<ColumnMeaning, number>> | null = null;
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    for (const record of records.slice(records.indexOf(titleRecord) + 1)) {
      const cells = filled(record);
      if (cells.length === 0) continue;
      const first = record.fields[0]!.trim();
      if (/^symbol$/i.test(first)) {
        columns = {};
        record.fields.forEach((f, i) => {
          const meaning = headerMeaning(f);
          if (meaning && columns![meaning] === undefined) columns![meaning] = i;
        });
        if (columns.value === undefined) throw new ImportError('the header row has no Market Value column', record.line);
        continue;
      }
      if (cells.length === 1) {
        account = maskAccountLabel(first); // "Brokerage XXXX-1234", "Test_Account_A ...1111"
        continue;
      }
      if (!columns) {
        skipped.push({ row: record.line, reason: `line ${record.line}: a row before any header row` });
        continue;
      }
      if (/^account total$/i.test(first)) continue;
      const f = (i: number | undefined) => (i === undefined ? '' : (record.fields[i] ?? '').trim());
      const value = numberCell(f(columns.value));
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: `line ${record.line}: Market Value "${value.bad.slice(0, 40)}" is not a number` });
        continue;
      }
      const description = f(columns.description);
      holdings.push({
        symbol: first,
        description: description && description !== '--' ? description : undefined,
        quantity: numberCell(f(columns.quantity)).value,
        price: numberCell(f(columns.price)).value,
        marketValue: value.value,
        account,
        rowKind: CASH.test(first) ? 'cash' : 'position',
      });
    }
    return { holdings, skipped };
  },
};
