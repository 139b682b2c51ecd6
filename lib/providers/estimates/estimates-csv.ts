/**
 * The user's own CSV of consensus estimates, for those without an API key: one row per ticker and
 * day, copied from wherever they read estimates. Each row becomes one dated reading, so a file kept
 * up over months gives Breadth the same revision history a provider would.
 *
 *   Ticker,Date,EPS estimate,Fiscal year end,EPS 30 days ago,EPS 90 days ago,Up revisions 30d,Down revisions 30d,Analysts
 *   NVDA,2026-11-20,4.52,2027-01-31,4.41,4.10,12,1,58
 *
 * Only Ticker/Symbol, Date and the EPS estimate are required; the other columns may be absent or empty.
 */
import { parseNumber } from '../../format/number';
import { normaliseTicker } from '../../reference/tickers';
import { CsvSyntaxError, isBlankRecord, normaliseHeader, parseCsv, type CsvRecord } from '../../import/csv';
import { ProviderError, looksLikeHtml } from '../types';
import { EstimateReadingSchema, type EstimateReading } from './types';

const PROVIDER = 'Estimates CSV';

type Column = 'ticker' | 'date' | 'eps' | 'fiscalYearEnd' | 'eps30' | 'eps90' | 'up30' | 'down30' | 'analysts';

/** Header names per column, in the comparable form `headerKey` gives. */
const ALIASES: Record<Column, readonly string[]> = {
  ticker: ['ticker', 'symbol', 'ticker symbol'],
  date: ['date', 'as of', 'as of date', 'reading date', 'date read'],
  eps: ['eps estimate', 'consensus eps', 'eps', 'eps consensus', 'consensus eps estimate', 'eps estimate consensus', 'next fy eps', 'eps next fy'],
  fiscalYearEnd: ['fiscal year end', 'fiscal year ending', 'fy end', 'fiscal year end date'],
  eps30: ['eps 30 days ago', 'eps 30d ago', 'consensus eps 30 days ago', 'eps estimate 30 days ago', '30 days ago'],
  eps90: ['eps 90 days ago', 'eps 90d ago', 'consensus eps 90 days ago', 'eps estimate 90 days ago', '90 days ago'],
  up30: ['up revisions 30d', 'up revisions 30 days', 'up revisions last 30 days', 'revisions up 30d', 'upward revisions 30d', 'up last 30 days'],
  down30: ['down revisions 30d', 'down revisions 30 days', 'down revisions last 30 days', 'revisions down 30d', 'downward revisions 30d', 'down last 30 days'],
  analysts: ['analysts', 'analyst count', 'number of analysts', 'no of analysts', 'analysts count'],
};

const REQUIRED: readonly { column: Column; label: string }[] = [
  { column: 'ticker', label: 'Ticker/Symbol' },
  { column: 'date', label: 'Date' },
  { column: 'eps', label: 'EPS estimate' },
];

