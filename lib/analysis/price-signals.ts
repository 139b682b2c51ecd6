/**
 * Signals from a daily price series: 52-week high, drawdown from it, return over a window. Pure.
 * Series are `DailyPrice[]` as lib/providers/prices parses them; order does not matter here.
 * Days are calendar dates `YYYY-MM-DD`; a `Date` argument is read as its UTC calendar day.
 * Closes are not dividend-adjusted, so "returns" here are price returns.
 */
import type { DailyPrice } from '../providers/prices/cboe';

/**
 * Longest gap, in calendar days, between a day and the close standing for it. Markets close for at
 * most a long weekend plus a holiday or two; more means the series stops short (a stale cache, a
 * delisting, a hole in the file) and a "last close" from before would be a wrong number.
 */
export const MAX_GAP_DAYS = 10;

const DAY_MS = 86_400_000;

/** The UTC calendar day of a Date; null for an invalid Date. */
export function isoDay(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** Calendar months added to a day, clamped to the month's end (31 Aug − 6 months = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** The last row on or before `day`, however far back; null when the series starts after it. */
export function closeOnOrBefore(prices: readonly DailyPrice[], day: string): DailyPrice | null {
  let best: DailyPrice | null = null;
  for (const p of prices) if (p.date <= day && (best === null || p.date > best.date)) best = p;
  return best;
}

/** The closes that stand for both ends of a window, or why the series does not cover it (one line). */
export type WindowCover = { ok: true; start: DailyPrice; end: DailyPrice } | { ok: false; reason: string };

export function coverWindow(prices: readonly DailyPrice[], from: string, to: string): WindowCover {
  if (from >= to) return { ok: false, reason: `the window ${from} – ${to} is empty` };
  if (prices.length === 0) return { ok: false, reason: 'no prices' };
  const start = closeOnOrBefore(prices, from);
  if (!start) {
    const first = prices.reduce((a, b) => (b.date < a.date ? b : a));
    return { ok: false, reason: `history starts ${first.date}, after ${from}` };
  }
  if (daysBetween(start.date, from) > MAX_GAP_DAYS) return { ok: false, reason: `no close within ${MAX_GAP_DAYS} days before ${from} (last ${start.date})` };
  const end = closeOnOrBefore(prices, to)!; // exists: start is on or before `from`, before `to`
  if (daysBetween(end.date, to) > MAX_GAP_DAYS) return { ok: false, reason: `prices stop at ${end.date}, more than ${MAX_GAP_DAYS} days before ${to}` };
  return { ok: true, start, end };
}

/**
 * Return from the last close on/before `from` to the last close on/before `to` (0.1 = +10 %);
 * null when the series does not cover the window (starts after `from`, or stops well before `to`).
 */
export function totalReturn(prices: readonly DailyPrice[], from: Date, to: Date): number | null {
  const a = isoDay(from);
  const b = isoDay(to);
  if (a === null || b === null) return null;
  const cover = coverWindow(prices, a, b);
  return cover.ok ? cover.end.close / cover.start.close - 1 : null;
}

export interface FiftyTwoWeekHigh {
  /** The highest daily high (or close, where higher) in the year ending on `asOf`. */
  high: number;
  date: string;
  /** The series reaches back to the start of that year; false for a recent listing or a short file. */
  fullYear: boolean;
}

/** The 52-week high: over the days after `asOf` − 12 months up to `asOf`. Null when no day falls in it. */
export function fiftyTwoWeekHigh(prices: readonly DailyPrice[], asOf: Date): FiftyTwoWeekHigh | null {
  const day = isoDay(asOf);
  if (day === null) return null;
  const from = addMonths(day, -12);
  let best: { high: number; date: string } | null = null;
  for (const p of prices) {
    if (p.date <= from || p.date > day) continue;
    const high = Math.max(p.high, p.close);
    // On a tie the more recent day: "last reached on".
    if (best === null || high > best.high || (high === best.high && p.date > best.date)) best = { high, date: p.date };
  }
  if (!best) return null;
  return { ...best, fullYear: prices.some((p) => p.date <= from) };
}

export interface DrawdownFromHigh {
  high: number;
  highDate: string;
  last: number;
  lastDate: string;
  /** How far the last close sits below the 52-week high: 0.42 = 42 % below. Never negative. */
  drawdown: number;
  fullYear: boolean;
}

/** The last close against the 52-week high. Null without a close within MAX_GAP_DAYS before `asOf`. */
export function drawdownFromHigh(prices: readonly DailyPrice[], asOf: Date): DrawdownFromHigh | null {
  const day = isoDay(asOf);
  if (day === null) return null;
  const last = closeOnOrBefore(prices, day);
  if (!last || daysBetween(last.date, day) > MAX_GAP_DAYS) return null;
  const high = fiftyTwoWeekHigh(prices, asOf)!; // `last` is in the window, so there is a high
  return {
    high: high.high,
    highDate: high.date,
    last: last.close,
    lastDate: last.date,
    drawdown: Math.max(0, 1 - last.close / high.high),
    fullYear: high.fullYear,
  };
}
