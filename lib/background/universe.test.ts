import { beforeEach, describe, expect, it } from 'vitest';
import { deleteAllData } from '../db';
import { loadUniverseScreen, recentQuarters, screenUniverse } from './universe';
import { MINI } from '../analysis/__fixtures__/mini-reference';
import type { HttpGet } from '../providers/types';

beforeEach(async () => {
  await deleteAllData();
});

describe('the S&P 400/600 universe screen', () => {
  it('takes the last eight quarters whose 10-Qs are due', () => {
    expect(recentQuarters(new Date('2026-11-25T00:00:00Z'))).toEqual(['CY2024Q4', 'CY2025Q1', 'CY2025Q2', 'CY2025Q3', 'CY2025Q4', 'CY2026Q1', 'CY2026Q2', 'CY2026Q3']);
    expect(recentQuarters(new Date('2026-11-10T00:00:00Z'))[7]).toBe('CY2026Q2'); // Q3 10-Qs not all due yet
  });

  it('reads fundamentals in bulk, asks prices only for sound businesses and filings only for beaten-down ones', async () => {
    // Mini reference: S&P 400 = MDA, MDB; S&P 600 = SMA. MDA grows, MDB shrinks, SMA has no SEC data.
    const quarters = recentQuarters(new Date('2026-11-25T00:00:00Z'));
    const frame = (values: Record<number, number>) => ({ taxonomy: 'us-gaap', tag: 'x', ccp: 'x', uom: 'USD', pts: 2, data: Object.entries(values).map(([cik, val]) => ({ accn: 'a', cik: Number(cik), entityName: 'E', end: '2026-09-30', val })) });
    const answers: Record<string, unknown> = {
      'https://www.sec.gov/files/company_tickers.json': { '0': { cik_str: 101, ticker: 'MDA', title: 'MID1' }, '1': { cik_str: 102, ticker: 'MDB', title: 'MID2' } },
      'https://data.sec.gov/api/xbrl/frames/us-gaap/NetCashProvidedByUsedInOperatingActivities/USD/CY2025.json': frame({ 101: 50, 102: 40 }),
      'https://data.sec.gov/submissions/CIK0000000101.json': { cik: '101', name: 'Mid One', tickers: ['MDA'], filings: { recent: { accessionNumber: ['0000000101-26-000003'], filingDate: ['2026-06-01'], reportDate: ['2026-06-01'], form: ['8-K'], items: ['5.02'], primaryDocument: ['mda-8k.htm'] } } },
      'https://cdn.cboe.com/api/global/delayed_quotes/charts/historical/MDA.json': {
        symbol: 'MDA',
        data: [{ date: '2026-03-02', open: 50, high: 50, low: 50, close: 50, volume: 1 }, { date: '2026-11-24', open: 25, high: 25, low: 25, close: 25, volume: 1 }],
      },
    };
    quarters.forEach((q, i) => {
      answers[`https://data.sec.gov/api/xbrl/frames/us-gaap/Revenues/USD/${q}.json`] = frame({ 101: 100 + 10 * i, 102: 200 - 10 * i });
      answers[`https://data.sec.gov/api/xbrl/frames/us-gaap/GrossProfit/USD/${q}.json`] = frame({ 101: 40 + 4 * i, 102: 80 - 4 * i });
    });
    const calls: string[] = [];
    const get: HttpGet = async (url) => {
      calls.push(url);
      // Full-text search: MDA's recent filings voice no going-concern doubt.
      const body = url.startsWith('https://efts.sec.gov/LATEST/search-index?') ? { hits: { total: { value: 0 }, hits: [] } } : answers[url];
      return body ? { ok: true, status: 200, text: async () => JSON.stringify(body) } : { ok: false, status: 404, text: async () => 'Not found' };
    };
    const progress: number[] = [];
    const screen = await screenUniverse(MINI, { get, now: () => new Date('2026-11-25T00:00:00Z'), sleep: async () => {}, onProgress: (done) => progress.push(done) });
    expect(screen).toMatchObject({ screened: 3, withFundamentals: 2 });
    expect(screen.candidates.map((c) => c.ticker)).toEqual(['MDA']);
    expect(calls.filter((u) => u.includes('cboe'))).toEqual(['https://cdn.cboe.com/api/global/delayed_quotes/charts/historical/MDA.json']);
    expect(calls.filter((u) => u.includes('/submissions/'))).toEqual(['https://data.sec.gov/submissions/CIK0000000101.json']);
    expect(calls.filter((u) => u.includes('efts.sec.gov'))).toHaveLength(1);
    expect(screen.candidates[0]!.criteria.find((c) => c.id === 'cash-positive')!.value).toBe('$50 over the last four quarters; no going-concern doubt in its 10-K/10-Q filings of the last 12 months');
    expect(calls.filter((u) => u.includes('/frames/'))).toHaveLength(8 * 3 + 1); // bulk: 25 requests for the whole universe
    expect(progress.at(-1)).toBe(8 * 3 + 1 + 3);
    // Kept for the popup, and a second screen reads what is kept: no new request.
    expect((await loadUniverseScreen())?.candidates[0]?.ticker).toBe('MDA');
    const before = calls.length;
    await screenUniverse(MINI, { get, now: () => new Date('2026-11-25T06:00:00Z'), sleep: async () => {} });
    expect(calls.length).toBe(before);
  });
});
