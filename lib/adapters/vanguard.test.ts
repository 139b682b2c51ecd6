// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { vanguardAdapter, vanguardAccountLabel, VANGUARD_SELECTORS } from './vanguard';
import { LayoutNotRecognised } from './types';
import { ScanResultSchema } from '../schema/holdings';
import { expectGolden, loadPage } from '../../test/helpers/pages';

const URL_HOLDINGS = new URL('https://holdings.web.vanguard.com/');
const NOW = new Date('2026-11-24T15:00:00Z');
const load = (name: string) => loadPage('vanguard', name);
const URL_INVESTMENTS = new URL('https://www.vanguard.com/en/investor/portfolio/investments/');

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
    expect(result.skipped).toEqual([{ row: 3, reason: 'VIMAX: price or quantity is not a number' }]);
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

describe('Vanguard investments page (www.vanguard.com, 2026)', () => {
  it.each(['investments.html', 'investments-folded.html'])('reads %s as the golden file says', (page) => {
    const read = vanguardAdapter.read(load(page), URL_INVESTMENTS, NOW);
    expect(ScanResultSchema.safeParse(read.result).success).toBe(true);
    expectGolden('vanguard', page, { result: read.result, anchors: read.anchors.map((a) => a.symbol) });
  });

  it('claims the new host’s investments page and the old host, nothing else of www.vanguard.com', () => {
    expect(vanguardAdapter.detect(load('investments.html'), URL_INVESTMENTS)).toBe(true);
    expect(vanguardAdapter.detect(load('holdings.html'), URL_HOLDINGS)).toBe(true);
    expect(vanguardAdapter.detect(load('negative-investor-dashboard.html'), new URL('https://www.vanguard.com/en/investor/dashboard/'))).toBe(false);
    expect(vanguardAdapter.matches).toEqual(['https://holdings.web.vanguard.com/*', 'https://www.vanguard.com/en/investor/portfolio/investments*']);
  });

  it('reads each account’s balances by column test id, and its settlement fund card as cash', () => {
    const { result } = vanguardAdapter.read(load('investments.html'), URL_INVESTMENTS, NOW);
    const by = (a: string) => result.holdings.filter((h) => h.account === a).reduce((s, h) => s + (h.marketValue ?? 0), 0);
    // 1,520.33 + 15,250 + 3,005 + 2,980; 250 + 6,860 (VIMAX shows no balance: skipped, not zero).
    expect(by('Brokerage Account ••5678')).toBeCloseTo(22_755.33, 6);
    expect(by('Roth IRA ••5432')).toBeCloseTo(7_110, 6);
    expect(result.holdings.filter((h) => h.rowKind === 'cash').map((h) => [h.account, h.marketValue])).toEqual([
      ['Brokerage Account ••5678', 1_520.33],
      ['Roth IRA ••5432', 250],
    ]);
    expect(result.holdings.find((h) => h.symbol === 'VOO')).toMatchObject({ quantity: 25, price: 610, marketValue: 15_250, description: 'Vanguard S&P 500 ETF' });
    expect(result.skipped).toEqual([{ row: 2, reason: 'VIMAX: balance is not a number' }]);
    expect(result.complete).toBe(true);
    // The page-header total is not the adapter's to compare: it may count accounts not on this page.
    expect(result.statedTotals).toEqual([]);
    expect(JSON.stringify(result)).not.toMatch(/12345678|98765432|acct-a/);
  });

  it('finds the columns by test id when their headers are renamed or reordered', () => {
    const doc = load('investments.html');
    for (const th of doc.querySelectorAll('th[data-testid]')) th.textContent = `Column ${th.getAttribute('data-testid')!.length}`;
    const renamed = vanguardAdapter.read(doc, URL_INVESTMENTS, NOW).result;
    expect(renamed.holdings).toEqual(vanguardAdapter.read(load('investments.html'), URL_INVESTMENTS, NOW).result.holdings);
  });

  it('says which accounts are folded shut instead of passing part of the household for all of it', () => {
    const { result } = vanguardAdapter.read(load('investments-folded.html'), URL_INVESTMENTS, NOW);
    expect(result.complete).toBe(false);
    expect(result.note).toBe('Accounts folded shut are not read: open them ("Expand all accounts")');
    expect(new Set(result.holdings.map((h) => h.account))).toEqual(new Set(['Brokerage Account ••5678']));
  });

  it('reads an account without holdings as empty, with a note', () => {
    const { result } = vanguardAdapter.read(load('empty-investments.html'), URL_INVESTMENTS, NOW);
    expect(result.holdings).toEqual([]);
    expect(result.note).toBe('No positions in this account');
  });

  it('names the selector when the investments tables are gone', () => {
    expect(() => vanguardAdapter.read(load('negative-investor-dashboard.html'), URL_INVESTMENTS, NOW)).toThrow(`(${VANGUARD_SELECTORS.tables})`);
  });
});
