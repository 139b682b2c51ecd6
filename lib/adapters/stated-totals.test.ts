// @vitest-environment jsdom
/**
 * Every page adapter reports the totals its page states, and never reads a total, a subtotal or a lot
 * as a holding: on every positive fixture, and on the same pages with such rows inserted in the
 * page's own markup (test/helpers/pages.ts: insertRows).
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from './registry';
import type { Adapter } from './types';
import { etradeAdapter } from './etrade';
import { fidelityAdapter } from './fidelity';
import { genericAdapter } from './generic';
import { ibkrAdapter } from './ibkr';
import { merrillAdapter } from './merrill';
import { robinhoodAdapter } from './robinhood';
import { schwabAdapter } from './schwab';
import { vanguardAdapter } from './vanguard';
import { comparableTotals, isLotLabel, markedAsSubRow, rowDepth, totalScope } from './dom';
import { accountsFromScan } from '../analysis/accounts';
import { reconcileAccounts } from '../analysis/reconcile';
import { ScanResultSchema, type RawHolding, type ScanResult } from '../schema/holdings';
import { insertRows, loadPage, MUTATIONS, PAGES_ROOT, type RowMarkup } from '../../test/helpers/pages';

const NOW = new Date('2026-11-24T15:00:00Z');

interface PageCase {
  adapter: Adapter;
  page: string;
  url: string;
  markup: RowMarkup;
  /** The totals the read reports: the page's own, wherever they cover what was read. */
  stated: { account?: string; label: string; value: number }[];
}

