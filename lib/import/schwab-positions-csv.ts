/**
 * Schwab positions export (Accounts → Positions → Export), single account, All-Accounts or an
 * account group, in the 2020 column names ("Quantity", "Market Value") and the 2026 ones ("Qty
 * (Quantity)", "Mkt Val (Market Value)", columns in the user's order). A title line ("Positions
 * for …"), then per account: an account line, a header row, positions, "Cash & Cash Investments" /
 * "Cash and Money Market", "Account Total"; an All-Accounts file may end with a grand total line.
 * Account totals and the grand total are stated totals; lot rows under a position are dropped.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { headerMeaning, type ColumnMeaning } from '../format/columns';
import { badValueReason, maskedAccountCell, numberCell } from './columns';
import type { CsvRecord } from './csv';
import { ImportError } from './errors';
import { StatedTotals, SubRows, totalLabel } from './rows';
import type { PositionsFormat } from './types';

/** "Positions for All-Accounts as of …", "Positions for account Individual ...789 as of …", "Positions for <group> as of …". */
const TITLE = /^Positions for (?:account (.+?)|(.+?)) as of /i;
const CASH = /^(cash & cash investments|cash and money market|futures cash)$/i;
const PENDING = /^pending activity$/i;

const filled = (r: CsvRecord) => r.fields.filter((f) => f.trim() !== '');

/** Column positions by meaning when the record is a header row (a Symbol and a Market Value column). */
function headerColumns(record: CsvRecord): Partial<Record<ColumnMeaning, number>> | null {
  if (!/^symbol$/i.test(record.fields[0]?.trim() ?? '')) return null;
  const columns: Partial<Record<ColumnMeaning, number>> = {};
  record.fields.forEach((f, i) => {
    const meaning = headerMeaning(f);
    if (meaning && columns[meaning] === undefined) columns[meaning] = i;
  });
  if (columns.value === undefined) throw new ImportError('the header row has no Market Value column', record.line);
  return columns;
}

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
    // A single-account file names its account in the title; the others on a line per account.
    let account: string | undefined = title[1] ? maskedAccountCell(title[1]) : undefined;
    let columns: Partial<Record<ColumnMeaning, number>> | null = null;
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    const totals = new StatedTotals();
    const subRows = new SubRows();
    for (const record of records.slice(records.indexOf(titleRecord) + 1)) {
      const cells = filled(record);
      if (cells.length === 0) continue;
      const raw = record.fields[0]!;
      const first = raw.trim();
      const header = headerColumns(record);
      if (header) {
        columns = header;
        subRows.reset();
        continue;
      }
      const f = (i: number | undefined) => (i === undefined ? '' : (record.fields[i] ?? '').trim());
      const total = totalLabel([first]);
      if (total) {
        // A short grand total line ("Grand Total","$16,931.00") has its figure right after the label.
        const value = (columns ? numberCell(f(columns.value)).value : null) ?? (cells.length === 2 ? numberCell(cells[1]).value : null);
        // "Account Total" is the current block's; a grand total line is decided by where it stands.
        totals.line({ ...total, value, row: record.line, account: total.kind === 'account' ? account : undefined });
        continue;
      }
      if (cells.length === 1) {
        account = maskedAccountCell(first); // "Brokerage XXXX-1234", "Test_Account_A ...1111"
        subRows.reset();
        continue;
      }
      if (!columns) {
        skipped.push({ row: record.line, reason: `line ${record.line}: a row before any header row` });
        continue;
      }
      // Lots repeat part of the position above them: counting them would count it twice.
      if (subRows.isSubRow(raw)) continue;
      const value = numberCell(f(columns.value));
      if (value.bad !== undefined) {
        skipped.push({ row: record.line, reason: badValueReason(record.line, 'Market Value', value) });
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
        rowKind: CASH.test(first) ? 'cash' : PENDING.test(first) ? 'pending' : 'position',
      });
      totals.row(account);
    }
    return { holdings, skipped, statedTotals: totals.result() };
  },
};
