// @vitest-environment jsdom
import { etradeAdapter } from './etrade';
import { describe, expect, it } from 'vitest';
import { describeTableSite } from '../../test/helpers/table-site';
import { expectGolden, loadPage } from '../../test/helpers/pages';
import { ScanResultSchema } from '../schema/holdings';
import { LayoutNotRecognised } from './types';

describeTableSite({
  adapter: etradeAdapter,
  positionsUrl: 'https://us.etrade.com/etx/pxy/portfolios/positions',
  positive: 'portfolio.html',
  empty: 'empty-portfolio.html',
  negative: { file: 'negative-quote.html', url: 'https://us.etrade.com/etx/mkt/quotes?symbol=AMZN' },
  // 4,887.80 + 2,960 + 3,770 + 812.50 = 12,430.30, the page's TOTAL (lot rows not counted again).
  accountTotals: { 'Brokerage -5678': 12_430.3 },
  unmasked: [],
  cash: ['CASH'],
});

describe('E*TRADE 2026 positions grid', () => {
  const url = new URL('https://us.etrade.com/etx/pxy/portfolios/positions');
  const now = new Date('2026-11-24T15:00:00Z');
  const read = (doc: Document) => etradeAdapter.read(doc, url, now);
  const page = () => loadPage('etrade', 'positions-grid-2026.html');

  it('reads the ARIA grid as the golden file says', () => {
    const { result, anchors } = read(page());
    expect(ScanResultSchema.safeParse(result).success).toBe(true);
    expectGolden('etrade', 'positions-grid-2026.html', { result, anchors: anchors.map((a) => a.symbol) });
  });

  it('adds up to the footer total: positions once (lots skipped), the cash footer as cash, action rows ignored', () => {
    const { result } = read(page());
    const sum = result.holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0);
    expect(sum).toBeCloseTo(26_749.5, 6); // 8,940 + 7,220 + 6,600 + 2,785 + 1,204.50
    expect(result.statedTotals).toEqual([{ account: 'Individual Brokerage -4321', label: 'Total', value: 26_749.5, row: 10 }]);
    expect(result.holdings.filter((h) => h.rowKind === 'cash').map((h) => [h.description, h.marketValue])).toEqual([['Cash', 1_204.5]]);
    expect(result.holdings.some((h) => /transfer|add cash/i.test(`${h.symbol} ${h.description}`))).toBe(false);
  });

  it('matches footer rows by the stable part of their CSS-module class, whatever the build hash', () => {
    const doc = page();
    for (const el of doc.querySelectorAll('[class*="FooterCellRenderer"]')) el.className = el.className.replace(/---\w+$/, '---Zz9Yy');
    expect(read(doc).result).toEqual(read(page()).result);
  });

  it('places cells by aria-colindex, and reads by the known column positions when the header is gone', () => {
    const doc = page();
    doc.querySelector('[role="columnheader"]')!.closest('[role="row"]')!.remove();
    expect(read(doc).result.holdings).toEqual(read(page()).result.holdings);
  });

  it('reads the account chosen in the select; with "All accounts" chosen, names none', () => {
    const doc = page();
    const select = doc.querySelector('select')!;
    select.selectedIndex = 0;
    expect(new Set(read(doc).result.holdings.map((h) => h.account))).toEqual(new Set([undefined]));
  });

  it('reads the empty account as empty, and leaves the balances grid alone', () => {
    expect(read(loadPage('etrade', 'empty-positions-grid-2026.html')).result).toMatchObject({ holdings: [], note: 'No positions in this account' });
    const other = loadPage('etrade', 'negative-balances-2026.html');
    expect(etradeAdapter.detect(other, new URL('https://us.etrade.com/etx/pxy/accounts/balances'))).toBe(false);
    expect(() => read(other)).toThrow(LayoutNotRecognised);
  });

  it('prefers the 2026 grid, and still reads the older table on its own', () => {
    expect(read(loadPage('etrade', 'portfolio.html')).result.holdings.map((h) => h.symbol)).toEqual(['AMZN', 'IJR', 'JPM', 'CASH']);
  });
});
