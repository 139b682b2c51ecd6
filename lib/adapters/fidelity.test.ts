// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fidelityAdapter, FIDELITY_NO_VALUES, FIDELITY_SELECTORS } from './fidelity';
import { LayoutNotRecognised } from './types';
import { readPage } from './registry';
import { ScanResultSchema } from '../schema/holdings';
import { expectGolden, loadPage } from '../../test/helpers/pages';

const URL_POSITIONS = new URL('https://digital.fidelity.com/ftgw/digital/portfolio/positions?acct=secret');
const NOW = new Date('2026-11-24T15:00:00Z');
const load = (name: string) => loadPage('fidelity', name);

describe('Fidelity positions page', () => {
  it.each(['positions-grid.html', 'partial-grid.html'])('reads %s as the golden file says', (page) => {
    const read = fidelityAdapter.read(load(page), URL_POSITIONS, NOW);
    expect(ScanResultSchema.safeParse(read.result).success).toBe(true);
    expectGolden('fidelity', page, { result: read.result, anchors: read.anchors.map((a) => a.symbol), virtual: read.virtual });
  });

  it('joins the pinned symbol column with the centre figures by row id, lots and totals not counted twice', () => {
    const { result } = fidelityAdapter.read(load('positions-grid.html'), URL_POSITIONS, NOW);
    const by = (s: string) => result.holdings.find((h) => h.symbol === s)!;
    expect(by('AAPL')).toMatchObject({ quantity: 30, price: 298, marketValue: 8940, account: 'Individual - TOD ••5678' });
    expect(by('NVDA').marketValue).toBe(18_050); // "Has Activity Today" stripped from the symbol
    expect(by('FXAIX')).toMatchObject({ marketValue: 22_000, account: 'ROTH IRA ••2222' });
    expect(by('SPAXX**').rowKind).toBe('cash');
    expect(by('Pending activity')).toMatchObject({ rowKind: 'pending', marketValue: -600 });
    // Individual: 2,500 + 18,050 + 8,940 + 24,400 + 4,935 + 1,235 = 60,060 with pending −600 → the page's 59,460 total.
    const individual = result.holdings.filter((h) => h.account === 'Individual - TOD ••5678');
    expect(individual.reduce((s, h) => s + (h.marketValue ?? 0), 0)).toBe(59_460);
    expect(result.complete).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/12345678|222222222/);
  });

  it('reports each account’s total, and reads the same when rows carry ARIA tree levels too', () => {
    const plain = fidelityAdapter.read(load('positions-grid.html'), URL_POSITIONS, NOW).result;
    expect(plain.statedTotals).toEqual([
      { account: 'Individual - TOD ••5678', label: 'Account Total', value: 59_460, row: 11 },
      { account: 'ROTH IRA ••2222', label: 'Account Total', value: 27_920, row: 15 },
    ]);
    // ag-Grid's treegrid may number rows from 1: accounts 1, positions 2, lots 3.
    const doc = load('positions-grid.html');
    for (const row of doc.querySelectorAll('.ag-row')) row.setAttribute('aria-level', String(Number(/ag-row-level-(\d)/.exec(row.className)?.[1] ?? 1) + 1));
    expect(fidelityAdapter.read(doc, URL_POSITIONS, NOW).result).toEqual(plain);
  });

  it('says how much of a virtualised grid it saw instead of reporting part as whole', () => {
    const { result, virtual } = fidelityAdapter.read(load('partial-grid.html'), URL_POSITIONS, NOW);
    expect(result.complete).toBe(false);
    expect(result.note).toBe('Read 8 of 120 rows of the positions grid — scroll to read the rest');
    expect(virtual?.totalRows).toBe(120);
  });

  it('reads an account without positions as empty, with a note', () => {
    const { result } = fidelityAdapter.read(load('empty-account.html'), URL_POSITIONS, NOW);
    expect(result.holdings).toEqual([]);
    expect(result.note).toBe('No positions in this account');
  });

  it('does not claim other Fidelity pages, nor other sites', () => {
    expect(fidelityAdapter.detect(load('negative-summary.html'), new URL('https://digital.fidelity.com/ftgw/digital/portfolio/summary'))).toBe(false);
    expect(fidelityAdapter.detect(loadPage('generic', 'html-table.html'), new URL('https://client.schwab.com/app/accounts/positions'))).toBe(false);
  });

  it('names the selector that matched nothing, and the reader falls back to the generic table reader', () => {
    const doc = load('negative-summary.html');
    expect(() => fidelityAdapter.read(doc, URL_POSITIONS, NOW)).toThrow(LayoutNotRecognised);
    expect(() => fidelityAdapter.read(doc, URL_POSITIONS, NOW)).toThrow(`Fidelity positions page layout not recognised: positions grid not found (${FIDELITY_SELECTORS.grid})`);
    const fallback = readPage(doc, URL_POSITIONS, NOW);
    expect(fallback.result.source.readerId).toBe('generic');
    expect(fallback.result.note).toMatch(/^Fidelity positions page layout not recognised: positions grid not found .* — use the positions file your brokerage lets you download instead\.$/);
  });

  it('reads a 500-position grid whole', () => {
    const rows = Array.from({ length: 500 }, (_, i) => i);
    const html = `<div class="ag-root-wrapper" role="treegrid" aria-rowcount="502">
      <div class="ag-pinned-left-cols-container"><div class="ag-row posweb-row-account" row-id="a"><span class="posweb-cell-account_primary">Individual</span><span class="posweb-cell-account_secondary">X12345678</span></div>
      ${rows.map((i) => `<div class="ag-row posweb-row-position" row-id="${i}"><div class="ag-cell"><div class="posweb-cell-symbol-name_container"><span>NVDA</span></div></div></div>`).join('')}</div>
      <div class="ag-center-cols-container">${rows.map((i) => `<div class="ag-row" row-id="${i}"><div class="posweb-cell-current_value">$${i + 1}.00</div></div>`).join('')}</div></div>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const { result } = fidelityAdapter.read(doc, URL_POSITIONS, NOW);
    expect(result.holdings).toHaveLength(500);
    expect(result.complete).toBe(true);
    expect(result.holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0)).toBe((500 * 501) / 2);
  });
});

describe('Fidelity positions grid, 2026 structure', () => {
  const PAGES_2026 = ['positions-2026.html', 'positions-2026-narrow.html', 'positions-2026-scrolling.html'];
  it.each(PAGES_2026)('reads %s as the golden file says', (page) => {
    const read = fidelityAdapter.read(load(page), URL_POSITIONS, NOW);
    expect(ScanResultSchema.safeParse(read.result).success).toBe(true);
    expectGolden('fidelity', page, { result: read.result, anchors: read.anchors.map((a) => a.symbol), virtual: read.virtual });
  });

  it('joins by row-index, finds figures by col-id, knows core and pending rows by class, ignores the lots drawer', () => {
    const { result } = fidelityAdapter.read(load('positions-2026.html'), URL_POSITIONS, NOW);
    const by = (s: string) => result.holdings.find((h) => h.symbol === s)!;
    expect(by('SPAXX**')).toMatchObject({ rowKind: 'cash', marketValue: 3_100 });
    expect(by('MSFT')).toMatchObject({ quantity: 20, price: 379.4, marketValue: 7_588, account: 'Individual - TOD ••5678' }); // "Margin" indicator not in the symbol
    expect(by('AAPL').marketValue).toBe(8_940); // its two lots in the open drawer are not holdings
    expect(by('Pending activity')).toMatchObject({ rowKind: 'pending', marketValue: -250 });
    expect(result.statedTotals?.map((t) => [t.account, t.value])).toEqual([
      ['Individual - TOD ••5678', 22_088],
      ['ROTH IRA ••1111', 13_960],
    ]);
    expect(result.complete).toBe(true);
    // The same page without row-id attributes: rows still join by row-index.
    const doc = load('positions-2026.html');
    for (const row of doc.querySelectorAll('[row-id]')) row.removeAttribute('row-id');
    expect(fidelityAdapter.read(doc, URL_POSITIONS, NOW).result.holdings).toEqual(result.holdings);
  });

  it('does not read a grid without its Current Value column as zero-value holdings, and says what to do', () => {
    const { result, virtual } = fidelityAdapter.read(load('positions-2026-narrow.html'), URL_POSITIONS, NOW);
    expect(result.complete).toBe(false);
    expect(result.note).toBe(FIDELITY_NO_VALUES);
    expect(result.holdings.every((h) => h.marketValue === null)).toBe(true);
    expect(result.statedTotals).toEqual([]);
    expect(virtual).toBeUndefined(); // no row counts as seen without its value
  });

  it('counts a row whose figures are not rendered yet as not seen', () => {
    const { result, virtual } = fidelityAdapter.read(load('positions-2026-scrolling.html'), URL_POSITIONS, NOW);
    expect(result.holdings.map((h) => h.symbol)).toEqual(['SPAXX**', 'MSFT', 'AAPL', 'Pending activity']);
    expect(result.note).toBe('Read 6 of 40 rows of the positions grid — scroll to read the rest');
    expect(virtual?.rowIds).not.toContain('4');
  });

  it('reads an account without positions as empty, with a note', () => {
    const { result } = fidelityAdapter.read(load('empty-account-2026.html'), URL_POSITIONS, NOW);
    expect(result.holdings).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.note).toBe('No positions in this account');
  });
});
