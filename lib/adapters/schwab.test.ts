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
