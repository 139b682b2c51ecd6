/**
 * Daily prices for US stocks and ETFs from Cboe's public chart files: no key, no account.
 *
 *   https://cdn.cboe.com/api/global/delayed_quotes/charts/historical/SPY.json
 *   {"symbol":"SPY","data":[{"date":"2026-11-20","open":…,"high":…,"low":…,"close":…,"volume":…},…]}
 *
 * Why Cboe and not Stooq: since 2026 Stooq's CSV download wants an API key and answers scripts with an
 * HTML proof-of-work page (with HTTP 200). Cboe's files are static on a CDN, reach back to about 2004, and
 * take one URL per symbol whatever its kind (Nasdaq's keyless API needs the asset class and throttles
 * history requests). What to know about the data: closes are not adjusted for dividends (returns are
 * price returns), the latest session shows up the next day, values are sometimes strings, rows before a
 * listing carry 0, and a symbol Cboe does not carry answers HTTP 403 (an S3 "AccessDenied" body), not 404.
 * Cboe's terms discourage scraping: fetch at most once a day per symbol and keep the result.
 */
import * as z from 'zod/mini';
import { IsoDate } from '../../schema/common';
import { ProviderError, looksLikeHtml } from '../types';

export const CBOE_PROVIDER = 'Cboe';
const BASE = 'https://cdn.cboe.com/api/global/delayed_quotes/charts/historical';

/** One trading day: the close, and the day's high (for 52-week highs). */
export const DailyPriceSchema = z.object({
  date: IsoDate,
  close: z.number().check(z.positive()),
  high: z.number().check(z.positive()),
});
export type DailyPrice = z.infer<typeof DailyPriceSchema>;
export const DailyPricesSchema = z.array(DailyPriceSchema);

// Only the fields we read. z.object drops the rest (open, low, volume).
const FileSchema = z.object({ symbol: z.optional(z.string()), data: z.array(z.unknown()) });

// A US listing: 1–6 letters/digits, optionally a share class (BRK.B, BF.B). Anything else never reaches a URL.
const US_SYMBOL = /^[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?$/;

const fail = (kind: 'format' | 'not-found', reason: string) => new ProviderError(CBOE_PROVIDER, kind, `${CBOE_PROVIDER}: ${reason}`);

/** `brk-b`, `BRK/B`, `BRK.B` → `BRK.B` (Cboe writes share classes with a dot). Throws on non-US symbols. */
export function cboeSymbol(ticker: string): string {
  const symbol = ticker.trim().toUpperCase().replace(/[-/ ]/g, '.');
  if (!US_SYMBOL.test(symbol)) throw fail('not-found', `"${ticker.slice(0, 20)}" is not a US stock or ETF symbol`);
  return symbol;
}

/** The daily-history file for a ticker. */
export function priceUrl(ticker: string): string {
  return `${BASE}/${cboeSymbol(ticker)}.json`;
}

/** "512.34" and 512.34 alike; anything else is NaN (which the schema refuses). */
function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return Number.NaN;
}

const alnum = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Cboe's JSON → validated rows sorted by date (one per date). Refuses HTML and error pages, an answer
 * with no price list, an answer for another symbol, and files with more than a few unreadable rows
 * (a handful are skipped: one bad print should not cost a whole history).
 */
export function parseDailyPrices(text: string, ticker: string): DailyPrice[] {
  const symbol = cboeSymbol(ticker);
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw fail('format', `empty answer for ${symbol}`);
  if (looksLikeHtml(body)) throw fail('format', `a web page came back instead of prices for ${symbol} (blocked or an error page)`);
  if (body.startsWith('<')) {
    // The CDN's "no such file" (S3 AccessDenied / NoSuchKey) is how Cboe says it has no such symbol.
    if (/<Code>\s*(AccessDenied|NoSuchKey)\s*<\/Code>/i.test(body)) throw fail('not-found', `no price history for ${symbol}`);
    throw fail('format', `an XML answer came back instead of prices for ${symbol}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw fail('format', `the answer for ${symbol} is not JSON`);
  }
  const file = FileSchema.safeParse(json);
  if (!file.success) throw fail('format', `the answer for ${symbol} has no price list`);
  if (file.data.symbol !== undefined && alnum(file.data.symbol) !== alnum(symbol)) {
    throw fail('format', `asked for ${symbol}, the answer is for ${file.data.symbol.slice(0, 20)}`);
  }

  const rows = file.data.data;
  const byDate = new Map<string, DailyPrice>();
  let placeholders = 0;
  let bad = 0;
  let firstBad = -1;
  rows.forEach((raw, i) => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const close = toNumber(r.close);
    // Rows before a listing (or on no-trade days) quote 0: not data, not an error.
    if (close === 0) {
      placeholders += 1;
      return;
    }
    let high = toNumber(r.high);
    // Cboe's high/low have known bad points (0, missing); the close is what we trust, so repair up to it.
    if (!(high >= close)) high = close;
    const row = DailyPriceSchema.safeParse({ date: r.date, close, high });
    if (row.success) {
      byDate.set(row.data.date, row.data); // a repeated date: the later row stands
    } else {
      bad += 1;
      if (firstBad < 0) firstBad = i;
    }
  });

  if (byDate.size === 0) {
    if (bad === 0) throw fail('not-found', `no price history for ${symbol}`); // empty list or only placeholders
    throw fail('format', `none of the ${rows.length} rows for ${symbol} is readable`);
  }
  // At most 1 % of the rows (and at least one) may be skipped; beyond that the file itself is suspect.
  const allowed = Math.max(1, Math.floor((rows.length - placeholders) / 100));
  if (bad > allowed) throw fail('format', `${bad} of ${rows.length} rows for ${symbol} are unreadable (first at row ${firstBad + 1})`);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Fetches and parses one ticker through a requester (lib/providers/http `createRequester` with
 * provider `Cboe`). HTTP 403 is the CDN's answer for a symbol it does not carry: said as not-found.
 */
export async function loadDailyPrices(requester: { text(url: string): Promise<string> }, ticker: string): Promise<DailyPrice[]> {
  const url = priceUrl(ticker);
  let text: string;
  try {
    text = await requester.text(url);
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'http' && /\bHTTP 403\b/.test(error.message)) {
      throw fail('not-found', `no price history for ${cboeSymbol(ticker)}`);
    }
    throw error;
  }
  return parseDailyPrices(text, ticker);
}
