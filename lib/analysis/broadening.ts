/**
 * Is the market broadening? Equal-weight S&P 500 (RSP), mid caps (IJH, S&P 400) and small caps
 * (IJR, S&P 600) against the cap-weighted S&P 500 (SPY or IVV), over 3, 6, 12 and 18 months. When
 * the others beat cap-weight, gains are spreading beyond the mega-caps; when they trail, the index
 * leans harder on its top ten. Pure. Price returns (the closes are not dividend-adjusted), which
 * understates the equal-weight and small-cap funds by a fraction of their yield gap.
 */
import type { DailyPrice } from '../providers/prices/cboe';
import { MAX_GAP_DAYS, addMonths, closeOnOrBefore, coverWindow, daysBetween, isoDay } from './price-signals';

export const BROADENING_WINDOWS = [3, 6, 12, 18] as const;

export type BroadeningKey = 'rsp' | 'cap' | 'ijh' | 'ijr';

export interface BroadeningInput {
  rsp: readonly DailyPrice[];
  /** SPY or IVV: either tracks the cap-weighted S&P 500. */
  cap: readonly DailyPrice[];
  capTicker?: 'SPY' | 'IVV';
  ijh: readonly DailyPrice[];
  ijr: readonly DailyPrice[];
}

/** A return over the window (0.1 = +10 %), with the closes it runs between; or why there is none. */
export type ReturnEntry = { value: number; startDate: string; endDate: string } | { value: null; reason: string };

/** A spread against cap-weight in percentage points (4.2 = 4.2 pp ahead), with its sentence; or why there is none. */
export type SpreadEntry = { pp: number; sentence: string } | { pp: null; reason: string };

export interface BroadeningWindow {
  months: number;
  /** The window: `from` = `to` − months; each series uses its last close on/before each end. */
  from: string;
  to: string;
  returns: Record<BroadeningKey, ReturnEntry>;
  spreads: { equalWeight: SpreadEntry; midCap: SpreadEntry; smallCap: SpreadEntry };
  /** One sentence for people: the equal-weight spread, or why it is missing. */
  sentence: string;
}

export interface BroadeningReport {
  asOf: string;
  /** The last close all up-to-date series share on or before `asOf`: where every window ends. */
  to: string;
  windows: BroadeningWindow[];
}

const pp1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const SPREADS = {
  equalWeight: { key: 'rsp', subject: 'Equal-weight', has: 'has' },
  midCap: { key: 'ijh', subject: 'Mid caps', has: 'have' },
  smallCap: { key: 'ijr', subject: 'Small caps', has: 'have' },
} as const;

/** "Equal-weight has beaten cap-weight by 4.2 pp over 6 months." / "… trailed …" / "… kept pace with …". */
export function spreadSentence(subject: string, has: string, pp: number, months: number): string {
  const size = pp1.format(Math.abs(pp));
  // Judged on the shown figure, so a sentence never reads "beaten by 0.0 pp".
  if (size === pp1.format(0)) return `${subject} ${has} kept pace with cap-weight over ${months} months.`;
  return `${subject} ${has} ${pp > 0 ? 'beaten' : 'trailed'} cap-weight by ${size} pp over ${months} months.`;
}

/**
 * Returns and spreads for each window ending at `asOf`. All windows end on the same day: the last
 * close that every series still current at `asOf` has (so a spread never compares two different
 * end days because one file was fetched a day later). A series that stops more than MAX_GAP_DAYS
 * before `asOf`, or starts after a window's start, gets a null entry with its reason.
 * Throws a RangeError for an invalid `asOf` (a caller's mistake, not missing data).
 */
export function broadeningMonitor(input: BroadeningInput, asOf: Date, windows: readonly number[] = BROADENING_WINDOWS): BroadeningReport {
  const asOfDay = isoDay(asOf);
  if (asOfDay === null) throw new RangeError('broadeningMonitor: asOf is not a valid date');
  const labels: Record<BroadeningKey, string> = { rsp: 'RSP', cap: input.capTicker ?? 'SPY', ijh: 'IJH', ijr: 'IJR' };
  const keys: BroadeningKey[] = ['rsp', 'cap', 'ijh', 'ijr'];

  const currentEnds = keys
    .map((k) => closeOnOrBefore(input[k], asOfDay)?.date)
    .filter((d): d is string => d !== undefined && daysBetween(d, asOfDay) <= MAX_GAP_DAYS);
  const to = currentEnds.length > 0 ? currentEnds.reduce((a, b) => (b < a ? b : a)) : asOfDay;

  const result = windows.map((months): BroadeningWindow => {
    const from = addMonths(to, -months);
    const returns = Object.fromEntries(
      keys.map((k): [BroadeningKey, ReturnEntry] => {
        const cover = coverWindow(input[k], from, to);
        return [k, cover.ok ? { value: cover.end.close / cover.start.close - 1, startDate: cover.start.date, endDate: cover.end.date } : { value: null, reason: `${labels[k]}: ${cover.reason}` }];
      }),
    ) as Record<BroadeningKey, ReturnEntry>;

    const spread = (s: (typeof SPREADS)[keyof typeof SPREADS]): SpreadEntry => {
      const leg = returns[s.key];
      const cap = returns.cap;
      if (leg.value !== null && cap.value !== null) {
        const pp = (leg.value - cap.value) * 100;
        return { pp, sentence: spreadSentence(s.subject, s.has, pp, months) };
      }
      const reasons = [leg, cap].flatMap((r) => (r.value === null ? [r.reason] : []));
      return { pp: null, reason: reasons.join('; ') };
    };
    const spreads = { equalWeight: spread(SPREADS.equalWeight), midCap: spread(SPREADS.midCap), smallCap: spread(SPREADS.smallCap) };
    const ew = spreads.equalWeight;
    const sentence = ew.pp !== null ? ew.sentence : `No equal-weight comparison over ${months} months (${ew.reason}).`;
    return { months, from, to, returns, spreads, sentence };
  });

  return { asOf: asOfDay, to, windows: result };
}

/**
 * a / b on the days both have, divided by its first value, for a chart (RSP / SPY rising = equal-weight
 * ahead). From `from` on (its UTC day) when given. Empty when the series share no day.
 */
export function relativeSeries(a: readonly DailyPrice[], b: readonly DailyPrice[], from?: Date): { date: string; value: number }[] {
  const start = from ? (isoDay(from) ?? '') : '';
  const bClose = new Map(b.map((p) => [p.date, p.close]));
  const ratios = new Map<string, number>();
  for (const p of a) {
    const c = bClose.get(p.date);
    if (c !== undefined && p.date >= start) ratios.set(p.date, p.close / c);
  }
  const days = [...ratios.keys()].sort();
  if (days.length === 0) return [];
  const base = ratios.get(days[0]!)!;
  return days.map((date) => ({ date, value: ratios.get(date)! / base }));
}
