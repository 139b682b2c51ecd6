// @vitest-environment jsdom
import { merrillAdapter } from './merrill';
import { describe, expect, it } from 'vitest';
import { describeTableSite } from '../../test/helpers/table-site';
import { expectGolden, loadPage } from '../../test/helpers/pages';
import { ScanResultSchema } from '../schema/holdings';
import { LayoutNotRecognised } from './types';

describeTableSite({
  adapter: merrillAdapter,
  positionsUrl: 'https://olui2.fs.ml.com/TFPHoldings/HoldingsByAccount.aspx',
  positive: 'holdings.html',
  empty: 'empty-holdings.html',
  negative: { file: 'negative-overview.html', url: 'https://olui2.fs.ml.com/TFPOverview/Overview.aspx' },
  // 2,486.98 − 1,200 + 9,025 = 10,311.98; 6,100 (PFE shows no value: unread, not zero).
  accountTotals: { 'IRA-Edge ••1111': 10_311.98, 'Roth IRA-Edge ••2222': 6_100 },
  unmasked: ['AA-11111', 'BB-22222'],
  cash: ['IIAXX'],
});

describe('Merrill 2026 CustomGrid holdings', () => {
  const url = new URL('https://olui2.fs.ml.com/TFPHoldings/HoldingsByAccount.aspx');
  const now = new Date('2026-11-24T15:00:00Z');
  const read = (doc: Document) => merrillAdapter.read(doc, url, now);
  const page = () => loadPage('merrill', 'holdings-by-account-2026.html');

  it('reads the CustomGrid tables as the golden file says', () => {
    const { result, anchors } = read(page());
    expect(ScanResultSchema.safeParse(result).success).toBe(true);
    expectGolden('merrill', 'holdings-by-account-2026.html', { result, anchors: anchors.map((a) => a.symbol) });
  });

  it('adds up to each Total row, with Money accounts as cash, section rows and Balances left out', () => {
    const { result } = read(page());
    const byAccount: Record<string, number> = {};
    for (const h of result.holdings) byAccount[h.account!] = (byAccount[h.account!] ?? 0) + (h.marketValue ?? 0);
    // 9,025 + 6,120 + 5,320 + 2,471.28 (XLE unpriced: --) and 6,710 + 1,200.
    expect(byAccount['CMA-Edge ••1111']).toBeCloseTo(22_936.28, 6);
    expect(byAccount['Roth IRA-Edge ••2222']).toBeCloseTo(7_910, 6);
    expect(result.statedTotals?.map((t) => [t.account, t.value])).toEqual([['CMA-Edge ••1111', 22_936.28], ['Roth IRA-Edge ••2222', 7_910]]);
    expect(result.holdings.filter((h) => h.rowKind === 'cash').map((h) => h.marketValue)).toEqual([2_471.28, 1_200]);
    expect(result.holdings.find((h) => h.symbol === 'XLE')?.marketValue).toBeNull();
    expect(JSON.stringify(result)).not.toMatch(/11111|22222|Equities|Balances|Trade/);
  });

  it('reads by the known cell positions when the header names nothing', () => {
    const doc = page();
    for (const th of doc.querySelectorAll('th')) th.textContent = '';
    expect(read(doc).result.holdings).toEqual(read(page()).result.holdings);
  });

  it('reads the empty account as empty, and does not take the balances page for holdings', () => {
    expect(read(loadPage('merrill', 'empty-holdings-by-account-2026.html')).result).toMatchObject({ holdings: [], note: 'No positions in this account' });
    const other = loadPage('merrill', 'negative-balances-2026.html');
    expect(merrillAdapter.detect(other, new URL('https://olui2.fs.ml.com/TFPBalances/Balances.aspx'))).toBe(false);
    expect(() => read(other)).toThrow(LayoutNotRecognised);
  });

  it('still reads the older holdings tables', () => {
    expect(read(loadPage('merrill', 'holdings.html')).result.holdings.map((h) => h.symbol ?? h.description)).toEqual(['IIAXX', 'CALL MSFT 450.00 EXP 01-15-27', 'NVDA', 'VOO', 'PFE']);
  });
});
