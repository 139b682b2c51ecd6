/**
 * SEC EDGAR for the broken-growth flags: ticker → CIK, officer changes (8-K Item 5.02) and the
 * quarterly figures, reduced to the few numbers Breadth uses and kept a week in the cache. Requests
 * go through the provider's polite requester (≤ 10 a second, as the SEC asks).
 */
import * as z from 'zod/mini';
import { cached, type CacheOptions, type Cached } from '../cache';
import type { Requester } from '../http';
import { ProviderError } from '../types';
import { goingConcernUrl, parseGoingConcern } from './going-concern';
import { cikPath, financialSeries, officerChanges, parseCompanyFacts, parseCompanyTickers, parseFrame, parseSubmissions, trailingTwelveMonths, type Quarterly } from './parse';

export const SEC_TTL_MS = 7 * 86_400_000;
/** The SEC asks automated clients to say who they are (browsers may replace it with their own). */
export const SEC_HEADERS = { 'User-Agent': 'Breadth browser extension (open source; audit of mega-cap exposure)' };
const SEC_MIN_INTERVAL_MS = 110;
export const SEC_REQUESTER = { provider: 'SEC EDGAR', minIntervalMs: SEC_MIN_INTERVAL_MS, headers: SEC_HEADERS } as const;

const TickerMapSchema = z.record(z.string(), z.number());

/** What Breadth keeps of one company: small, dated, re-parsed when read. */
export const SecCompanySchema = z.object({
  cik: z.number(),
  name: z.string(),
  officerChanges: z.array(z.object({ filed: z.string(), url: z.string() })),
  /** Null when the company has no four consecutive quarters of revenue on file. */
  financials: z.nullable(
    z.object({
      revenueConcept: z.string(),
      end: z.string(),
      revenueTtm: z.number(),
      revenuePriorTtm: z.nullable(z.number()),
      grossProfitTtm: z.nullable(z.number()),
      grossProfitPriorTtm: z.nullable(z.number()),
      operatingCashFlowTtm: z.nullable(z.number()),
      quarters: z.array(z.object({ end: z.string(), revenue: z.number(), revenueYearBefore: z.nullable(z.number()) })),
    }),
  ),
  factsUrl: z.string(),
  filingsUrl: z.string(),
});
export type SecCompany = z.infer<typeof SecCompanySchema>;

export async function secTickerMap(requester: Requester, o: Omit<CacheOptions, 'provider' | 'ttlMs'>): Promise<Cached<Record<string, number>>> {
  return cached(
    'sec:tickers',
    TickerMapSchema,
    async () => Object.fromEntries([...parseCompanyTickers(await requester.text('https://www.sec.gov/files/company_tickers.json'))].map(([t, v]) => [t, v.cik])),
    { ...o, provider: 'sec', ttlMs: SEC_TTL_MS },
  );
}

export async function secCompany(cik: number, requester: Requester, o: Omit<CacheOptions, 'provider' | 'ttlMs'>): Promise<Cached<SecCompany>> {
  const now = (o.now ?? (() => new Date()))();
  return cached(
    `sec:company:${cik}`,
    SecCompanySchema,
    async () => {
      const filingsUrl = `https://data.sec.gov/submissions/${cikPath(cik)}.json`;
      const factsUrl = `https://data.sec.gov/api/xbrl/companyfacts/${cikPath(cik)}.json`;
      const submissions = parseSubmissions(await requester.text(filingsUrl));
      const since = new Date(now);
      since.setUTCMonth(since.getUTCMonth() - 24);
      let facts;
      try {
        facts = financialSeries(parseCompanyFacts(await requester.text(factsUrl)));
      } catch (error) {
        // A company without XBRL facts (new filers, some foreign issuers): officer changes still count.
        if (error instanceof ProviderError && error.kind === 'not-found') facts = null;
        else throw error;
      }
      return { cik, name: submissions.name, officerChanges: officerChanges(submissions.filings, since).map((f) => ({ filed: f.filed, url: f.url })), financials: facts ? reduce(facts) : null, factsUrl, filingsUrl };
    },
    { ...o, provider: 'sec', ttlMs: SEC_TTL_MS },
  );
}

