/**
 * Interactive Brokers Activity Statement CSV, in English: every line starts with its section name
 * and a row type (`Header`, `Data`, `Total`, `SubTotal`). Positions are the `Open Positions` section's
 * `Summary` rows (`Lot` rows split them); the account comes from `Account Information`. In a USD
 * account the `Net Asset Value` section gives the cash (read as a cash row), the accruals (pending)
 * and the statement's total. A statement in another language is refused with how to get an English one.
 */
import type { RawHolding, SkippedRow, StatedTotal } from '../schema/holdings';
import { maskAccountNumber } from '../format/account';
import { parseNumber } from '../format/number';
import { normaliseHeader, type CsvRecord } from './csv';
import { badValueReason, numberCell } from './columns';
import { ImportError } from './errors';
import type { PositionsFormat } from './types';

const LOCALISED = /^(Posizioni aperte|Offene Positionen|Positions ouvertes|Posiciones abiertas|Open posities|Informazioni conto|Kontoinformationen)$/;

/** Net Asset Value rows that Open Positions lists too (read there, position by position). */
const NAV_POSITIONS = /^(stocks?|options|equity and index options|bonds|funds|mutual funds|warrants|treasury bills)$/i;
const NAV_CASH = /^cash$/i;
const NAV_ACCRUALS = /^(interest|dividend) accruals$/i;

/** A section's Data rows as {column → cell}, under the section's Header row that has `columns`. */
function sectionRows(records: readonly CsvRecord[], section: string, columns: string[]): { line: number; get: (name: string) => string }[] {
  const out: { line: number; get: (name: string) => string }[] = [];
  let header: string[] | null = null;
  for (const r of records) {
    if (r.fields[0] !== section) continue;
    if (r.fields[1] === 'Header') {
      const names = r.fields.map(normaliseHeader);
      header = columns.every((c) => names.includes(c)) ? names : null;
      continue;
    }
    if (r.fields[1] !== 'Data' || !header) continue;
    const names = header;
    out.push({ line: r.line, get: (name) => (r.fields[names.indexOf(name)] ?? '').trim() });
  }
  return out;
}

/**
 * The cash and accruals rows and the statement's total, from Net Asset Value (base currency). Only
 * for a USD account, and only when every NAV line is one Breadth reads (positions, cash, accruals):
 * otherwise the total would cover money no row stands for.
 */
function netAssetValue(records: readonly CsvRecord[], account: string | undefined): { rows: RawHolding[]; total: StatedTotal | null } {
  const rows: RawHolding[] = [];
  let total: StatedTotal | null = null;
  let comparable = true;
  for (const r of sectionRows(records, 'Net Asset Value', ['asset class', 'current total'])) {
    const assetClass = r.get('asset class');
    const value = parseNumber(r.get('current total'));
    if (value === null) continue;
    if (/^total$/i.test(assetClass)) total = { ...(account ? { account } : {}), label: 'Net Asset Value Total', value, row: r.line };
    else if (NAV_CASH.test(assetClass)) {
      if (value !== 0) rows.push({ symbol: 'Cash', description: 'Cash (Net Asset Value)', marketValue: value, account, rowKind: 'cash' });
    } else if (NAV_ACCRUALS.test(assetClass)) {
      if (value !== 0) rows.push({ description: assetClass, marketValue: value, account, rowKind: 'pending' });
    } else if (!NAV_POSITIONS.test(assetClass) && value !== 0) comparable = false;
  }
  return { rows, total: comparable ? total : null };
}

export const ibkrActivityCsv: PositionsFormat = {
  id: 'ibkr-activity-csv',
  label: 'Interactive Brokers activity statement',
  detect: ({ records }) =>
    !!records?.slice(0, 5).some((r) => r.fields[0] === 'Statement' && (r.fields[1] === 'Header' || r.fields[1] === 'Data')),
  read({ records: maybeRecords }) {
    const records = maybeRecords!;
    const foreign = records.find((r) => LOCALISED.test(r.fields[0]?.trim() ?? ''));
    if (foreign) {
      throw new ImportError(
        `this Interactive Brokers statement is not in English ("${foreign.fields[0]!.trim()}"): set the statement language to English in Reports → Statements and download it again`,
        foreign.line,
      );
    }
    const info = (field: string) => records.find((r) => r.fields[0] === 'Account Information' && r.fields[1] === 'Data' && r.fields[2] === field)?.fields[3]?.trim();
    const accountNumber = info('Account');
    const account = accountNumber ? `Interactive Brokers ${maskAccountNumber(accountNumber)}` : undefined;
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    if (!records.some((r) => r.fields[0] === 'Open Positions' && r.fields[1] === 'Header')) {
      throw new ImportError('this activity statement has no Open Positions section');
    }
    // Total and SubTotal rows sum what is already read; only Data rows are positions.
    for (const r of sectionRows(records, 'Open Positions', ['value'])) {
      const f = r.get;
      if (f('datadiscriminator') && f('datadiscriminator') !== 'Summary') continue; // lots split a summary row
      const currency = f('currency');
      const cell = numberCell(f('value'));
      const value = cell.value;
      if (value === null) {
        skipped.push({ row: r.line, reason: badValueReason(r.line, 'Value', cell.bad === undefined ? { bad: f('value') } : cell) });
        continue;
      }
      if (currency && currency !== 'USD') {
        skipped.push({ row: r.line, reason: `line ${r.line}: ${f('symbol').slice(0, 64)} is valued in ${currency.slice(0, 20)}; the statement gives no rate to USD` });
        continue;
      }
      holdings.push({
        symbol: f('symbol') || undefined,
        quantity: parseNumber(f('quantity')),
        price: parseNumber(f('close price')),
        marketValue: value,
        account,
        rowKind: /^cash/i.test(f('asset category')) ? 'cash' : 'position',
      });
    }
    // Net Asset Value is in the base currency: comparable with USD rows only in a USD account.
    if (info('Base Currency') !== 'USD') return { holdings, skipped };
    const nav = netAssetValue(records, account);
    holdings.push(...nav.rows);
    return { holdings, skipped, statedTotals: nav.total ? [nav.total] : [] };
  },
};
