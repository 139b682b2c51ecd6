/**
 * Online signals for the household, from the providers the user turned on: broken-growth scores of
 * the held S&P 400/600 stocks and the broadening monitor. Run by the worker after an audit; results
 * are kept (dated) for the popup. A provider that is off or failing leaves its criteria "unknown"
 * or its last good data "unavailable since …" — never blocks the audit.
 */
import * as z from 'zod/mini';
import { SIGNALS_KEY, type StoredSignals } from '../schema/signals';
import type { AuditSnapshot } from '../schema/audit';
import { db } from '../db';
import { createRequester } from '../providers/http';
import { cached, countRequests, type Cached } from '../providers/cache';
import type { HttpGet } from '../providers/types';
import type { ProviderId } from '../providers/registry';
import { SEC_REQUESTER, secCompany, secGoingConcern, secPublicFloat, secTickerMap, type SecCompany } from '../providers/sec/client';
import { sizeContext, type SizeContext } from '../analysis/size-context';
import { bundledReference, type Reference } from '../reference';
import { CBOE_PROVIDER, DailyPricesSchema, loadDailyPrices, type DailyPrice } from '../providers/prices/cboe';
import { drawdownFromHigh } from '../analysis/price-signals';
import { DEFAULT_BROKEN_GROWTH, scoreBrokenGrowth, type BrokenGrowthInput, type BrokenGrowthResult, type BrokenGrowthSettings } from '../analysis/broken-growth';
import { broadeningMonitor, relativeSeries, type BroadeningReport } from '../analysis/broadening';
import { ALPHA_VANTAGE, estimatesUrl, parseEarningsEstimates } from '../providers/estimates/alpha-vantage';
import { EstimateReadingSchema } from '../providers/estimates/types';
import { saveEstimateReadings } from '../db';

const PRICE_TTL_MS = 20 * 3_600_000;
/** A bound on one run: the first screen of a large household stays within minutes and SEC's pace. */
const MAX_SCREENED = 60;

export interface OnlineDeps {
  /** Providers turned on *and* permitted. */
  enabled: () => Promise<ProviderId[]>;
  /** The user's own key for the estimates source ('' when none). */
  estimatesKey?: () => Promise<string>;
  /** The reference in use (the bundled one when absent), for the size context. */
  reference?: () => Promise<Reference>;
  /** The user's broken-growth thresholds (defaults when absent). */
  thresholds?: () => Promise<BrokenGrowthSettings>;
  get: HttpGet;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
}

export interface OnlineSignals {
  generatedAt: string;
  providers: ProviderId[];
  brokenGrowth: BrokenGrowthResult[];
  broadening: BroadeningReport | null;
  /** RSP, IJH and IJR each divided by SPY over 18 months, 1 at the start, weekly: the chart. */
  broadeningChart: { key: 'rsp' | 'ijh' | 'ijr'; points: { date: string; value: number }[] }[] | null;
  /** The S&P 1000's public float beside the largest company's (SEC), when known. */
  sizeContext: SizeContext | null;
  /** Lines like "SEC EDGAR: data unavailable since Nov 20, 2026 (HTTP 503)". */
  problems: string[];
}

/** Provider errors already name their provider ("SEC EDGAR: HTTP 503 after 4 tries"). */
const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The held stocks worth screening: S&P 400/600 positions held directly, largest first. */
export function smallMidHoldings(audit: AuditSnapshot): { ticker: string; name: string }[] {
  const seen = new Map<string, { ticker: string; name: string; value: number }>();
  for (const h of audit.holdings) {
    if ((h.category !== 'sp400' && h.category !== 'sp600') || !h.symbol) continue;
    const e = seen.get(h.symbol) ?? { ticker: h.symbol, name: h.issuer ?? h.description, value: 0 };
    e.value += h.marketValue;
    seen.set(h.symbol, e);
  }
  return [...seen.values()].sort((a, b) => b.value - a.value).map(({ ticker, name }) => ({ ticker, name }));
}

