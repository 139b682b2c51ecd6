/**
 * The broken-growth screen of the whole S&P 400/600 universe in the reference in use (opt-in: SEC
 * and prices both on). Polite by design: the fundamentals of all 1,000 companies come from a few dozen
 * bulk SEC `frames` requests; prices are asked only for companies whose business still looks sound;
 * filings (officer changes) only for those also beaten down. Every answer is kept, so a re-screen
 * from kept data is quick, and the worker reports its progress while it runs.
 */
import * as z from 'zod/mini';
import { UNIVERSE_KEY, type StoredUniverseScreen } from '../schema/signals';
import { db } from '../db';
import { createRequester } from '../providers/http';
import { cached, countRequests, preloadKept } from '../providers/cache';
import { ProviderError, type HttpGet } from '../providers/types';
import { SEC_REQUESTER, secCompany, secGoingConcern, secTickerMap } from '../providers/sec/client';
import { parseFrame } from '../providers/sec/parse';
import { CBOE_PROVIDER, loadDailyPrices } from '../providers/prices/cboe';
import { drawdownFromHigh } from '../analysis/price-signals';
import { scoreBrokenGrowth, DEFAULT_BROKEN_GROWTH, type BrokenGrowthInput, type BrokenGrowthResult, type BrokenGrowthSettings } from '../analysis/broken-growth';
import type { Reference } from '../reference';

const DAY = 86_400_000;
const FRAME_TTL = 30 * DAY;
const PRICE_TTL = 20 * 3_600_000;
const REVENUE_CONCEPTS = ['Revenues', 'RevenueFromContractWithCustomerExcludingAssessedTax'] as const;

export interface UniverseDeps {
  get: HttpGet;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  thresholds?: BrokenGrowthSettings;
}

export interface UniverseScreen {
  generatedAt: string;
  screened: number;
  /** Companies whose fundamentals could be read from the SEC frames. */
  withFundamentals: number;
  candidates: BrokenGrowthResult[];
  requests: number;
}

/** The last eight calendar quarters whose 10-Qs are due (45 days after quarter end), oldest first: `CY2026Q3`. */
export function recentQuarters(asOf: Date, count = 8): string[] {
  const cutoff = new Date(asOf.getTime() - 45 * DAY);
  let year = cutoff.getUTCFullYear();
  let q = Math.floor(cutoff.getUTCMonth() / 3); // the quarter in progress at the cutoff is not complete
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (q === 0) {
      year -= 1;
      q = 4;
    }
    out.unshift(`CY${year}Q${q}`);
    q -= 1;
  }
  return out;
}

const FrameValuesSchema = z.record(z.string(), z.number());
const DrawdownSchema = z.nullable(z.object({ high: z.number(), highDate: z.string(), last: z.number(), lastDate: z.string() }));

