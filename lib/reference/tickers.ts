/**
 * Ticker normalisation, in one place. Canonical form: upper case, share class after a dot
 * (`BRK.B`), no exchange suffix, no Fidelity markers (`SPAXX**` → `SPAXX`).
 */

/** Fund files that drop the class separator: the real, dotted tickers. */
export const UNDOTTED_CLASS_TICKERS: Readonly<Record<string, string>> = Object.freeze({
  BRKB: 'BRK.B',
  BRKA: 'BRK.A',
  BFB: 'BF.B',
  BFA: 'BF.A',
  MOGA: 'MOG.A',
  MOGB: 'MOG.B',
  LENB: 'LEN.B',
  HEIA: 'HEI.A',
  GEFB: 'GEF.B',
});

/** Money-market / cash markers Fidelity appends to core positions (`SPAXX**`, `USD***`). */
const CASH_MARKER = /\*+$/;

/**
 * Longer than any symbol a brokerage shows, with its class, exchange code and markers
 * (`BRK.B`, `HOLX US`, `SPAXX**`): text beyond it is not a ticker, and is never handed to the
 * regexes below, whose backtracking on long runs of spaces or stars is quadratic.
 */
export const MAX_TICKER_INPUT = 24;

/** `true` when the shown symbol carries Fidelity's core-position marker. */
export function hasCashMarker(raw: string): boolean {
  return raw.trimEnd().endsWith('*');
}

/**
 * Canonical ticker for a shown symbol, or `null` when the text is not ticker-shaped
 * (a CUSIP, an option, words). `BRK.B`, `BRK-B`, `BRK/B`, `BRK B`, `BRKB` → `BRK.B`; `HOLX US` → `HOLX`.
 */
export function normaliseTicker(raw: string): string | null {
  let s = raw.trim();
  if (s.length > MAX_TICKER_INPUT) return null;
  s = s.toUpperCase().replace(CASH_MARKER, '');
  s = s.replace(/\s+(US|UN|UW|UQ|UA|UR|UP)$/, ''); // Bloomberg exchange codes
  s = s.replace(/^\$/, '');
  const m = /^([A-Z]{1,6})(?:[.\-/ ]([A-Z]{1,2}))?$/.exec(s);
  if (!m) return null;
  const [, base, cls] = m;
  if (cls) return `${base}.${cls}`;
  return UNDOTTED_CLASS_TICKERS[base!] ?? base!;
}

/** A 9-character CUSIP (e.g. a T-bill `912797LN5`): never a stock ticker. */
export function isCusip(raw: string): boolean {
  const s = raw.trim().toUpperCase();
  if (s.length !== 9) return false;
  return /^[0-9]{3}[0-9A-Z]{5}[0-9]$/.test(s) && /\d/.test(s.slice(3, 8));
}

/** Longer than any option symbol as shown (`AAPL 01/17/2025 1500.00 C`, padded OCC symbols). */
const MAX_OPTION_INPUT = 64;

/** OCC-style option symbols as brokerages show them (` -AAPL250117C150`, `AAPL 01/17/2025 150.00 C`). */
export function isOptionSymbol(raw: string): boolean {
  const s = raw.trim().toUpperCase();
  if (s.length > MAX_OPTION_INPUT) return false;
  return (
    /^-?[A-Z]{1,6}\d{6}[CP]\d+(\.\d+)?$/.test(s.replace(/\s+/g, '')) ||
    /^[A-Z]{1,6}\s+\d{2}\/\d{2}\/\d{2,4}\s+\d+(\.\d+)?\s+[CP]$/.test(s)
  );
}

/** Issuer key: the company name without its share-class suffix (`ALPHABET INC CLASS C` → `ALPHABET INC`). */
export function issuerKeyFromName(name: string): string {
  // Spaces collapsed first: `\s+` before an anchored suffix backtracks quadratically on long runs.
  return name
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (CLASS|CL|SERIES) [A-Z]$/, '');
}
