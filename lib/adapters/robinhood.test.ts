// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { robinhoodAdapter, ROBINHOOD_SELECTORS } from './robinhood';
import { LayoutNotRecognised } from './types';
import { ScanResultSchema } from '../schema/holdings';
import { expectGolden, loadPage } from '../../test/helpers/pages';

const URL_INVESTING = new URL('https://robinhood.com/account/investing');
const NOW = new Date('2026-11-24T15:00:00Z');
const load = (name: string) => loadPage('robinhood', name);

describe('Robinhood investing page', () => {
  it('reads investing.html as the golden file says', () => {
    const read = robinhoodAdapter.read(load('investing.html'), URL_INVESTING, NOW);
    expect(ScanResultSchema.safeParse(read.result).success).toBe(true);
    expectGolden('robinhood', 'investing.html', { result: read.result, anchors: read.anchors.map((a) => a.symbol) });
  });

  it('takes symbols from the links and figures by column meaning, never from hashed classes', () => {
    const { result } = robinhoodAdapter.read(load('investing.html'), URL_INVESTING, NOW);
    expect(result.holdings.map((h) => [h.symbol, h.quantity, h.price, h.marketValue])).toEqual([
      ['NVDA', 12.5, 180.5, 2256.25],
      ['VOO', 3, 610, 1830],
      ['CRS', 2, 586.47, 1172.94],
      ['HOOD', 10, 120, 1200],
      ['BTC', 0.01, 98_000, 980],
    ]);
    // Renaming every class on the page changes nothing.
    const doc = load('investing.html');
    for (const el of doc.querySelectorAll('[class]')) el.setAttribute('class', `x${Math.random().toString(36).slice(2)}`);
    expect(robinhoodAdapter.read(doc, URL_INVESTING, NOW).result.holdings).toEqual(result.holdings);
  });

  it('reads an account without positions as empty, with a note', () => {
    const { result } = robinhoodAdapter.read(load('empty-investing.html'), URL_INVESTING, NOW);
    expect(result.holdings).toEqual([]);
    expect(result.note).toBe('No positions in this account');
  });

  it('does not claim a stock detail page, and names the selector when the table is gone', () => {
    const detail = load('negative-stock-detail.html');
    expect(robinhoodAdapter.detect(detail, new URL('https://robinhood.com/stocks/NVDA'))).toBe(false);
    expect(() => robinhoodAdapter.read(detail, URL_INVESTING, NOW)).toThrow(LayoutNotRecognised);
    expect(() => robinhoodAdapter.read(detail, URL_INVESTING, NOW)).toThrow(`(${ROBINHOOD_SELECTORS.headers})`);
  });

  it('reads 500 positions', () => {
    const header = ['Name', 'Symbol', 'Shares', 'Price', 'Equity'].map((h) => `<div role="columnheader">${h}</div>`).join('');
    const rows = Array.from({ length: 500 }, (_, i) => `<a href="/stocks/NVDA"><div role="row"><div role="cell">N</div><div role="cell">NVDA</div><div role="cell">${i} shares</div><div role="cell">$1.00</div><div role="cell">$${i}.00</div></div></a>`);
    const doc = new DOMParser().parseFromString(`<div role="table"><div role="row">${header}</div>${rows.join('')}</div>`, 'text/html');
    const { result } = robinhoodAdapter.read(doc, URL_INVESTING, NOW);
    expect(result.holdings).toHaveLength(500);
    expect(result.holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0)).toBe((499 * 500) / 2);
  });
});
