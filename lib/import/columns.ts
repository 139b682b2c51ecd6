/** Shared helpers for CSV positions formats: header lookup and cell reading. */
import { normaliseHeader, type CsvRecord } from './csv';
import { parseNumber } from '../format/number';
import { ImportError } from './errors';

export function findHeader(records: readonly CsvRecord[], test: (names: string[]) => boolean, within = 30): { index: number; names: string[] } | null {
  for (let i = 0; i < Math.min(records.length, within); i++) {
    const names = records[i]!.fields.map(normaliseHeader);
    if (test(names)) return { index: i, names };
  }
  return null;
}

/** Reads a money/quantity cell: null for "no value" markers, an ImportError-worthy reason for junk. */
export function numberCell(text: string | undefined): { value: number | null; bad?: string } {
  const t = (text ?? '').trim();
  const value = parseNumber(t);
  if (value !== null) return { value };
  if (/^(|-|--|---|n\/a|na|—|not applicable)$/i.test(t)) return { value: null };
  return { value: null, bad: t };
}

export function requireColumn(names: string[], candidates: string[], line: number, what: string): number {
  const index = names.findIndex((n) => candidates.includes(n));
  if (index < 0) throw new ImportError(`no ${what} column (looked for ${candidates.map((c) => `"${c}"`).join(', ')})`, line);
  return index;
}