const PAGES: PageCase[] = [
  {
    adapter: fidelityAdapter,
    page: 'positions-grid.html',
    url: 'https://digital.fidelity.com/ftgw/digital/portfolio/positions',
    markup: 'fidelity',
    stated: [
      { account: 'Individual - TOD ••5678', label: 'Account Total', value: 59_460 },
      { account: 'ROTH IRA ••2222', label: 'Account Total', value: 27_920 },
    ],
  },
  // Rows 0–7 of 120 rendered: no total row in view yet.
  { adapter: fidelityAdapter, page: 'partial-grid.html', url: 'https://digital.fidelity.com/ftgw/digital/portfolio/positions', markup: 'fidelity', stated: [] },
  // 2026 grid: each account's total row over its core, positions and pending activity.
  {
    adapter: fidelityAdapter,
    page: 'positions-2026.html',
    url: 'https://digital.fidelity.com/ftgw/digital/portfolio/positions',
    markup: 'fidelity',
    stated: [
      { account: 'Individual - TOD ••5678', label: 'Account Total', value: 22_088 },
      { account: 'ROTH IRA ••1111', label: 'Account Total', value: 13_960 },
    ],
  },
  // No Current Value column rendered: nothing is valued, so no total is compared.
  { adapter: fidelityAdapter, page: 'positions-2026-narrow.html', url: 'https://digital.fidelity.com/ftgw/digital/portfolio/positions', markup: 'fidelity', stated: [] },
  // Rows 0–6 of 40 rendered: no total row in view yet.
  { adapter: fidelityAdapter, page: 'positions-2026-scrolling.html', url: 'https://digital.fidelity.com/ftgw/digital/portfolio/positions', markup: 'fidelity', stated: [] },
  {
    adapter: schwabAdapter,
    page: 'positions.html',
    url: 'https://client.schwab.com/app/accounts/positions/summary',
    markup: 'table',
    stated: [
      { account: 'Individual Brokerage ...5678 — ••5678', label: 'Account Total', value: 11_902.92 },
      { account: 'Roth Contributory IRA ...1111 — ••1111', label: 'Account Total', value: 6_929.87 },
    ],
  },
  // 2025–2026 table#positionsDetails: each account tbody's Account Total over positions and cash.
  {
    adapter: schwabAdapter,
    page: 'positions-details.html',
    url: 'https://client.schwab.com/app/accounts/positions/summary',
    markup: 'table',
    stated: [
      { account: 'Individual Brokerage ...5678', label: 'Account Total', value: 13_112.92 },
      { account: 'Roth Contributory IRA ...1111', label: 'Account Total', value: 7_000 },
    ],
  },
  // Two rows of the first account out of view: only the second account's total is compared.
  { adapter: schwabAdapter, page: 'positions-virtualised.html', url: 'https://client.schwab.com/app/accounts/positions/summary', markup: 'table', stated: [{ account: 'Roth Contributory IRA ...1111', label: 'Account Total', value: 7_000 }] },
  // Grouped by security type (group names and the lots modal are not rows of the account).
  { adapter: schwabAdapter, page: 'positions-grouped.html', url: 'https://client.schwab.com/app/accounts/positions/summary', markup: 'table', stated: [{ account: 'Individual Brokerage ...5678', label: 'Account Total', value: 13_112.92 }] },
  { adapter: schwabAdapter, page: 'positions-condensed.html', url: 'https://client.schwab.com/app/accounts/positions/summary', markup: 'table', stated: [{ account: 'Roth Contributory IRA ...1111', label: 'Account Total', value: 7_000 }] },
  // 2026 investments page: the notes show no per-account total; the header's grand total is not compared.
  { adapter: vanguardAdapter, page: 'investments.html', url: 'https://www.vanguard.com/en/investor/portfolio/investments/', markup: 'table', stated: [] },
  { adapter: vanguardAdapter, page: 'investments-folded.html', url: 'https://www.vanguard.com/en/investor/portfolio/investments/', markup: 'table', stated: [] },
  {
    adapter: vanguardAdapter,
    page: 'holdings.html',
    url: 'https://holdings.web.vanguard.com/',
    markup: 'vanguard',
    stated: [
      { account: 'Brokerage Account ••5678', label: 'Account total', value: 22_201.33 },
      { account: 'Roth IRA ••5432', label: 'Account total', value: 6_860 },
    ],
  },
  {
    adapter: etradeAdapter,
    page: 'portfolio.html',
    url: 'https://us.etrade.com/etx/pxy/portfolios/positions',
    markup: 'table',
    stated: [{ account: 'Brokerage -5678', label: 'TOTAL', value: 12_430.3 }],
  },
  {
    adapter: ibkrAdapter,
    page: 'portfolio.html',
    url: 'https://www.interactivebrokers.com/portal/#/portfolio',
    markup: 'table',
    stated: [{ account: 'Account ••4567 — Individual', label: 'Total', value: 21_480.25 }],
  },
  // 2026 ARIA grid: the Total footer (CSS-module class) over positions and the Cash footer.
  {
    adapter: etradeAdapter,
    page: 'positions-grid-2026.html',
    url: 'https://us.etrade.com/etx/pxy/portfolios/positions',
    markup: 'table',
    stated: [{ account: 'Individual Brokerage -4321', label: 'Total', value: 26_749.5 }],
  },
  // 2026 Client Portal: the notes show no total row in either layout; non-USD rows are skipped.
  { adapter: ibkrAdapter, page: 'positions-table-2026.html', url: 'https://www.interactivebrokers.com/portal/#/portfolio', markup: 'table', stated: [] },
  { adapter: ibkrAdapter, page: 'holdings-grid-2026.html', url: 'https://www.interactivebrokers.com/portal/#/dashboard/positions', markup: 'table', stated: [] },
  // 2026 CustomGrid tables: each account's Total row, over its positions and Money accounts.
  {
    adapter: merrillAdapter,
    page: 'holdings-by-account-2026.html',
    url: 'https://olui2.fs.ml.com/TFPHoldings/HoldingsByAccount.aspx',
    markup: 'table',
    stated: [
      { account: 'CMA-Edge ••1111', label: 'Total', value: 22_936.28 },
      { account: 'Roth IRA-Edge ••2222', label: 'Total', value: 7_910 },
    ],
  },
  {
    adapter: merrillAdapter,
    page: 'holdings.html',
    url: 'https://olui2.fs.ml.com/TFPHoldings/HoldingsByAccount.aspx',
    markup: 'table',
    stated: [
      { account: 'IRA-Edge ••1111', label: 'Total', value: 10_311.98 },
      { account: 'Roth IRA-Edge ••2222', label: 'Total', value: 6_100 },
    ],
  },
  // The page's one total (the account's value) includes cash and options this adapter does not read.
  { adapter: robinhoodAdapter, page: 'investing.html', url: 'https://robinhood.com/account/investing', markup: 'robinhood', stated: [] },
  {
    adapter: genericAdapter,
    page: 'html-table.html',
    url: 'https://broker.example/positions',
    markup: 'table',
    stated: [
      { account: 'Individual ...789 — ••5432', label: 'Account Total', value: 10_667.92 },
      { account: 'Roth Contributory IRA — ••1111', label: 'Account Total', value: 8_164.87 },
      { label: 'Total Accounts', value: 18_832.79 },
    ],
  },
  {
    adapter: genericAdapter,
    page: 'aria-grid.html',
    url: 'https://broker.example/investing',
    markup: 'table',
    stated: [{ account: 'Brokerage account ••4321', label: 'Total', value: 3_567.81 }],
  },
];

