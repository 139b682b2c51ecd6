import { describe, expect, it } from 'vitest';
import { scoreBrokenGrowth, type BrokenGrowthInput } from './broken-growth';
import { withBrokenGrowth } from './badges';

const asOf = new Date('2026-11-25T00:00:00Z');
const sec = { source: 'SEC EDGAR companyfacts (us-gaap:Revenues)', fetchedAt: '2026-11-24T00:00:00.000Z' };
const base: BrokenGrowthInput = {
  ticker: 'ACME',
  name: 'Acme Widgets',
  // $18 against a $30 high: 40 % below.
  price: { source: 'Stooq daily prices', fetchedAt: '2026-11-24T00:00:00.000Z', high: 30, highDate: '2026-02-10', last: 18, lastDate: '2026-11-24' },
  financials: {
    ...sec,
    revenueTtm: 1_100, // +10 % on 1,000
    revenuePriorTtm: 1_000,
    grossProfitTtm: 440, // 40 % margin, was 42 %: −2 pp
    grossProfitPriorTtm: 420,
    operatingCashFlowTtm: 90,
    quarters: [
      { end: '2026-09-30', revenue: 270, revenueYearBefore: 260 },
      { end: '2026-06-30', revenue: 280, revenueYearBefore: 250 },
      { end: '2026-03-31', revenue: 275, revenueYearBefore: 245 },
      { end: '2025-12-31', revenue: 275, revenueYearBefore: 245 },
    ],
  },
  officerChanges: { source: 'SEC EDGAR submissions', fetchedAt: '2026-11-24T00:00:00.000Z', filings: [{ filed: '2026-04-02', url: 'https://www.sec.gov/Archives/edgar/data/1/000000000126000001/x8k.htm' }] },
};

describe('broken growth', () => {
  it('flags a sound business beaten down after an officer change, with each number and its source', () => {
    const r = scoreBrokenGrowth(base, asOf);
    expect(r.verdict).toBe('candidate');
    expect(r.passed).toBe(5);
    const by = Object.fromEntries(r.criteria.map((c) => [c.id, c]));
    expect(by['beaten-down']!.value).toBe('40 % below the 52-week high of $30.00 (Feb 10, 2026); last $18.00 (Nov 24, 2026)');
    expect(by['still-growing']!.value).toBe('$1.1K over the last four quarters, +10 % on the year before');
    expect(by['margin-intact']!.value).toBe('gross margin 40 %, a year before 42 %');
    expect(by['temporary-cause']!).toMatchObject({ pass: true, value: 'officer change filed Apr 2, 2026', evidence: { url: 'https://www.sec.gov/Archives/edgar/data/1/000000000126000001/x8k.htm' } });
    expect(by['cash-positive']!.pass).toBe(true);
  });

  it('is not a candidate when a criterion fails: shallow drop, shrinking sales, collapsed margin, burning cash', () => {
    const cases: [Partial<BrokenGrowthInput> | ((b: BrokenGrowthInput) => BrokenGrowthInput), string][] = [
      [{ price: { ...base.price!, last: 21 } }, 'beaten-down'], // 30 % below: not enough
      [(b) => ({ ...b, financials: { ...b.financials!, revenueTtm: 950 } }), 'still-growing'],
      [(b) => ({ ...b, financials: { ...b.financials!, grossProfitTtm: 385 } }), 'margin-intact'], // 35 % vs 42 %: −7 pp
      [(b) => ({ ...b, financials: { ...b.financials!, operatingCashFlowTtm: -5 } }), 'cash-positive'],
    ];
    for (const [change, failing] of cases) {
      const input = typeof change === 'function' ? change(base) : { ...base, ...change };
      const r = scoreBrokenGrowth(input, asOf);
      expect(r.verdict).toBe('not');
      expect(r.criteria.filter((c) => c.pass === false).map((c) => c.id)).toEqual([failing]);
    }
  });

  it('counts one bad quarter after three good ones as a temporary cause, an old officer change not', () => {
    const quarters = [
      { end: '2026-09-30', revenue: 240, revenueYearBefore: 260 }, // −7.7 %
      { end: '2026-06-30', revenue: 280, revenueYearBefore: 250 },
      { end: '2026-03-31', revenue: 275, revenueYearBefore: 245 },
      { end: '2025-12-31', revenue: 275, revenueYearBefore: 245 },
    ];
    const old = { ...base.officerChanges!, filings: [{ filed: '2025-06-01', url: 'u' }] };
    const r = scoreBrokenGrowth({ ...base, officerChanges: old, financials: { ...base.financials!, quarters } }, asOf);
    expect(r.criteria.find((c) => c.id === 'temporary-cause')).toMatchObject({ pass: true, value: 'one bad quarter: revenue −7.7 % year over year in the quarter to Sep 30, 2026, after three quarters of growth' });
    const none = scoreBrokenGrowth({ ...base, officerChanges: old }, asOf);
    expect(none.criteria.find((c) => c.id === 'temporary-cause')!.pass).toBe(false);
  });

  it('says what is missing instead of guessing', () => {
    const r = scoreBrokenGrowth({ ...base, price: null, financials: { ...base.financials!, grossProfitTtm: null, grossProfitPriorTtm: null } }, asOf);
    expect(r.verdict).toBe('unknown');
    expect(r.criteria.filter((c) => c.pass === null).map((c) => [c.id, c.value])).toEqual([
      ['beaten-down', 'no price history'],
      ['margin-intact', 'gross profit not reported'],
    ]);
  });
});

describe('BROKEN GROWTH? badges', () => {
  it('marks candidates on the page with their evidence, and leaves the rest as they were', () => {
    const mid = { kind: 'sp400' as const, text: 'MID', title: 'Acme is in the S&P MidCap 400.' };
    const badges = [{ symbol: 'ACME', badge: mid }, { symbol: 'OTHER', badge: mid }];
    const results = [scoreBrokenGrowth(base, asOf), { ...scoreBrokenGrowth(base, asOf), ticker: 'OTHER', verdict: 'not' as const }];
    const out = withBrokenGrowth(badges, results);
    expect(out[0]!.badge.text).toBe('BROKEN GROWTH?');
    expect(out[0]!.badge.title).toMatch(/^MID, and it looks like broken growth: ✓ 40 % below the 52-week high of \$30\.00/);
    expect(out[1]).toEqual(badges[1]);
  });
});
