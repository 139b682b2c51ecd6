// @vitest-environment jsdom
import { ibkrAdapter } from './ibkr';
import { describe, expect, it } from 'vitest';
import { describeTableSite } from '../../test/helpers/table-site';
import { expectGolden, loadPage } from '../../test/helpers/pages';
import { ScanResultSchema } from '../schema/holdings';
import { LayoutNotRecognised } from './types';

describeTableSite({
  adapter: ibkrAdapter,
  positionsUrl: 'https://www.interactivebrokers.com/portal/#/portfolio',
  positive: 'portfolio.html',
  empty: 'empty-portfolio.html',
  negative: { file: 'negative-trade.html', url: 'https://www.interactivebrokers.com/portal/#/trade' },
  // 12,200 + 4,470 + 3,260 + 1,550.25 = 21,480.25, the page's total.
  accountTotals: { 'Account ••4567 — Individual': 21_480.25 },
  unmasked: ['U1234567'],
  cash: ['Cash (USD)'],
});

describe('Interactive Brokers 2026 Client Portal', () => {
  const now = new Date('2026-11-24T15:00:00Z');
  const portfolio = new URL('https://www.interactivebrokers.com/portal/#/portfolio');
  const dashboard = new URL('https://www.interactivebrokers.com/portal/#/dashboard/positions');
  const read = (doc: Document, url = portfolio) => ibkrAdapter.read(doc, url, now);

  it.each([
    ['positions-table-2026.html', portfolio],
    ['holdings-grid-2026.html', dashboard],
  ])('reads %s as the golden file says', (name, url) => {
    const doc = loadPage('ibkr', name);
    expect(ibkrAdapter.detect(doc, url)).toBe(true);
    const { result, anchors } = read(doc, url);
    expect(ScanResultSchema.safeParse(result).success).toBe(true);
    expectGolden('ibkr', name, { result, anchors: anchors.map((a) => a.symbol) });
  });

  it('never adds an amount in another currency as dollars: the row is skipped with its currency, and the note says so', () => {
    const { result } = read(loadPage('ibkr', 'positions-table-2026.html'));
    expect(result.holdings.map((h) => [h.symbol, h.marketValue])).toEqual([['VOO', 12_200], ['AAPL', 4_470], ['TSLA', -1_250]]);
    expect(result.skipped).toEqual([{ row: 3, reason: 'SAP: market value "2,450.00 EUR" not in US dollars' }]);
    expect(result.note).toBe('Amounts in EUR left out: Breadth adds only US dollars');
    // The notes name no account element; the "Positions" heading is no account, so none is claimed.
    expect(result.holdings.every((h) => h.account === undefined)).toBe(true);
    expect(JSON.stringify(result)).not.toContain('U1234567');
  });

  it('reads the Cash Holdings table as cash, dollars only, and group rows as no holdings', () => {
    const { result } = read(loadPage('ibkr', 'holdings-grid-2026.html'), dashboard);
    expect(result.holdings.map((h) => [h.symbol ?? h.description, h.marketValue, h.rowKind])).toEqual([
      ['MSFT', 5_100, 'position'],
      ['NVDA', 5_415, 'position'],
      ['USD cash', 2_000, 'cash'],
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['VUSA: market value "3,200.00 GBP" not in US dollars', 'EUR: market value "500.00 EUR" not in US dollars']);
    expect(result.note).toBe('Amounts in GBP, EUR left out: Breadth adds only US dollars');
  });

  it('finds the market value column by its sort label when the header text is unknown', () => {
    const doc = loadPage('ibkr', 'positions-table-2026.html');
    for (const th of doc.querySelectorAll('th ._thc')) if (th.textContent === 'Market Value') th.textContent = 'Value (Base)';
    expect(read(doc).result.holdings).toEqual(read(loadPage('ibkr', 'positions-table-2026.html')).result.holdings);
  });

  it('reads the empty account as empty; the orders grid is not a positions table', () => {
    expect(read(loadPage('ibkr', 'empty-positions-table-2026.html')).result).toMatchObject({ holdings: [], note: 'No positions in this account' });
    const other = loadPage('ibkr', 'negative-orders-2026.html');
    expect(ibkrAdapter.detect(other, new URL('https://www.interactivebrokers.com/portal/#/orders'))).toBe(false);
    expect(() => read(other)).toThrow(LayoutNotRecognised);
  });

  it('still reads the older table', () => {
    expect(read(loadPage('ibkr', 'portfolio.html')).result.holdings.map((h) => h.symbol)).toEqual(['VOO', 'AAPL', 'IJH', 'Cash (USD)']);
  });
});