it('covers every positive fixture of every adapter', () => {
  const positives = ADAPTERS.flatMap((a) =>
    readdirSync(resolve(PAGES_ROOT, a.id))
      .filter((f) => f.endsWith('.html') && !/^(empty|negative)-/.test(f))
      .map((f) => `${a.id}/${f}`),
  );
  expect(PAGES.map((c) => `${c.adapter.id}/${c.page}`).sort()).toEqual(positives.sort());
});

const read = (c: PageCase, doc = loadPage(c.adapter.id, c.page)) => c.adapter.read(doc, new URL(c.url), NOW);
const money = (holdings: readonly RawHolding[]) => holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0);
const reconcile = (result: ScanResult) => reconcileAccounts(accountsFromScan(result));

describe.each(PAGES)('$adapter.id on $page', (c) => {
  it('reports the totals the page states, and they reconcile with the rows read', () => {
    const { result } = read(c);
    expect(ScanResultSchema.safeParse(result).success).toBe(true);
    expect(result.statedTotals?.map(({ account, label, value }) => ({ ...(account ? { account } : {}), label, value }))).toEqual(c.stated);
    const checks = reconcile(result);
    expect(checks).toHaveLength(c.stated.length);
    expect(checks.filter((check) => !check.ok)).toEqual([]);
  });

  // The property: rows a page adds that are not holdings never change the money silently. Either
  // the adapter leaves them out (the sum read is unchanged) or the page's own totals show a mismatch.
  it.each(MUTATIONS)('with %s inserted, reads the same money or says the totals disagree', (mutation) => {
    const before = read(c);
    const doc = loadPage(c.adapter.id, c.page);
    expect(insertRows(doc, read(c, doc), c.markup, mutation)).toBeGreaterThan(0);
    const after = read(c, doc).result;
    const unchanged = Math.abs(money(after.holdings) - money(before.result.holdings)) < 0.005;
    const flagged = reconcile(after).some((check) => !check.ok);
    expect(unchanged || flagged, `Σ ${money(before.result.holdings)} → ${money(after.holdings)}, no failing check`).toBe(true);
  });

  // Stronger, and what every adapter does: it leaves such rows out itself, so the totals still agree.
  it.each(MUTATIONS)('with %s inserted, reads exactly the same holdings', (mutation) => {
    const before = read(c).result;
    const doc = loadPage(c.adapter.id, c.page);
    insertRows(doc, read(c, doc), c.markup, mutation);
    const after = read(c, doc).result;
    expect(after.holdings).toEqual(before.holdings);
    expect(reconcile(after).filter((check) => !check.ok)).toEqual([]);
  });
});

