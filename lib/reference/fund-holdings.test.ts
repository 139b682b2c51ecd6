import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStockRow, lookThroughRows, weightSum } from './fund-holdings-build';
import { rollForward, weightDistance, weightOf } from './roll-forward';
import { bundledFundHoldings, bundledReference } from '.';
import { FUND_CATALOG } from './fund-catalog';

describe('published fund rows → look-through rows', () => {
  it('keeps stocks, drops cash, futures, collateral and footer rows, and makes tickers canonical', () => {
    const rows = lookThroughRows([
      { ticker: 'AAPL', name: 'Apple Inc.', weight: 6 },
      { ticker: 'BRKB', name: 'Berkshire Hathaway Inc Class B', weight: 1.5 },
      { ticker: 'USD', name: 'USD CASH', weight: 0.2, kind: 'Cash and/or Derivatives' },
      { ticker: 'ESZ5', name: 'S&P500 EMINI DEC 25', weight: 0.1 },
      { ticker: 'MSFUT', name: 'CASH COLLATERAL MSFUT USD', weight: 0.02 },
      { ticker: 'NAN', name: 'Past performance is not a reliable indicator…', weight: 0 },
      { ticker: '-', name: 'US DOLLAR', weight: 0.1 },
    ]);
    expect(rows).toEqual([['AAPL', 6], ['BRK.B', 1.5]]);
    expect(isStockRow({ ticker: 'FF', name: 'FUTUREFUEL CORP', weight: 0.01 })).toBe(true);
  });

  it('spreads a rounded-away tail over the names that read 0.00 %, at most 0.005 % each', () => {
    // 99.97 % in stocks shown, 0 % cash: 0.03 % is hidden in the three 0.00 % names (0.01 % each → capped at 0.005 %).
    const rows = lookThroughRows([
      { ticker: 'AAA', name: 'A', weight: 60 },
      { ticker: 'BBB', name: 'B', weight: 39.97 },
      { ticker: 'CCC', name: 'C', weight: 0 },
      { ticker: 'DDD', name: 'D', weight: 0 },
      { ticker: 'EEE', name: 'E', weight: 0 },
    ]);
    expect(rows.slice(2)).toEqual([['CCC', 0.005], ['DDD', 0.005], ['EEE', 0.005]]);
  });
});

describe('the bundled fund holdings', () => {
  const funds = bundledFundHoldings();

  it('has every fund the catalog sees through, each dated and adding up to about 100 %', () => {
    const ids = new Set(funds.map((f) => f.id));
    for (const f of FUND_CATALOG) if (f.seenThrough) expect(ids.has(f.seenThrough), f.ticker).toBe(true);
    for (const f of funds) {
      expect(f.asOf).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(weightSum(f), f.id).toBeGreaterThan(97);
      expect(weightSum(f), f.id).toBeLessThan(100.5);
      expect(new Set(f.holdings.map(([t]) => t)).size, f.id).toBe(f.holdings.length);
    }
  });

  it('sees the total-market fund through with the giants at their published weights', () => {
    const vti = bundledReference().bundledLookThrough('VTI')!;
    // The S&P 500's top ten (2026-06-19 list) inside VTI (2025-10-31): about a third of the fund.
    expect(vti.topTen).toBeGreaterThan(0.3);
    expect(vti.topTen).toBeLessThan(0.4);
    expect(vti.rest).toBeLessThan(0.01);
  });

  const shared = resolve(__dirname, '../../../shared/reference/funds/holdings');
  it.skipIf(!existsSync(shared))('regenerating from ../shared reproduces the committed file', async () => {
    const { generate, FUND_HOLDINGS_PATH } = await import('../../scripts/generate-fund-holdings');
    expect(generate()).toBe(readFileSync(FUND_HOLDINGS_PATH, 'utf8'));
  });
});

describe('rolling fund weights forward (measured, not used: README "Look-through data and its dates")', () => {
  it('moves each stock by its index weight ratio and keeps the fund total', () => {
    // Fund 60/40 in A/B; the index had A 0.5, B 0.5 and now A 0.6, B 0.4: A ×1.2, B ×0.8 → 72/32, rescaled to 100.
    const rolled = rollForward(new Map([['A', 0.6], ['B', 0.4]]), new Map([['A', 0.5], ['B', 0.5]]), new Map([['A', 0.6], ['B', 0.4]]));
    expect(rolled.get('A')).toBeCloseTo(0.72 / 1.04, 12);
    expect(rolled.get('B')).toBeCloseTo(0.32 / 1.04, 12);
    expect(weightDistance(new Map([['A', 1]]), new Map([['B', 1]]))).toBe(1);
    expect(weightOf(rolled, ['A', 'B'])).toBeCloseTo(1, 12);
  });
});
