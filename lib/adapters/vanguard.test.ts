// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { vanguardAdapter, vanguardAccountLabel, VANGUARD_SELECTORS } from './vanguard';
import { LayoutNotRecognised } from './types';
import { ScanResultSchema } from '../schema/holdings';
import { expectGolden, loadPage } from '../../test/helpers/pages';

const URL_HOLDINGS = new URL('https://holdings.web.vanguard.com/');
const NOW = new Date('2026-11-24T15:00:00Z');
const load = (name: string) => loadPage('vanguard', name);

describe('Vanguard holdings page', () => {
  it('reads holdings.html as the golden file says', () => {
    const read = vanguardAdapter.read(load('holdings.html'), URL_HOLDINGS, NOW);
    expect(ScanResultSchema.safeParse(read.result).success).toBe(true);
    expectGolden('vanguard', 'holdings.html', { result: read.result, anchors: read.anchors.map((a) => a.symbol) });
  });

  it('values each position at quantity × price and keeps accounts apart without the person’s name', () => {
    const { result } = vanguardAdapter.read(load('holdings.html'), URL_HOLDINGS, NOW);
    const by = (a: string) => result.holdings.filter((h) => h.account === a).reduce((s, h) => s + (h.marketValue ?? 0), 0);
    // 1,520.33 + 25 × 610 + 10 × 245.10 + 10 × 298 = 22,201.33, the page's account total.
    expect(by('Brokerage Account ••5678')).toBeCloseTo(22_201.33, 6);
    expect(result.holdings.find((h) => h.symbol === 'VMFXX')?.rowKind).toBe('cash');
    expect(JSON.stringify(result)).not.toMatch(/Sample Investor|12345678|98765432/);
    expect(result.skipped).toEqual([{ row: 3, reason: 'VIMAX: price "$340.00" or quantity "--" is not a number' }]);
  });

  it('splits the account label on its dashes', () => {
    expect(vanguardAccountLabel('Sample Investor — Roth IRA — 98765432*')).toBe('Roth IRA ••5432');
    expect(vanguardAccountLabel('no dashes here')).toBeUndefined();
  });

  it('reads an empty account as empty, with a note', () => {
    const { result } = vanguardAdapter.read(load('empty-holdings.html'), URL_HOLDINGS, NOW);
    expect(result.holdings).toEqual([]);
    expect(result.note).toBe('No positions in this account');
  });

  it('does not claim the dashboard, and names the selector when the tables are gone', () => {
    const dashboard = load('negative-dashboard.html');
    expect(vanguardAdapter.detect(dashboard, new URL('https://dashboard.web.vanguard.com/'))).toBe(false);
    expect(() => vanguardAdapter.read(dashboard, URL_HOLDINGS, NOW)).toThrow(LayoutNotRecognised);
    expect(() => vanguardAdapter.read(dashboard, URL_HOLDINGS, NOW)).toThrow(`(${VANGUARD_SELECTORS.tables})`);
  });

  it('reads 500 positions', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `<tr><th><span class="symbol">VOO</span> x</th><td>$1.00</td><td>0</td><td>0</td><td>${i}</td></tr>`).join('');
    const doc = new DOMParser().parseFromString(`<span><span><span><span>A — B — 12345678*</span></span></span></span><table id="self_managed_table_0"><tbody><tr><th>ETFs</th></tr>${rows}</tbody></table>`, 'text/html');
    const { result } = vanguardAdapter.read(doc, URL_HOLDINGS, NOW);
    expect(result.holdings).toHaveLength(500);
    expect(result.holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0)).toBe((499 * 500) / 2);
  });
});
