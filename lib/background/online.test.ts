import { beforeEach, describe, expect, it } from 'vitest';
import { computeOnlineSignals, loadOnlineSignals, smallMidHoldings } from './online';
import { deleteAllData, db, loadEstimateReadings } from '../db';
import { buildAudit } from '../analysis/audit';
import { bundledReference } from '../reference';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import type { HttpGet } from '../providers/types';

beforeEach(async () => {
  await deleteAllData();
});

// CRS is an S&P 400 company in the bundled reference; NVDA is top-10 (never screened).
const audit = buildAudit({
  accounts: [{ key: 'k', label: 'IRA', source: { kind: 'file', readerId: 'plain-csv', label: 'f' }, readAt: '2026-11-25T00:00:00.000Z', skipped: [], complete: true, holdings: [{ symbol: 'CRS', marketValue: 3_000 }, { symbol: 'NVDA', marketValue: 5_000 }] }],
  reference: bundledReference(),
  settings: DEFAULT_RULE_SETTINGS,
  generatedAt: new Date('2026-11-25T00:00:00Z'),
});

/** Cboe's chart file: a close per day from Nov 2025 (high $300 in Feb 2026) down to $180 now. */
function cboe(symbol: string) {
  const data = [];
  for (let d = new Date('2025-11-20T00:00:00Z'); d <= new Date('2026-11-24T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    const close = day === '2026-02-10' ? 300 : day >= '2026-11-01' ? 180 : 250;
    data.push({ date: day, open: close, high: close, low: close, close, volume: 1000 });
  }
  return JSON.stringify({ symbol, data });
}

describe('online signals from the providers the user turned on', () => {
  it('screens only held S&P 400/600 stocks', () => {
    expect(smallMidHoldings(audit)).toEqual([{ ticker: 'CRS', name: expect.any(String) }]);
  });

  it('requests nothing when no provider is on', async () => {
    const calls: string[] = [];
    const get: HttpGet = async (url) => (calls.push(url), { ok: true, status: 200, text: async () => '' });
    expect(await computeOnlineSignals(audit, { enabled: async () => [], get })).toBeNull();
    expect(calls).toEqual([]);
  });

  it('with prices only: scores the drawdown, leaves SEC criteria unknown, and keeps the result for the popup', async () => {
    const calls: string[] = [];
    const get: HttpGet = async (url) => {
      calls.push(url);
      const symbol = /historical\/([^/]+)\.json$/.exec(url)?.[1] ?? '';
      return { ok: true, status: 200, text: async () => cboe(symbol) };
    };
    const progress: string[] = [];
    const signals = await computeOnlineSignals(audit, { enabled: async () => ['prices'], get, now: () => new Date('2026-11-25T00:00:00Z'), sleep: async () => {}, onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(progress).toEqual(['0/1', '1/1']);
    expect(calls.every((u) => u.startsWith('https://cdn.cboe.com/'))).toBe(true);
    const crs = signals!.brokenGrowth[0]!;
    expect(crs.criteria.find((c) => c.id === 'beaten-down')).toMatchObject({ pass: true, value: '40 % below the 52-week high of $300.00 (Feb 10, 2026); last $180.00 (Nov 24, 2026)' });
    expect(crs.verdict).toBe('unknown'); // the SEC criteria could not be checked
    expect(signals!.broadening?.windows.map((w) => w.months)).toEqual([3, 6, 12, 18]);
    // Every fund moved alike in this recording: each line stays at 1 (= SPY), one point a week.
    expect(signals!.broadeningChart!.map((c) => [c.key, c.points.every((p) => p.value === 1)])).toEqual([['rsp', true], ['ijh', true], ['ijr', true]]);
    expect(signals!.broadeningChart![0]!.points.length).toBeGreaterThan(60);
    expect((await loadOnlineSignals())?.brokenGrowth[0]?.ticker).toBe('CRS');
    expect((await db().providerStatus.get('prices'))?.requests).toBe(calls.length);
  });

  it('uses the user’s thresholds: a 40 % fall is not “beaten down” when the bar is 50 %', async () => {
    const get: HttpGet = async (url) => ({ ok: true, status: 200, text: async () => cboe(/historical\/([^/]+)\.json$/.exec(url)?.[1] ?? '') });
    const signals = await computeOnlineSignals(audit, {
      enabled: async () => ['prices'],
      thresholds: async () => ({ minDrawdown: 0.5, maxGrossMarginDrop: 0.05, causeWithinMonths: 12 }),
      get,
      now: () => new Date('2026-11-25T00:00:00Z'),
      sleep: async () => {},
    });
    expect(signals!.brokenGrowth[0]!.criteria.find((c) => c.id === 'beaten-down')).toMatchObject({ pass: false, label: 'Beaten down: ≥ 50 % below its 52-week high' });
  });

  it('keeps a dated consensus reading per top-10 company from the estimates source, once a week', async () => {
    const calls: string[] = [];
    const get: HttpGet = async (url) => {
      calls.push(url);
      const symbol = new URL(url).searchParams.get('symbol');
      const body = JSON.stringify({
        symbol,
        estimates: [
          { date: '2026-12-31', horizon: 'fiscal year', eps_estimate_average: '5.00', eps_estimate_average_30_days_ago: '5.10', eps_estimate_average_90_days_ago: '5.25', eps_estimate_revision_up_trailing_30_days: '2', eps_estimate_revision_down_trailing_30_days: '9', eps_estimate_analyst_count: '40' },
        ],
      });
      return { ok: true, status: 200, text: async () => body };
    };
    const deps = { enabled: async () => ['estimates' as const], estimatesKey: async () => 'DEMOKEY1', get, now: () => new Date('2026-11-25T00:00:00Z'), sleep: async () => {} };
    await computeOnlineSignals(audit, deps);
    expect(calls).toHaveLength(10);
    expect(calls[0]).toMatch(/^https:\/\/www\.alphavantage\.co\/query\?function=EARNINGS_ESTIMATES&symbol=NVDA&apikey=DEMOKEY1$/);
    const kept = await loadEstimateReadings();
    expect(kept).toHaveLength(10);
    expect(kept.find((r) => r.ticker === 'NVDA')).toMatchObject({ eps: 5, eps90DaysAgo: 5.25, upLast30Days: 2, downLast30Days: 9, fiscalYearEnd: '2026-12-31' });
    await computeOnlineSignals(audit, deps); // within the week: from the cache, nothing new
    expect(calls).toHaveLength(10);
    expect(await loadEstimateReadings()).toHaveLength(10);
  });

  it('with SEC: screens the holding from its filings and asks the public-float frame once for the size context', async () => {
    const calls: string[] = [];
    const answers: Record<string, unknown> = {
      'https://www.sec.gov/files/company_tickers.json': { '0': { cik_str: 17843, ticker: 'CRS', title: 'CARPENTER TECHNOLOGY CORP' } },
      'https://data.sec.gov/submissions/CIK0000017843.json': { cik: '17843', name: 'Carpenter Technology Corp', tickers: ['CRS'], filings: { recent: { accessionNumber: ['0000017843-26-000009'], filingDate: ['2026-04-02'], reportDate: ['2026-04-01'], form: ['8-K'], items: ['5.02'], primaryDocument: ['crs-8k.htm'] } } },
      'https://data.sec.gov/api/xbrl/frames/dei/EntityPublicFloat/USD/CY2025Q2I.json': { taxonomy: 'dei', tag: 'EntityPublicFloat', ccp: 'CY2025Q2I', uom: 'USD', label: 'Public float', description: '', pts: 1, data: [{ accn: 'x', cik: 17843, entityName: 'CRS', loc: 'US-PA', end: '2025-06-30', val: 1.2e10 }] },
    };
    const get: HttpGet = async (url) => {
      calls.push(url);
      const body = answers[url];
      return body ? { ok: true, status: 200, text: async () => JSON.stringify(body) } : { ok: false, status: 404, text: async () => 'Not found' };
    };
    const signals = await computeOnlineSignals(audit, { enabled: async () => ['sec'], get, now: () => new Date('2026-11-25T00:00:00Z'), sleep: async () => {} });
    expect(calls.filter((u) => u.includes('/frames/'))).toHaveLength(1);
    // One company of a thousand found: too little to speak for the S&P 1000.
    expect(signals!.sizeContext).toBeNull();
    const crs = signals!.brokenGrowth[0]!;
    expect(crs.criteria.find((c) => c.id === 'temporary-cause')).toMatchObject({ pass: true, value: 'officer change filed Apr 2, 2026', evidence: { url: 'https://www.sec.gov/Archives/edgar/data/17843/000001784326000009/crs-8k.htm' } });
    expect(crs.criteria.find((c) => c.id === 'still-growing')!.pass).toBeNull(); // no XBRL facts on file (404)
  });

  it('says the estimates source needs a key instead of asking without one', async () => {
    const get: HttpGet = async () => {
      throw new Error('must not request');
    };
    const signals = await computeOnlineSignals(audit, { enabled: async () => ['estimates'], estimatesKey: async () => '', get });
    expect(signals!.problems).toEqual(['Alpha Vantage: no key — add your free key in Options → Online data']);
  });

  it('a failing provider is named, and never blocks the rest', async () => {
    const get: HttpGet = async () => ({ ok: false, status: 503, text: async () => 'busy' });
    const signals = await computeOnlineSignals(audit, { enabled: async () => ['sec', 'prices'], get, sleep: async () => {} });
    expect(signals!.brokenGrowth).toHaveLength(1);
    expect(signals!.problems).toContain('SEC EDGAR: HTTP 503 after 4 tries');
    expect(signals!.broadening).toBeNull();
  });
});
