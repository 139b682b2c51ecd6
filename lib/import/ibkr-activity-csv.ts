/**
 * Interactive Brokers Activity Statement CSV, in English: every line starts with its section name
 * and a row type (`Header`, `Data`, `Total`, `SubTotal`). Positions are the `Open Positions` section's
 * `Summary` rows; the account comes from `Account Information`. A statement in another language
 * (sections like "Posizioni aperte") is refused with how to get an English one.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { maskAccountNumber } from '../format/account';
import { parseNumber } from '../format/number';
import { normaliseHeader } from './csv';
import { ImportError } from './errors';
import type { PositionsFormat } from './types';

const LOCALISED = /^(Posizioni aperte|Offene Positionen|Positions ouvertes|Posiciones abiertas|Open posities|Informazioni conto|Kontoinformationen)$/;

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
        `this Interactive Brokers statement is not in English ("${foreign.fields[0]}"): set the statement language to English in Reports → Statements and download it again`,
        foreign.line,
      );
    }
    const accountRow = records.find((r) => r.fields[0] === 'Account Information' && r.fields[1] === 'Data' && r.fields[2] === 'Account');
    const account = accountRow?.fields[3] ? `Interactive Brokers ${maskAccountNumber(accountRow.fields[3])}` : undefined;
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    let header: string[] | null = null;
    for (const r of records) {
      if (r.fields[0] !== 'Open Positions') continue;
      if (r.fields[1] === 'Header') {
        header = r.fields.map(normaliseHeader);
        continue;
      }
      if (r.fields[1] !== 'Data' || !header) continue; // Total / SubTotal rows sum what is already read
      const f = (name: string) => (header!.indexOf(name) >= 0 ? (r.fields[header!.indexOf(name)] ?? '').trim() : '');
      if (f('datadiscriminator') && f('datadiscriminator') !== 'Summary') continue; // lots split a summary row
      const currency = f('currency');
      const value = parseNumber(f('value'));
      if (value === null) {
        skipped.push({ row: r.line, reason: `line ${r.line}: Value "${f('value').slice(0, 40)}" is not a number` });
        continue;
      }
      if (currency && currency !== 'USD') {
        skipped.push({ row: r.line, reason: `line ${r.line}: ${f('symbol')} is valued in ${currency}; the statement gives no rate to USD` });
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
    if (!header) throw new ImportError('this activity statement has no Open Positions section');
    return { holdings, skipped };
  },
};