/** normaliseHeader, then punctuation as spaces: `EPS Estimate (Consensus)`, `# Analysts`, `up_revisions_30d` all match. */
function headerKey(cell: string): string {
  return normaliseHeader(cell)
    .replace(/[_()[\]#:.*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Columns = Partial<Record<Column, number>>;

function columnsOf(record: CsvRecord): Columns {
  const cols: Columns = {};
  record.fields.forEach((cell, i) => {
    const key = headerKey(cell);
    for (const [column, names] of Object.entries(ALIASES) as [Column, readonly string[]][]) {
      // The first column with a name wins, so a repeated header does not move a column.
      if (cols[column] === undefined && names.includes(key)) cols[column] = i;
    }
  });
  return cols;
}

const missingOf = (cols: Columns) => REQUIRED.filter((r) => cols[r.column] === undefined).map((r) => r.label);

/** The header: the first of the first few non-blank records naming all required columns. */
function findHeader(records: readonly CsvRecord[]): { index: number; cols: Columns; missing: string[] } {
  let best: string[] = REQUIRED.map((r) => r.label);
  let seen = 0;
  for (let i = 0; i < records.length && seen < 10; i++) {
    if (isBlankRecord(records[i]!)) continue;
    seen += 1;
    const cols = columnsOf(records[i]!);
    const missing = missingOf(cols);
    if (missing.length === 0) return { index: i, cols, missing };
    if (missing.length < best.length) best = missing;
  }
  return { index: -1, cols: {}, missing: best };
}

function records(text: string): CsvRecord[] | null {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return null;
    throw error;
  }
}

/** True for a CSV whose header names a ticker, a date and an EPS estimate column. */
export function looksLikeEstimatesCsv(text: string): boolean {
  if (looksLikeHtml(text)) return false;
  const recs = records(text);
  return recs !== null && findHeader(recs).index >= 0;
}

/** `YYYY-MM-DD` or `M/D/YYYY` → `YYYY-MM-DD` when it is a real calendar day, else null. */
export function csvDate(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : us ? [us[3]!, us[1]!, us[2]!] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  // Date.UTC rolls 02/30 over to March: a day that does not round-trip does not exist.
  const t = new Date(`${date}T00:00:00.000Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === date ? date : null;
}

/** Cells that mean "not given" rather than a bad figure. */
const NO_VALUE = /^(|-|--|---|n\/?a|none|null|—|–)$/i;

const quote = (s: string) => `"${s.replace(/\s+/g, ' ').trim().slice(0, 30)}"`;

/** A bad row's reason, thrown inside the row loop and turned into a `skipped` entry. */
class RowProblem extends Error {}

/** The source label, within the reading's 120 characters: the file's own name, not its folder. */
function sourceLabel(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()?.trim() || 'estimates.csv';
  const suffix = ' (your import)';
  const room = 120 - suffix.length;
  return `${base.length > room ? `${base.slice(0, room - 1)}…` : base}${suffix}`;
}

/**
 * Reads the file: one reading per good row; bad rows are listed with their line and why, so the user
 * can fix them. Throws (`ProviderError('Estimates CSV', 'format')`) for an HTML page, a broken CSV or
 * a header without the required columns.
 */
export function parseEstimatesCsv(text: string, fileName: string): { readings: EstimateReading[]; skipped: { line: number; reason: string }[] } {
  const name = fileName.split(/[\\/]/).pop()?.trim() || 'the file';
  const fail = (reason: string) => new ProviderError(PROVIDER, 'format', `${PROVIDER}: ${reason}`);
  if (looksLikeHtml(text)) throw fail(`${name} is a web page, not a CSV of estimates`);
  let recs: CsvRecord[];
  try {
    recs = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fail(`${name}: ${error.message}`);
    throw error;
  }
  if (recs.every(isBlankRecord)) throw fail(`${name} is empty`);
  const header = findHeader(recs);
  if (header.index < 0) throw fail(`${name} has no ${header.missing.join(', no ')} column`);
  const { cols } = header;
  const source = sourceLabel(fileName);

  const readings: EstimateReading[] = [];
  const skipped: { line: number; reason: string }[] = [];
  // One reading per ticker and day: a later row for the same pair replaces the earlier one.
  const byKey = new Map<string, { line: number; index: number }>();

  for (const record of recs.slice(header.index + 1)) {
    if (isBlankRecord(record)) continue;
    const cell = (c: Column) => (cols[c] === undefined ? '' : (record.fields[cols[c]!] ?? '').trim());
    // Optional numbers: empty or a "no value" marker is null; anything else must be a number.
    const num = (c: Column, what: string): number | null => {
      const t = cell(c);
      const v = parseNumber(t);
      if (v === null && !NO_VALUE.test(t)) throw new RowProblem(`${what} ${quote(t)} is not a number`);
      return v;
    };
    const whole = (c: Column, what: string): number | null => {
      const v = num(c, what);
      if (v !== null && !(Number.isInteger(v) && v >= 0)) throw new RowProblem(`${what} ${quote(cell(c))} is not a whole number`);
      return v;
    };
    try {
      const rawTicker = cell('ticker');
      if (rawTicker === '') throw new RowProblem('no ticker');
      const ticker = normaliseTicker(rawTicker);
      if (ticker === null) throw new RowProblem(`ticker ${quote(rawTicker)} is not a US stock symbol`);
      const rawDate = cell('date');
      if (rawDate === '') throw new RowProblem('no date');
      const date = csvDate(rawDate);
      if (date === null) throw new RowProblem(`date ${quote(rawDate)} is not YYYY-MM-DD or MM/DD/YYYY`);
      if (cell('eps') === '') throw new RowProblem('no EPS estimate');
      const eps = parseNumber(cell('eps'));
      if (eps === null) throw new RowProblem(`EPS estimate ${quote(cell('eps'))} is not a number`);
      const rawFye = cell('fiscalYearEnd');
      const fiscalYearEnd = rawFye === '' ? null : csvDate(rawFye);
      if (rawFye !== '' && fiscalYearEnd === null) throw new RowProblem(`fiscal year end ${quote(rawFye)} is not YYYY-MM-DD or MM/DD/YYYY`);

      const reading = EstimateReadingSchema.parse({
        ticker,
        readAt: `${date}T00:00:00.000Z`,
        fiscalYearEnd,
        eps,
        eps30DaysAgo: num('eps30', 'EPS 30 days ago'),
        eps90DaysAgo: num('eps90', 'EPS 90 days ago'),
        upLast30Days: whole('up30', 'up revisions'),
        downLast30Days: whole('down30', 'down revisions'),
        analysts: whole('analysts', 'analysts'),
        source,
      });
      const key = `${ticker} ${date}`;
      const earlier = byKey.get(key);
      if (earlier) {
        skipped.push({ line: earlier.line, reason: `line ${earlier.line}: replaced by line ${record.line} (same ticker and date)` });
        readings[earlier.index] = reading;
        byKey.set(key, { line: record.line, index: earlier.index });
      } else {
        byKey.set(key, { line: record.line, index: readings.length });
        readings.push(reading);
      }
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      skipped.push({ line: record.line, reason: `line ${record.line}: ${error.message}` });
    }
  }
  skipped.sort((a, b) => a.line - b.line);
  return { readings, skipped };
}
