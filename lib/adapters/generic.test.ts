// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { genericAdapter, splitSymbolCell } from './generic';
import { headerMeaning } from './dom';
import { pickAdapter, ADAPTERS } from './registry';
import { ScanResultSchema } from '../schema/holdings';

import { expectGolden, loadPage } from '../../test/helpers/pages';

const NOW = new Date('2026-11-24T15:00:00Z');
const load = (name: string) => loadPage('generic', name);
const golden = (name: string, actual: unknown) => expectGolden('generic', name, actual);

describe('generic adapter on fixture pages', () => {
  it.each(['html-table.html', 'aria-grid.html', 'empty-account.html', 'negative-foreign-table.html'])('reads %s as the golden file says', (page) => {
    const { result, anchors } = genericAdapter.read(load(page), new URL('https://broker.example/positions?session=secret'), NOW);
    expect(ScanResultSchema.safeParse(result).success).toBe(true);
    expect(result.source.url).toBe('https://broker.example/positions'); // never the query string
    golden(page, { result, anchors: anchors.map((a) => a.symbol) });
  });

  it('masks account numbers before they leave the page', () => {
    const { result } = genericAdapter.read(load('html-table.html'), new URL('https://broker.example/'), NOW);
    expect(JSON.stringify(result)).not.toMatch(/98765432|11111111/);
    expect(new Set(result.holdings.map((h) => h.account))).toEqual(new Set(['Individual ...789 — ••5432', 'Roth Contributory IRA — ••1111']));
  });

  it('drops total rows, marks cash, and counts a row it cannot read with the reason', () => {
    const { result } = genericAdapter.read(load('html-table.html'), new URL('https://broker.example/'), NOW);
    expect(result.holdings.some((h) => /total/i.test(h.symbol ?? ''))).toBe(false);
    expect(result.holdings.find((h) => h.symbol === 'Cash & Cash Investments')?.rowKind).toBe('cash');
    expect(result.skipped).toEqual([{ row: 11, reason: 'XOM: market value "price unavailable" is not a number' }]);
  });

  it('says there are no holdings on a page without a holdings table', () => {
    const { result } = genericAdapter.read(load('negative-foreign-table.html'), new URL('https://sports.example/'), NOW);
    expect(result.holdings).toEqual([]);
    expect(result.note).toBe('No holdings found on this page');
    expect(genericAdapter.detect(load('negative-foreign-table.html'), new URL('https://sports.example/'))).toBe(false);
  });

  it('is the fallback of the registry', () => {
    expect(pickAdapter(load('negative-foreign-table.html'), new URL('https://sports.example/'))).toBe(genericAdapter);
    expect(ADAPTERS.at(-1)).toBe(genericAdapter);
    expect(Object.isFrozen(ADAPTERS)).toBe(true);
  });

  it('reads the page text as text, never as markup', () => {
    const doc = new DOMParser().parseFromString(
      `<table><tr><th>Symbol</th><th>Value</th></tr><tr><td>&lt;img src=x onerror=alert(1)&gt;</td><td>$5</td></tr></table>`,
      'text/html',
    );
    const { result } = genericAdapter.read(doc, new URL('https://x.example/'), NOW);
    expect(result.holdings[0]?.description).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });
});

describe('header meanings and symbol cells', () => {
  it.each([
    ['Symbol', 'symbol'], ['Symbol / Name', 'symbol'], ['Ticker ▲', 'symbol'], ['Qty (Quantity)', 'quantity'], ['Shares', 'quantity'],
    ['Mkt Val (Market Value)', 'value'], ['Current Value', 'value'], ['Market value', 'value'], ['Last Price', 'price'],
    ['Description', 'description'], ['Account', 'account'], ["Today's Gain/Loss", null], ['Day Chng %', null],
  ])('%j means %s', (text, meaning) => expect(headerMeaning(text)).toBe(meaning));

  it('splits a symbol cell holding the name too', () => {
    const cell = (html: string) => new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body.firstElementChild!;
    expect(splitSymbolCell(cell('<b>FXAIX</b> <i>Fidelity 500 Index Fund</i>'))).toEqual({ symbol: 'FXAIX', description: 'Fidelity 500 Index Fund' });
    expect(splitSymbolCell(cell('SWPPX Schwab S&amp;P 500 Index Fund'))).toEqual({ symbol: 'SWPPX', description: 'Schwab S&P 500 Index Fund' });
    expect(splitSymbolCell(cell('Stable Value Fund'))).toEqual({ symbol: '', description: 'Stable Value Fund' });
    expect(splitSymbolCell(cell('SPAXX**'))).toEqual({ symbol: 'SPAXX**', description: '' });
  });
});
