// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { schwabAdapter, SCHWAB_SELECTORS } from './schwab';
import { LayoutNotRecognised } from './types';
import { ScanResultSchema } from '../schema/holdings';
import { expectGolden, loadPage } from '../../test/helpers/pages';

const URL_POSITIONS = new URL('https://client.schwab.com/app/accounts/positions/summary');
const NOW = new Date('2026-11-24T15:00:00Z');
const load = (name: string) => loadPage('schwab', name);

describe('Schwab positions page', () => {
  it('reads positions.html as the golden file says', () => {
    const read = schwabAdapter.read(load('positions.html'), URL_POSITIONS, NOW);
    expect(ScanResultSchema.safeParse(read.result).success).toBe(true);
    expectGolden('schwab', 'positions.html', { result: read.result, anchors: read.anchors.map((a) => a.symbol) });
  });

  it('groups by account, masks numbers, keeps cash and drops totals', () => {
    const { result } = schwabAdapter.read(load('positions.html'), URL_POSITIONS, NOW);
    const by = (a: string) => result.holdings.filter((h) => h.account === a).reduce((s, h) => s + (h.marketValue ?? 0), 0);
    expect(by('Individual Brokerage ...5678 — ••5678')).toBeCloseTo(11_902.92, 6); // the page's own account total
    expect(by('Roth Contributory IRA ...1111 — ••1111')).toBeCloseTo(6_929.87, 6);
    expect(result.holdings.find((h) => h.symbol === 'Cash & Cash Investments')?.rowKind).toBe('cash');
    expect(result.holdings.some((h) => /total/i.test(h.symbol ?? ''))).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/X12345678|11111111/);
  });

  it('reads an empty account as empty, with a note', () => {
    const { result } = schwabAdapter.read(load('empty-positions.html'), URL_POSITIONS, NOW);
    expect(result.holdings).toEqual([]);
    expect(result.note).toBe('No positions in this account');
  });

  it('does not claim the summary page, and names the selector when the table is gone', () => {
    const summary = load('negative-summary.html');
    expect(schwabAdapter.detect(summary, new URL('https://client.schwab.com/clientapps/accounts/summary/'))).toBe(false);
    expect(() => schwabAdapter.read(summary, URL_POSITIONS, NOW)).toThrow(LayoutNotRecognised);
    expect(() => schwabAdapter.read(summary, URL_POSITIONS, NOW)).toThrow(`(${SCHWAB_SELECTORS.table})`);
  });

  it('reads 500 positions', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `<tr><th>MSFT</th><td>x</td><td>1</td><td>$${i}.00</td></tr>`).join('');
    const doc = new DOMParser().parseFromString(`<table id="responsiveTable"><thead><tr><th>Symbol</th><th>Description</th><th>Quantity</th><th>Market Value</th></tr></thead><tbody>${rows}</tbody></table>`, 'text/html');
    const { result } = schwabAdapter.read(doc, URL_POSITIONS, NOW);
    expect(result.holdings).toHaveLength(500);
    expect(result.holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0)).toBe((499 * 500) / 2);
  });
});

