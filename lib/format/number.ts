/**
 * Number parsing for what brokerages print. One place, shared by every page adapter and file
 * importer, so `$1,234.56`, `(1,234.56)`, `-$5`, `+$5`, `.0000`, `--` and `N/A` mean the same everywhere.
 */

/** Texts that mean "no value here" rather than zero. */
const EMPTY_MARKERS = new Set(['', '-', '--', '---', 'n/a', 'na', 'none', 'null', '—', '–', 'not applicable']);

/**
 * Parses a money or quantity text. Returns `null` for "no value" markers and for anything that is
 * not one number (so a description never becomes a figure).
 */
/** The common case, "$1,234.56" or "-12.5", read without the general path's rewrites. */
const PLAIN = /^(-?)\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

export function parseNumber(text: string | null | undefined): number | null {
  if (text == null) return null;
  const plain = PLAIN.exec(text);
  if (plain) {
    const value = Number((plain[2]!.includes(',') ? plain[2]!.replace(/,/g, '') : plain[2]!) + (plain[3] ?? ''));
    return plain[1] ? -value : value;
  }
  let s = text.replace(/[\u00a0\u2009\u202f\s]+/g, '').trim();
  if (EMPTY_MARKERS.has(s.toLowerCase())) return null;
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
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/.test(s) || s === '' || s === '.') return null;
  const value = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** A percentage text (`12.5%`, `+0.39%`) as a fraction (0.125). */
export function parsePercent(text: string | null | undefined): number | null {
  const value = parseNumber(text);
  return value == null ? null : value / 100;
}