export async function screenUniverse(reference: Reference, deps: UniverseDeps): Promise<UniverseScreen> {
  const now = (deps.now ?? (() => new Date()))();
  const o = { now: () => now };
  const sec = createRequester({ ...SEC_REQUESTER, get: deps.get, sleep: deps.sleep });
  const prices = createRequester({ provider: CBOE_PROVIDER, get: deps.get, minIntervalMs: 250, sleep: deps.sleep });
  const quarters = recentQuarters(now);
  const lastYear = `CY${now.getUTCFullYear() - (now.getUTCMonth() >= 3 ? 1 : 2)}`;

  /** One concept for every filer in one period: cik → value (an empty frame when none exists yet). */
  const frame = async (tag: string, period: string) =>
    (
      await cached(
        `sec:frame:${tag}:${period}`,
        FrameValuesSchema,
        async () => {
          try {
            const f = parseFrame(await sec.text(`https://data.sec.gov/api/xbrl/frames/us-gaap/${tag}/USD/${period}.json`));
            return Object.fromEntries(f.data.map((row) => [String(row.cik), row.val]));
          } catch (error) {
            if (error instanceof ProviderError && error.kind === 'not-found') return {};
            throw error;
          }
        },
        { ...o, provider: 'sec', ttlMs: FRAME_TTL },
      )
    ).value;

  const tickers = (await secTickerMap(sec, o)).value;
  const issuers = [...reference.issuersByIndex.sp400, ...reference.issuersByIndex.sp600];
  const steps = quarters.length * (REVENUE_CONCEPTS.length + 1) + 1;
  let done = 0;
  const tick = (total: number) => deps.onProgress?.(++done, total);
  const revenue: Record<string, number>[] = [];
  const gross: Record<string, number>[] = [];
  for (const period of quarters) {
    const [a, b] = [await frame(REVENUE_CONCEPTS[0], period), await frame(REVENUE_CONCEPTS[1], period)];
    tick(steps + issuers.length);
    tick(steps + issuers.length);
    revenue.push({ ...b, ...a }); // `Revenues` where a company reports it, else the contract-revenue concept
    gross.push(await frame('GrossProfit', period));
    tick(steps + issuers.length);
  }
  const ocf = await frame('NetCashProvidedByUsedInOperatingActivities', lastYear);
  tick(steps + issuers.length);

  // Everything a re-screen may find kept, read in one go rather than a thousand times.
  const preloaded = await preloadKept(
    issuers.flatMap((issuer) => {
      const ticker = issuer.tickers.find((t) => tickers[t] !== undefined) ?? issuer.tickers[0]!;
      const cik = tickers[ticker];
      return [`prices:dd:${ticker}`, ...(cik === undefined ? [] : [`sec:company:${cik}`, `sec:going-concern:${cik}`])];
    }),
  );
  const results: BrokenGrowthResult[] = [];
  let withFundamentals = 0;
  for (const issuer of issuers) {
    const ticker = issuer.tickers.find((t) => tickers[t] !== undefined) ?? issuer.tickers[0]!;
    const cik = tickers[ticker];
    const key = cik === undefined ? '' : String(cik);
    const rev = revenue.map((q) => q[key]);
    const gp = gross.map((q) => q[key]);
    let financials: BrokenGrowthInput['financials'] = null;
    if (rev.every((x) => x !== undefined)) {
      withFundamentals += 1;
      const sum = (xs: (number | undefined)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
      const gpKnown = gp.every((x) => x !== undefined);
      financials = {
        source: `SEC EDGAR frames (${quarters[4]}–${quarters[7]} against ${quarters[0]}–${quarters[3]})`,
        url: `https://data.sec.gov/api/xbrl/frames/us-gaap/Revenues/USD/${quarters[7]}.json`,
        fetchedAt: now.toISOString(),
        revenueTtm: sum(rev.slice(4)),
        revenuePriorTtm: sum(rev.slice(0, 4)),
        grossProfitTtm: gpKnown ? sum(gp.slice(4)) : null,
        grossProfitPriorTtm: gpKnown ? sum(gp.slice(0, 4)) : null,
        // Full-year cash flow (quarterly cash flow is mostly reported year-to-date, which frames leave out).
        operatingCashFlowTtm: ocf[key] ?? null,
        quarters: [7, 6, 5, 4].map((i) => ({ end: quarters[i]!, revenue: rev[i]!, revenueYearBefore: rev[i - 4] ?? null })),
      };
    }
    const input: BrokenGrowthInput = { ticker, name: issuer.name, price: null, financials, officerChanges: null };
    let result = scoreBrokenGrowth(input, now, deps.thresholds ?? DEFAULT_BROKEN_GROWTH);
    // Only a business that still looks sound is worth its price history; only a beaten-down one its filings.
    const sound = result.criteria.every((c) => c.id === 'beaten-down' || c.id === 'temporary-cause' || c.pass !== false) && financials !== null;
    if (sound) {
      try {
        const dd = (
          await cached(
            `prices:dd:${ticker}`,
            DrawdownSchema,
            async () => {
              const d = drawdownFromHigh(await loadDailyPrices(prices, ticker), now);
              return d && { high: d.high, highDate: d.highDate, last: d.last, lastDate: d.lastDate };
            },
            { ...o, provider: 'prices', ttlMs: PRICE_TTL, preloaded },
          )
        ).value;
        if (dd) input.price = { source: 'Cboe daily closes', fetchedAt: now.toISOString(), ...dd };
        result = scoreBrokenGrowth(input, now, deps.thresholds ?? DEFAULT_BROKEN_GROWTH);
        if (cik !== undefined && result.criteria.find((c) => c.id === 'beaten-down')?.pass) {
          const company = await secCompany(cik, sec, { ...o, preloaded });
          input.officerChanges = { source: 'SEC EDGAR submissions (8-K Item 5.02)', url: company.value.filingsUrl, fetchedAt: company.fetchedAt, filings: company.value.officerChanges };
          try {
            const gc = await secGoingConcern(cik, sec, { ...o, preloaded });
            input.goingConcern = { source: 'SEC EDGAR full-text search (10-K/10-Q, 12 months)', url: gc.value.searchUrl, fetchedAt: gc.fetchedAt, filings: gc.value.filings };
          } catch {
            // Full-text search unavailable: the going-concern part stays "not checked".
          }
          result = scoreBrokenGrowth(input, now, deps.thresholds ?? DEFAULT_BROKEN_GROWTH);
        }
      } catch {
        // A company without a price file or filings stays "unknown" on those criteria.
      }
    }
    results.push(result);
    tick(steps + issuers.length);
  }
  await countRequests('sec', sec.count);
  await countRequests('prices', prices.count);
  const screen: UniverseScreen = {
    generatedAt: now.toISOString(),
    screened: issuers.length,
    withFundamentals,
    candidates: results.filter((r) => r.verdict === 'candidate'),
    requests: sec.count + prices.count,
  };
  await db().providerCache.put({ key: UNIVERSE_KEY, provider: 'signals', fetchedAt: screen.generatedAt, value: screen });
  return screen;
}

export { UNIVERSE_KEY };
export type { StoredUniverseScreen };

/** The last universe screen, for the popup (re-parsed; null when none). */
export { loadUniverseScreen } from '../db';
