/** Shared helpers for CSV positions formats: header lookup and cell reading. */
import { normaliseHeader, type CsvRecord } from './csv';
import { parseMoney } from '../format/number';
import { accountLabel, maskAccountLabel } from '../format/account';
import { ImportError } from './errors';

export function findHeader(records: readonly CsvRecord[], test: (names: string[]) => boolean, within = 30): { index: number; names: string[] } | null {
  for (let i = 0; i < Math.min(records.length, within); i++) {
    const names = records[i]!.fields.map(normaliseHeader);
    if (test(names)) return { index: i, names };
  }
  return null;
}

/** What a cell that is not an amount is, in words for a skipped row's reason. */
export const NOT_A_NUMBER = 'is not a number';
export const BEYOND_ROW_LIMIT = 'is beyond the 10 trillion USD a row can hold';

/**
 * Reads a money/quantity cell: null for "no value" markers; for junk or a number beyond
 * ±MAX_MONEY_USD, null with the cell's text (`bad`) and why it is not an amount (`why`).
 */
export function numberCell(text: string | undefined): { value: number | null; bad?: string; why?: string } {
  const t = (text ?? '').trim();
  const parsed = parseMoney(t);
  if (parsed.kind === 'value') return { value: parsed.value };
  if (parsed.kind === 'out-of-range') return { value: null, bad: t, why: BEYOND_ROW_LIMIT };
  if (/^(|-|--|---|n\/a|na|—|not applicable)$/i.test(t)) return { value: null };
  return { value: null, bad: t, why: NOT_A_NUMBER };
}

/** A skipped row's reason for a value cell that is not an amount: `line 3: Value "12O0.00" is not a number`. */
export function badValueReason(line: number, column: string, cell: { bad?: string; why?: string }): string {
  return `line ${line}: ${column} "${(cell.bad ?? '').slice(0, 40)}" ${cell.why ?? NOT_A_NUMBER}`;
}

/**
 * More than an account label holds (the schema keeps 120 characters): an account cell is cut to
 * this before masking, whose account-number regex backtracks quadratically on long cells.
 */
const MAX_ACCOUNT_CELL = 240;

/** An account's label from its name and number cells (see accountLabel), long cells cut first. */
export function accountFromCells(name: string | undefined, number: string | undefined): string {
  return accountLabel(name?.slice(0, MAX_ACCOUNT_CELL), number?.slice(0, MAX_ACCOUNT_CELL));
}

/** An account cell masked (last four digits of any account number), long text cut first. */
export function maskedAccountCell(text: string): string {
  return maskAccountLabel(text.slice(0, MAX_ACCOUNT_CELL));
}

export function requireColumn(names: string[], candidates: string[], line: number, what: string): number {
  const index = names.findIndex((n) => candidates.includes(n));
  if (index < 0) throw new ImportError(`no ${what} column (looked for ${candidates.map((c) => `"${c}"`).join(', ')})`, line);
  return index;
}