function reduce(series: ReturnType<typeof financialSeries>): SecCompany['financials'] {
  const revenue = trailingTwelveMonths(series.revenue);
  if (!revenue || !series.revenueConcept) return null;
  const gross = trailingTwelveMonths(series.grossProfit, revenue.end);
  const ocf = trailingTwelveMonths(series.operatingCashFlow, revenue.end);
  const byEnd = new Map(series.revenue.map((q) => [q.end, q] as const));
  const yearBefore = (q: Quarterly) => {
    const target = Date.parse(q.end) - 365 * 86_400_000;
    for (const [end, x] of byEnd) if (Math.abs(Date.parse(end) - target) <= 10 * 86_400_000) return x.val;
    return null;
  };
  const latest = [...series.revenue].filter((q) => q.end <= revenue.end).slice(-4).reverse();
  return {
    revenueConcept: series.revenueConcept,
    end: revenue.end,
    revenueTtm: revenue.value,
    revenuePriorTtm: revenue.prior?.value ?? null,
    grossProfitTtm: gross && gross.end === revenue.end ? gross.value : null,
    grossProfitPriorTtm: gross && gross.end === revenue.end ? (gross.prior?.value ?? null) : null,
    operatingCashFlowTtm: ocf && ocf.end === revenue.end ? ocf.value : null,
    quarters: latest.map((q) => ({ end: q.end, revenue: q.val, revenueYearBefore: yearBefore(q) })),
  };
}

/**
 * Public float (dei:EntityPublicFloat) of every filer in one request: the market value of shares held
 * by non-affiliates, which each company states on its 10-K cover as of the end of its second fiscal
 * quarter. Used for context only ("the S&P 1000 beside the largest company"), with its date said.
 */
export const PublicFloatSchema = z.object({ period: z.string(), byCik: z.record(z.string(), z.number()) });
export type PublicFloat = z.infer<typeof PublicFloatSchema>;

/** The latest calendar year whose mid-year public float every 10-K has reported (filed by spring). */
export function publicFloatYear(asOf: Date): number {
  return asOf.getUTCMonth() >= 4 ? asOf.getUTCFullYear() - 1 : asOf.getUTCFullYear() - 2;
}

export async function secPublicFloat(requester: Requester, o: Omit<CacheOptions, 'provider' | 'ttlMs'>): Promise<Cached<PublicFloat>> {
  const now = (o.now ?? (() => new Date()))();
  const period = `CY${publicFloatYear(now)}Q2I`;
  return cached(
    `sec:public-float:${period}`,
    PublicFloatSchema,
    async () => {
      const frame = parseFrame(await requester.text(`https://data.sec.gov/api/xbrl/frames/dei/EntityPublicFloat/USD/${period}.json`));
      return { period, byCik: Object.fromEntries(frame.data.map((row) => [String(row.cik), row.val])) };
    },
    { ...o, provider: 'sec', ttlMs: 30 * 86_400_000 },
  );
}

export const GoingConcernSchema = z.object({ filings: z.array(z.object({ filed: z.string(), form: z.string(), url: z.string() })), searchUrl: z.string() });

/** Going-concern doubt in the company's 10-K/10-Q filings of the last 12 months, kept a week. */
export async function secGoingConcern(cik: number, requester: Requester, o: Omit<CacheOptions, 'provider' | 'ttlMs'>): Promise<Cached<z.infer<typeof GoingConcernSchema>>> {
  const now = (o.now ?? (() => new Date()))();
  const until = now.toISOString().slice(0, 10);
  const since = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const url = goingConcernUrl(cik, since, until);
  return cached(`sec:going-concern:${cik}`, GoingConcernSchema, async () => ({ filings: parseGoingConcern(await requester.text(url), cik), searchUrl: url }), { ...o, provider: 'sec', ttlMs: SEC_TTL_MS });
}