describe('total and lot rows', () => {
  it.each([
    ['Account Total', 'account'], ['TOTAL', 'account'], ['Totals:', 'account'], ['Net Account Value', 'account'], ['Total account value', 'account'],
    ['Grand total', 'overall'], ['Total Accounts', 'overall'], ['All accounts', 'overall'], ['Total of all accounts', 'overall'],
    ['Subtotal', 'part'], ['Stocks Total', 'part'], ['Total Equities', 'part'],
    ['NVDA', null], ['Pending activity', null], ['Vanguard Total Stock Market ETF', null], ['TOTL', null],
  ])('%j totals %s', (label, scope) => expect(totalScope(label)).toBe(scope));

  it('reads "Total …" with a quantity as a holding, a bare "Total" as a total whatever it shows', () => {
    expect(totalScope('Total Return Bond Fund', true)).toBeNull();
    expect(totalScope('Total', true)).toBe('account');
  });

  it.each(['01/02/2024', '1/2/24', '2024-01-02', '03.14.2023', 'Lot 2', 'Tax lot 1'])('%j labels a lot', (label) => expect(isLotLabel(label)).toBe(true));
  it.each(['NVDA', 'AAPL 01/15/2027 300.00 C', 'LOTZ', '912797QY1'])('%j is no lot', (label) => expect(isLotLabel(label)).toBe(false));

  it('knows child rows by the page’s classes, levels and non-breaking indentation', () => {
    const doc = new DOMParser().parseFromString(
      `<table><tr id="p" aria-level="2"><td>NVDA</td></tr><tr id="l" aria-level="3"><td>NVDA</td></tr><tr id="i"><td>&nbsp;&nbsp;NVDA</td></tr>
       <tr id="s"><td>
          NVDA</td></tr><tr id="c" class="row child-row"><td>x</td></tr><tr id="h" class="has-child"><td>x</td></tr></table>`,
      'text/html',
    );
    const row = (id: string) => doc.getElementById(id) as HTMLTableRowElement;
    expect(rowDepth(row('l'), row('l').cells[0])).toBeGreaterThan(rowDepth(row('p'), row('p').cells[0]));
    expect(rowDepth(row('i'), row('i').cells[0])).toBe(2);
    expect(rowDepth(row('s'), row('s').cells[0])).toBe(0); // plain spaces and newlines are markup, not indentation
    expect(markedAsSubRow(row('c'))).toBe(true);
    expect(markedAsSubRow(row('h'))).toBe(false);
    for (const cls of ['lot-row', 'posweb-row-lot', 'is-child', 'tax-lot', 'sub-row']) expect(markedAsSubRow(Object.assign(doc.createElement('tr'), { className: cls })), cls).toBe(true);
    for (const cls of ['position-row', 'slot', 'pilot-row', 'total-row', 'ag-row-level-2']) expect(markedAsSubRow(Object.assign(doc.createElement('tr'), { className: cls })), cls).toBe(false);
  });
});

describe('which totals can be compared with the rows read', () => {
  const h = (account: string | undefined, marketValue: number): RawHolding => ({ account, marketValue, rowKind: 'position' });
  const row = (scope: 'account' | 'overall', from: number, to: number, value = 1) => ({ scope, label: scope === 'account' ? 'Total' : 'Grand total', value, row: to + 1, from, to });

  it('keeps an account total over every row of its account, and a read-wide one', () => {
    const holdings = [h('A', 1), h('A', 2), h('B', 3)];
    expect(comparableTotals([row('account', 0, 2, 3), row('account', 2, 3, 3), row('overall', 3, 3, 6)], holdings)).toEqual([
      { account: 'A', label: 'Total', value: 3, row: 3 },
      { account: 'B', label: 'Total', value: 3, row: 4 },
      { label: 'Grand total', value: 6, row: 4 },
    ]);
  });

  it('drops a total over part of an account (a table of two, a group), or over nothing read', () => {
    const holdings = [h('A', 1), h('A', 2), h('A', 3)];
    expect(comparableTotals([row('account', 0, 2), row('account', 2, 3), row('account', 3, 3)], holdings)).toEqual([]);
  });

  it('reads "Total" under rows of several accounts, or of none named, as read-wide when they are all the rows', () => {
    expect(comparableTotals([row('account', 0, 2, 3)], [h('A', 1), h('B', 2)])).toEqual([{ label: 'Total', value: 3, row: 3 }]);
    expect(comparableTotals([row('account', 0, 2, 3)], [h(undefined, 1), h(undefined, 2)])).toEqual([{ label: 'Total', value: 3, row: 3 }]);
    expect(comparableTotals([row('account', 0, 1)], [h(undefined, 1), h('B', 2)])).toEqual([]);
  });
});
