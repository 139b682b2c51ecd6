/**
 * Number parsing for what brokerages print. One place, shared by every page adapter and file
 * importer, so `$1,234.56`, `(1,234.56)`, `-$5`, `+$5`, `.0000`, `--` and `N/A` mean the same everywhere.
 */

/**
 * The largest amount one row can hold (USD for money, units for quantities): ten trillion dollars,
 * far beyond any real position, yet small enough that 20,000 rows of it still sum to a finite
 * number with cents to spare. A cell beyond it is not an amount: the row is skipped with a reason.
 * Same bound as the schema's (lib/schema/common.ts MAX_ROW_AMOUNT), so a read always validates.
 */
export const MAX_MONEY_USD = 1e13;

/** Texts that mean "no value here" rather than zero. */
const EMPTY_MARKERS = new Set(['', '-', '--', '---', 'n/a', 'na', 'none', 'null', '—', '–', 'not applicable']);

/** The common case, "$1,234.56" or "-12.5", read without the general path's rewrites. */
const PLAIN = /^(-?)\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/** What a cell holds: an amount, nothing ("--"), text that is no number, or a number beyond MAX_MONEY_USD. */
export type ParsedMoney = { kind: 'value'; value: number } | { kind: 'empty' } | { kind: 'not-a-number' } | { kind: 'out-of-range' };

/** One amount: finite, within ±MAX_MONEY_USD, and 0 rather than -0 (which prints as "-$0"). */
export function moneyAmount(value: number): ParsedMoney {
  if (Number.isNaN(value)) return { kind: 'not-a-number' };
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MONEY_USD) return { kind: 'out-of-range' };
  return { kind: 'value', value: value === 0 ? 0 : value };
}

function amount(digits: string, negative: boolean): ParsedMoney {
  const magnitude = Number(digits);
  return moneyAmount(negative ? -magnitude : magnitude);
}

/** Reads a money or quantity text and says what it is (see ParsedMoney). */
export function parseMoney(text: string | null | undefined): ParsedMoney {
  if (text == null) return { kind: 'empty' };
  const plain = PLAIN.exec(text);
  if (plain) return amount((plain[2]!.includes(',') ? plain[2]!.replace(/,/g, '') : plain[2]!) + (plain[3] ?? ''), plain[1] === '-');
  let s = text.replace(/[\u00a0\u2009\u202f\s]+/g, '').trim();
  if (EMPTY_MARKERS.has(s.toLowerCase())) return { kind: 'empty' };
  let negative = false;
  // Accounting negatives: (1,234.56) and ($1,234.56).
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  // Unicode minus and a leading sign, before or after the currency symbol: -$5, $-5, +$5.
  s = s.replace(/\u2212/g, '-');
  const sign = /^([+-]?)(?:US)?\$?([+-]?)/i.exec(s);
  if (sign) {
    const signs = (sign[1] ?? '') + (sign[2] ?? '');
    if (signs.includes('-')) negative = !negative;
    s = s.slice(sign[0].length);
  }
  s = s.replace(/(?:USD|%)$/i, '');
  // Thousands separators only between digit groups of three.
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/.test(s) || s === '' || s === '.') return { kind: 'not-a-number' };
  return amount(s.replace(/,/g, ''), negative);
}

/**
 * Parses a money or quantity text. Returns `null` for "no value" markers, for anything that is
 * not one number (so a description never becomes a figure) and for numbers beyond ±MAX_MONEY_USD;
 * otherwise a finite number, never -0.
 */
export function parseNumber(text: string | null | undefined): number | null {
  const parsed = parseMoney(text);
  return parsed.kind === 'value' ? parsed.value : null;
}

/** A percentage text (`12.5%`, `+0.39%`) as a fraction (0.125). */
export function parsePercent(text: string | null | undefined): number | null {
  const value = parseNumber(text);
  return value == null ? null : value / 100;
}