export async function computeOnlineSignals(audit: AuditSnapshot, deps: OnlineDeps): Promise<OnlineSignals | null> {
  const providers = await deps.enabled();
  if (providers.length === 0) return null;
  const now = (deps.now ?? (() => new Date()))();
  const thresholds = (await deps.thresholds?.()) ?? DEFAULT_BROKEN_GROWTH;
  const o = { now: () => now };
  const problems = new Set<string>();
  const note = <T>(r: Cached<T>, name: string) => {
    if (r.unavailable) problems.add(`${name}: data unavailable since ${r.unavailable.since.slice(0, 10)} (${r.unavailable.reason})`);
    return r.value;
  };
  const sec = providers.includes('sec') ? createRequester({ ...SEC_REQUESTER, get: deps.get, sleep: deps.sleep }) : null;
  const prices = providers.includes('prices') ? createRequester({ provider: CBOE_PROVIDER, get: deps.get, minIntervalMs: 250, sleep: deps.sleep }) : null;
  const priceOf = async (ticker: string): Promise<(DailyPrice[] & { fetchedAt?: string }) | null> => {
    if (!prices) return null;
    try {
      const r = await cached(`prices:${ticker}`, DailyPricesSchema, () => loadDailyPrices(prices, ticker).then((p) => p.slice(-400)), { ...o, provider: 'prices', ttlMs: PRICE_TTL_MS });
      return Object.assign(note(r, 'Cboe prices'), { fetchedAt: r.fetchedAt });
    } catch (error) {
      problems.add(`${why(error)} (${ticker})`);
      return null;
    }
  };

  let tickers: Record<string, number> | null = null;
  if (sec) {
    try {
      tickers = note(await secTickerMap(sec, o), 'SEC EDGAR');
    } catch (error) {
      problems.add(why(error));
    }
  }
  let context: SizeContext | null = null;
  if (sec && tickers) {
    try {
      const floats = await secPublicFloat(sec, o);
      const reference = (await deps.reference?.()) ?? bundledReference();
      context = sizeContext(reference, tickers, note(floats, 'SEC EDGAR').byCik, floats.value.period);
    } catch (error) {
      problems.add(why(error));
    }
  }
  const held = sec || prices ? smallMidHoldings(audit).slice(0, MAX_SCREENED) : [];
  const brokenGrowth: BrokenGrowthResult[] = [];
  for (const [i, h] of held.entries()) {
    deps.onProgress?.(i, held.length);
    let company: (SecCompany & { fetchedAt: string }) | null = null;
    let goingConcern: BrokenGrowthInput['goingConcern'] = null;
    const cik = tickers?.[h.ticker];
    if (sec && cik) {
      try {
        const r = await secCompany(cik, sec, o);
        company = { ...note(r, 'SEC EDGAR'), fetchedAt: r.fetchedAt };
      } catch (error) {
        problems.add(`${why(error)} (${h.ticker})`);
      }
      try {
        const gc = await secGoingConcern(cik, sec, o);
        goingConcern = { source: 'SEC EDGAR full-text search (10-K/10-Q, 12 months)', url: gc.value.searchUrl, fetchedAt: gc.fetchedAt, filings: note(gc, 'SEC EDGAR').filings };
      } catch (error) {
        problems.add(`${why(error)} (going-concern search, ${h.ticker})`);
      }
    }
    const series = await priceOf(h.ticker);
    const dd = series ? drawdownFromHigh(series, now) : null;
    const input: BrokenGrowthInput = {
      ticker: h.ticker,
      name: h.name,
      price: dd && series ? { source: 'Cboe daily closes', url: `https://www.cboe.com/us/equities/market_statistics/`, fetchedAt: series.fetchedAt ?? now.toISOString(), high: dd.high, highDate: dd.highDate, last: dd.last, lastDate: dd.lastDate } : null,
      financials:
        company?.financials && company.financials.revenuePriorTtm !== null
          ? {
              source: `SEC EDGAR companyfacts (us-gaap:${company.financials.revenueConcept}, quarters to ${company.financials.end})`,
              url: company.factsUrl,
              fetchedAt: company.fetchedAt,
              revenueTtm: company.financials.revenueTtm,
              revenuePriorTtm: company.financials.revenuePriorTtm,
              grossProfitTtm: company.financials.grossProfitTtm,
              grossProfitPriorTtm: company.financials.grossProfitPriorTtm,
              operatingCashFlowTtm: company.financials.operatingCashFlowTtm,
              quarters: company.financials.quarters,
            }
          : null,
      officerChanges: company ? { source: 'SEC EDGAR submissions (8-K Item 5.02)', url: company.filingsUrl, fetchedAt: company.fetchedAt, filings: company.officerChanges } : null,
      goingConcern,
    };
    brokenGrowth.push(scoreBrokenGrowth(input, now, thresholds));
  }
  deps.onProgress?.(held.length, held.length);

  let broadening: BroadeningReport | null = null;
  let broadeningChart: OnlineSignals['broadeningChart'] = null;
  if (prices) {
    const [rsp, cap, ijh, ijr] = await Promise.all(['RSP', 'SPY', 'IJH', 'IJR'].map(priceOf));
    if (rsp && cap && ijh && ijr) {
      broadening = broadeningMonitor({ rsp, cap, capTicker: 'SPY', ijh, ijr }, now);
      const from = new Date(now);
      from.setUTCMonth(from.getUTCMonth() - 18);
      // One point a week is plenty for a 300-pixel chart, and keeps what is stored small.
      const weekly = (points: { date: string; value: number }[]) => points.filter((_, i) => i % 5 === 0 || i === points.length - 1);
      broadeningChart = (['rsp', 'ijh', 'ijr'] as const).map((key) => ({ key, points: weekly(relativeSeries({ rsp, ijh, ijr }[key], cap, from)) }));
    }
  }
  // Consensus estimates of the top-10 issuers, once a week each; every reading is kept with its date.
  const key = providers.includes('estimates') ? ((await deps.estimatesKey?.()) ?? '') : '';
  if (providers.includes('estimates') && !key) problems.add('Alpha Vantage: no key — add your free key in Options → Online data');
  const estimates = key ? createRequester({ provider: ALPHA_VANTAGE, get: deps.get, minIntervalMs: 1_200, retries: 1, sleep: deps.sleep }) : null;
  if (estimates) {
    for (const issuer of audit.exposure.topTen.issuers) {
      const ticker = issuer.tickers[0];
      if (!ticker) continue;
      try {
        const r = await cached(`estimates:${ticker}`, EstimateReadingSchema, async () => parseEarningsEstimates(await estimates.text(estimatesUrl(ticker, key)), ticker, now), { ...o, provider: 'estimates', ttlMs: 6 * 86_400_000 });
        if (!r.fromCache) await saveEstimateReadings([r.value]);
        note(r, 'Alpha Vantage');
      } catch (error) {
        problems.add(`${why(error)} (${ticker})`);
        // The free key's daily allowance is spent: the rest would fail the same way.
        if (/rate limit|requests per day|25 requests/i.test(why(error))) break;
      }
    }
    await countRequests('estimates', estimates.count);
  }
  if (sec) await countRequests('sec', sec.count);
  if (prices) await countRequests('prices', prices.count);
  const signals: OnlineSignals = { generatedAt: now.toISOString(), providers, brokenGrowth, broadening, broadeningChart, sizeContext: context, problems: [...problems] };
  await db().providerCache.put({ key: SIGNALS_KEY, provider: 'signals', fetchedAt: signals.generatedAt, value: signals });
  return signals;
}

/** The last computed signals, for the popup (re-parsed; null when none). */
/** The last household signals, for the popup (re-parsed; null when none): read through lib/db. */
export { loadOnlineSignals } from '../db';
export type { StoredSignals };
