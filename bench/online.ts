/**
 * Screening the held S&P 400/600 stocks from cached provider data (budget ≤ 200 ms): 60 companies,
 * their SEC figures and price histories already kept in IndexedDB (fake-indexeddb in Node; the worker
 * uses the browser's). A first run fills the cache from recorded-shape answers; the timed runs read it.
 */
import 'fake-indexeddb/auto';
import { buildAudit } from '../lib/analysis/audit';
import { bundledReference } from '../lib/reference';
import { DEFAULT_RULE_SETTINGS } from '../lib/schema/settings';
import { computeOnlineSignals } from '../lib/background/online';
import { recentQuarters, screenUniverse } from '../lib/background/universe';
import type { HttpGet } from '../lib/providers/types';
import { median, type BenchResult } from './stats';

export async function benchOnlineScreen(): Promise<BenchResult[]> {
  const reference = bundledReference();
  const smallMid = [...reference.issuersByIndex.sp400, ...reference.issuersByIndex.sp600].slice(0, 60).map((i) => i.tickers[0]!);
  const audit = buildAudit({
    accounts: [{ key: 'bench', label: 'Bench', source: { kind: 'file', readerId: 'bench', label: 'Bench' }, readAt: '2026-11-25T00:00:00.000Z', skipped: [], complete: true, holdings: smallMid.map((symbol, i) => ({ symbol, marketValue: 1_000 + i })) }],
    reference,
    settings: DEFAULT_RULE_SETTINGS,
    generatedAt: new Date('2026-11-25T00:00:00Z'),
  });
  const ciks = new Map(smallMid.map((t, i) => [t, 1_000_000 + i]));
  const days: string[] = [];
  for (let d = Date.UTC(2025, 5, 1); d <= Date.UTC(2026, 10, 24); d += 86_400_000) days.push(new Date(d).toISOString().slice(0, 10));
  const quarter = (end: string, val: number) => ({ start: end.replace(/-\d\d-\d\d$/, '-01-01'), end, val, accn: 'x', form: '10-Q', filed: end });
  const get: HttpGet = async (url) => {
    let body: unknown;
    if (url.endsWith('company_tickers.json')) body = Object.fromEntries([...ciks].map(([ticker, cik], i) => [String(i), { cik_str: cik, ticker, title: ticker }]));
    else if (url.includes('/submissions/')) body = { cik: '1', name: 'X', tickers: [], filings: { recent: { accessionNumber: ['0000000001-26-000001'], filingDate: ['2026-05-01'], reportDate: ['2026-05-01'], form: ['8-K'], items: ['5.02'], primaryDocument: ['x.htm'] } } };
    else if (url.includes('/companyfacts/')) body = { cik: 1, entityName: 'X', facts: { 'us-gaap': { Revenues: { units: { USD: ['2024-12-31', '2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30'].map((end, i) => ({ ...quarter(end, 100 + i), start: new Date(Date.parse(end) - 90 * 86_400_000).toISOString().slice(0, 10) })) } } } } };
    else {
      const symbol = /historical\/([^/]+)\.json$/.exec(url)?.[1] ?? '';
      body = { symbol, data: days.map((date, i) => ({ date, open: 10, high: 10 + (i % 50), low: 9, close: 10 + (i % 50), volume: 1 })) };
    }
    return { ok: true, status: 200, text: async () => JSON.stringify(body) };
  };
  const deps = { enabled: async () => ['sec' as const, 'prices' as const], get, now: () => new Date('2026-11-25T00:00:00Z'), sleep: async () => {} };
  await computeOnlineSignals(audit, deps); // fills the cache
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    const signals = await computeOnlineSignals(audit, deps);
    times.push(performance.now() - t0);
    if (signals?.brokenGrowth.length !== 60) throw new Error('not all 60 screened');
  }
  return [{ name: 'broken-growth screen of 60 holdings from cached data (Node)', value: median(times.slice(2)), unit: 'ms', budget: 200 }];
}

/** The whole S&P 400/600 screened again from kept data (budget ≤ 200 ms). */
export async function benchUniverseScreen(): Promise<BenchResult[]> {
  const reference = bundledReference();
  const issuers = [...reference.issuersByIndex.sp400, ...reference.issuersByIndex.sp600];
  const now = new Date('2026-11-25T00:00:00Z');
  const ciks = new Map(issuers.map((iss, i) => [iss.tickers[0]!, 2_000_000 + i]));
  const quarters = recentQuarters(now);
  const frame = (f: (i: number) => number) => ({ taxonomy: 'us-gaap', tag: 'x', ccp: 'x', uom: 'USD', pts: ciks.size, data: [...ciks.values()].map((cik, i) => ({ accn: 'a', cik, entityName: 'E', end: '2026-09-30', val: f(i) })) });
  const days: string[] = [];
  for (let d = Date.UTC(2025, 10, 1); d <= Date.UTC(2026, 10, 24); d += 86_400_000) days.push(new Date(d).toISOString().slice(0, 10));
  const get: HttpGet = async (url) => {
    let body: unknown = null;
    if (url.endsWith('company_tickers.json')) body = Object.fromEntries([...ciks].map(([ticker, cik], i) => [String(i), { cik_str: cik, ticker, title: ticker }]));
    else if (url.includes('/frames/us-gaap/Revenues/')) { const q = quarters.findIndex((p) => url.includes(p)); body = frame((i) => 100 + (i % 3 === 0 ? 5 * q : -q)); }
    else if (url.includes('/frames/us-gaap/GrossProfit/')) body = frame(() => 40);
    else if (url.includes('/frames/')) body = frame(() => 10);
    else if (url.includes('/submissions/')) body = { cik: '1', name: 'X', tickers: [], filings: { recent: { accessionNumber: ['0000000001-26-000001'], filingDate: ['2026-05-01'], reportDate: ['2026-05-01'], form: ['8-K'], items: ['5.02'], primaryDocument: ['x.htm'] } } };
    else if (url.includes('cboe')) { const symbol = /historical\/([^/]+)\.json$/.exec(url)?.[1] ?? ''; body = { symbol, data: days.map((date, i) => ({ date, open: 1, high: 1, low: 1, close: i === 100 ? 100 : 50, volume: 1 })) }; }
    return body ? { ok: true, status: 200, text: async () => JSON.stringify(body) } : { ok: false, status: 404, text: async () => '' };
  };
  const deps = { get, now: () => now, sleep: async () => {} };
  const first = await screenUniverse(reference, deps); // fills what is kept
  const times: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const again = await screenUniverse(reference, deps);
    times.push(performance.now() - t0);
    if (again.candidates.length !== first.candidates.length || again.screened < 1_000) throw new Error('the kept screen differs');
  }
  return [{ name: `universe screen of ${first.screened} S&P 400/600 companies from kept data (Node)`, value: median(times.slice(2)), unit: 'ms', budget: 200 }];
}

if (process.argv[1] && /bench[\\/]online\.ts$/.test(process.argv[1])) {
  for (const r of await benchUniverseScreen()) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit} (budget ≤ ${r.budget} ${r.unit})`);
  for (const r of await benchOnlineScreen()) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit} (budget ≤ ${r.budget} ${r.unit})`);
}
