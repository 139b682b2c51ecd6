/**
 * Analysts' consensus EPS from Alpha Vantage's EARNINGS_ESTIMATES endpoint (API key required; a free
 * key allows 25 requests a day, so ask at most once a day per ticker and keep every reading).
 *
 *   https://www.alphavantage.co/query?function=EARNINGS_ESTIMATES&symbol=IBM&apikey=KEY
 *   {"symbol":"IBM","estimates":[{"date":"2026-12-31","horizon":"fiscal year","eps_estimate_average":"10.85",…},…]}
 *
 * What to know about the answers: every figure is a string (sometimes null or "None"); past periods
 * stay in the list next to future ones, quarters and fiscal years mixed; and refusals come with
 * HTTP 200 as `{"Information": …}` (rate limit, premium endpoint, bad key), `{"Note": …}` (older rate
 * limit wording) or `{"Error Message": …}` (unknown symbol or malformed call).
 */
import * as z from 'zod/mini';
import { parseNumber } from '../../format/number';
import { normaliseTicker } from '../../reference/tickers';
import { IsoDate } from '../../schema/common';
import { ProviderError, looksLikeHtml } from '../types';
import { EstimateReadingSchema, type EstimateReading } from './types';

export const ALPHA_VANTAGE = 'Alpha Vantage';
const SOURCE = 'Alpha Vantage EARNINGS_ESTIMATES';
const BASE = 'https://www.alphavantage.co/query';

const fail = (kind: 'format' | 'not-found' | 'http' | 'permission', reason: string) =>
  new ProviderError(ALPHA_VANTAGE, kind, `${ALPHA_VANTAGE}: ${reason}`);

// A figure as Alpha Vantage writes it: "10.85", 10.85, null, "None", or absent.
const Figure = z.optional(z.nullable(z.union([z.string(), z.number()])));

// Only the fields we read; z.object drops the rest (revenue, 7/60-days-ago figures, …).
const RowSchema = z.object({
  date: IsoDate,
  horizon: z.string(),
  eps_estimate_average: Figure,
  eps_estimate_analyst_count: Figure,
  eps_estimate_average_30_days_ago: Figure,
  eps_estimate_average_90_days_ago: Figure,
  eps_estimate_revision_up_trailing_30_days: Figure,
  eps_estimate_revision_down_trailing_30_days: Figure,
});
type Row = z.infer<typeof RowSchema>;

// Rows are checked one by one (below), so one odd row does not cost the whole answer.
const AnswerSchema = z.object({
  symbol: z.optional(z.string()),
  estimates: z.optional(z.nullable(z.array(z.unknown()))),
  Information: z.optional(z.string()),
  Note: z.optional(z.string()),
  'Error Message': z.optional(z.string()),
});

/** Canonical ticker or a not-found error: nothing that is not ticker-shaped reaches a URL or a reading. */
function canonical(ticker: string): string {
  const t = normaliseTicker(ticker);
  if (t === null) throw fail('not-found', `"${oneLine(ticker, 20)}" is not a US stock symbol`);
  return t;
}

/** The request URL. Alpha Vantage writes share classes with a dot (`BRK.B`), as Breadth does. */
export function estimatesUrl(ticker: string, apiKey: string): string {
  const key = apiKey.trim();
  if (key === '') throw fail('permission', 'an API key is needed (free at alphavantage.co)');
  const params = `function=EARNINGS_ESTIMATES&symbol=${encodeURIComponent(canonical(ticker))}&apikey=${encodeURIComponent(key)}`;
  return `${BASE}?${params}`;
}

/** Text from outside, made safe for a one-line message. */
function oneLine(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/**
 * The sentence of an Information/Note text worth showing. Alpha Vantage opens most of them with
 * "Thank you for using Alpha Vantage!", which says nothing, so that greeting is passed over.
 */
export function firstSentence(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // A sentence ends at . ! or ? followed by a space (so the dots of a URL do not end one).
  const sentences = flat.split(/(?<=[.!?])\s+/).filter((s) => s !== '');
  const useful = sentences.find((s) => !/^thank you for using alpha vantage\b/i.test(s)) ?? flat;
  return oneLine(useful, max);
}

/** A figure as a number, or null for null / "None" / "-" / absent (and anything not one number). */
function figure(v: Row['eps_estimate_average']): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return parseNumber(v.trim());
}

/** A count (analysts, revisions): a whole number ≥ 0, else null. */
function count(v: Row['eps_estimate_average']): number | null {
  const n = figure(v);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * Alpha Vantage's answer → the consensus for the next fiscal year: the earliest fiscal-year row
 * ending on or after the day of `readAt` (the year not yet reported) that has an EPS average.
 */
export function parseEarningsEstimates(text: string, ticker: string, readAt: Date): EstimateReading {
  const symbol = canonical(ticker);
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw fail('format', `empty answer for ${symbol}`);
  if (looksLikeHtml(body)) throw fail('format', `a web page came back instead of estimates for ${symbol} (blocked or an error page)`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw fail('format', `the answer for ${symbol} is not JSON (cut short?)`);
  }
  const parsed = AnswerSchema.safeParse(json);
  if (!parsed.success || typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw fail('format', `the answer for ${symbol} is not an estimates list`);
  }
  const answer = parsed.data;

  // Refusals that come with HTTP 200: said as HTTP trouble (retry later / check the key), not as "no data".
  const notice = answer.Information ?? answer.Note;
  if (notice !== undefined && answer.estimates == null) throw fail('http', firstSentence(notice));
  if (answer['Error Message'] !== undefined) {
    throw fail('not-found', `no estimates for ${symbol} (${firstSentence(answer['Error Message'], 100)})`);
  }
  if (answer.symbol !== undefined && answer.symbol.trim() !== '' && normaliseTicker(answer.symbol) !== symbol) {
    throw fail('format', `asked for ${symbol}, the answer is for ${oneLine(answer.symbol, 20)}`);
  }

  const today = readAt.toISOString().slice(0, 10);
  let next: { row: Row; eps: number } | null = null;
  for (const raw of answer.estimates ?? []) {
    const row = RowSchema.safeParse(raw);
    if (!row.success) continue;
    if (row.data.horizon.trim().toLowerCase() !== 'fiscal year') continue;
    // ISO dates compare as text; a year ending today is not reported yet.
    if (row.data.date < today) continue;
    const eps = figure(row.data.eps_estimate_average);
    if (eps === null) continue;
    if (next === null || row.data.date < next.row.date) next = { row: row.data, eps };
  }
  if (next === null) throw fail('not-found', `no consensus EPS for the next fiscal year of ${symbol}`);

  const { row, eps } = next;
  return EstimateReadingSchema.parse({
    ticker: symbol,
    readAt: readAt.toISOString(),
    fiscalYearEnd: row.date,
    eps,
    eps30DaysAgo: figure(row.eps_estimate_average_30_days_ago),
    eps90DaysAgo: figure(row.eps_estimate_average_90_days_ago),
    upLast30Days: count(row.eps_estimate_revision_up_trailing_30_days),
    downLast30Days: count(row.eps_estimate_revision_down_trailing_30_days),
    analysts: count(row.eps_estimate_analyst_count),
    source: SOURCE,
  });
}