describe('Schwab positions page, 2025–2026 layout (table#positionsDetails)', () => {
  const DETAILS = ['positions-details.html', 'positions-virtualised.html', 'positions-grouped.html', 'positions-condensed.html'];
  const money = (holdings: { marketValue: number | null }[]) => holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0);

  it.each(DETAILS)('reads %s as the golden file says', (page) => {
    const read = schwabAdapter.read(load(page), URL_POSITIONS, NOW);
    expect(ScanResultSchema.safeParse(read.result).success).toBe(true);
    expectGolden('schwab', page, { result: read.result, anchors: read.anchors.map((a) => a.symbol), virtual: read.virtual });
  });

  it('reads each account’s tbody by header ids, cash kept, totals reported and not read as holdings', () => {
    const { result } = schwabAdapter.read(load('positions-details.html'), URL_POSITIONS, NOW);
    const by = (a: string) => money(result.holdings.filter((h) => h.account === a));
    expect(by('Individual Brokerage ...5678')).toBeCloseTo(13_112.92, 6);
    expect(by('Roth Contributory IRA ...1111')).toBeCloseTo(7_000, 6);
    expect(result.statedTotals?.map((t) => [t.account, t.value])).toEqual([
      ['Individual Brokerage ...5678', 13_112.92],
      ['Roth Contributory IRA ...1111', 7_000],
    ]);
    expect(result.holdings.find((h) => h.symbol === 'MSFT')).toMatchObject({ quantity: 12, price: 379.4, marketValue: 4_552.8, description: 'MICROSOFT CORP' });
    expect(result.holdings.filter((h) => h.rowKind === 'cash').map((h) => h.marketValue)).toEqual([1_005.12, 70.13]);
    expect(result.complete).toBe(true);
  });

  it('counts rows out of view instead of reading them as empty, and holds back the total they would break', () => {
    const { result, virtual } = schwabAdapter.read(load('positions-virtualised.html'), URL_POSITIONS, NOW);
    expect(result.complete).toBe(false);
    expect(result.note).toBe('Read 10 of 12 rows of the positions grid — scroll to read the rest');
    expect(result.holdings.map((h) => h.symbol)).not.toContain('NVDA');
    expect(result.holdings.map((h) => h.symbol)).not.toContain('SCHD');
    // The first account's total covers rows not yet seen: not compared; the second account is whole.
    expect(result.statedTotals?.map((t) => t.account)).toEqual(['Roth Contributory IRA ...1111']);
    expect(virtual?.totalRows).toBe(12);
    expect(virtual?.holdingKeys).toHaveLength(result.holdings.length);
  });

  it('once every row has been in view, reads what the full view reads', () => {
    const seen = schwabAdapter.read(load('positions-virtualised.html'), URL_POSITIONS, NOW);
    const whole = schwabAdapter.read(load('positions-details.html'), URL_POSITIONS, NOW);
    const rest = new Set(whole.virtual!.rowIds.filter((id) => !seen.virtual!.rowIds.includes(id)));
    expect(rest).toEqual(new Set(['holdingsAccount_0:2', 'holdingsAccount_0:3']));
  });

  it('reads the grouped view the same as the full one: group names are not accounts, the lots modal is not read', () => {
    const grouped = schwabAdapter.read(load('positions-grouped.html'), URL_POSITIONS, NOW).result;
    const full = schwabAdapter.read(load('positions-details.html'), URL_POSITIONS, NOW).result;
    expect(grouped.holdings).toEqual(full.holdings.filter((h) => h.account === 'Individual Brokerage ...5678'));
    expect(grouped.statedTotals?.map((t) => t.value)).toEqual([13_112.92]);
  });

  it('reads the condensed view by its header ids (no description, fewer columns)', () => {
    const { result } = schwabAdapter.read(load('positions-condensed.html'), URL_POSITIONS, NOW);
    expect(result.holdings.map((h) => [h.symbol, h.quantity, h.marketValue])).toEqual([
      ['SWPPX', 300.123, 4_561.87],
      ['IJR', 20, 2_368],
      ['Cash & Cash Investments', null, 70.13],
    ]);
    expect(result.statedTotals?.map((t) => t.value)).toEqual([7_000]);
  });

  it('reads an account without positions as empty, with a note', () => {
    const { result } = schwabAdapter.read(load('empty-positions-details.html'), URL_POSITIONS, NOW);
    expect(result.holdings).toEqual([]);
    expect(result.note).toBe('No positions in this account');
  });

  it('names the market value column when the table no longer has one', () => {
    const doc = load('positions-details.html');
    doc.querySelector('th[id^="marketValue"]')!.remove();
    expect(() => schwabAdapter.read(doc, URL_POSITIONS, NOW)).toThrow('Schwab positions page layout not recognised: market value column not found (table#positionsDetails th[id^="marketValue"])');
  });
});
