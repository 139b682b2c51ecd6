// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPageReader, type PageReader } from './reader';
import { breadthRoot } from './badges';
import { ScanResultSchema, type ScanResult } from '../schema/holdings';
import type { PageAudit } from '../schema/page';
import { fidelityAdapter } from '../adapters/fidelity';
import { accountsFromScan } from '../analysis/accounts';
import { reconcileAccounts } from '../analysis/reconcile';

const TABLE = `<h2>Brokerage — X12345678</h2><table><thead><tr><th>Symbol</th><th>Quantity</th><th>Market value</th></tr></thead>
<tbody><tr><td id="nvda">NVDA</td><td>10</td><td>$1,000.00</td></tr><tr><td id="evil">&lt;img src=x onerror="window.pwned=1"&gt;</td><td>1</td><td>$5.00</td></tr></tbody></table>`;

/** A stand-in for the background that answers like the real one (the real one is tested in lib/background). */
function fakeRuntime(answer: (scan: ScanResult) => PageAudit) {
  const sent: ScanResult[] = [];
  return {
    sent,
    sendMessage: vi.fn(async (message: unknown) => {
      const { type, payload } = message as { type: string; payload: unknown };
      expect(type).toBe('cs-bg:page-read');
      const scan = ScanResultSchema.parse(payload);
      sent.push(scan);
      return answer(scan);
    }),
  };
}

const answer = (scan: ScanResult): PageAudit => ({
  badges: scan.holdings.filter((h) => h.symbol).map((h) => ({ symbol: h.symbol!, badge: { kind: 'top10' as const, text: 'TOP-10', title: `${h.symbol} <b>is</b> big` } })),
  summary: { topTenShare: 0.5, benchmarkShare: 0.389, level: 'consider', text: 'Top-10 exposure on this page: 50.0 % (S&P 500: 38.9 %)' },
});

let reader: PageReader | undefined;
afterEach(() => {
  reader?.stop();
  document.body.innerHTML = '';
});

const settle = () => new Promise((r) => setTimeout(r, 60));

describe('page reader', () => {
  it('reads the page, masks the account and draws badges and the chip as text', async () => {
    document.body.innerHTML = TABLE;
    const runtime = fakeRuntime(answer);
    reader = startPageReader({ doc: document, url: 'https://broker.example/positions', runtime, debounceMs: 20 });
    await settle();
    expect(runtime.sent).toHaveLength(1);
    expect(runtime.sent[0]!.holdings[0]!.account).toBe('Brokerage — ••5678');
    const badge = document.querySelector('#nvda [data-breadth-badge]')!;
    const span = breadthRoot(badge)!.querySelector('span')!;
    expect(span.textContent).toBe('TOP-10');
    expect(span.title).toBe('NVDA <b>is</b> big'); // a title, not markup
    expect(breadthRoot(badge)!.querySelector('b')).toBeNull();
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    const chip = document.querySelector('[data-breadth-chip]')!;
    expect(chip.getAttribute('data-breadth-text')).toBe('Top-10 exposure on this page: 50.0 % (S&P 500: 38.9 %)');
  });

  it('re-reads after the table changes, but not after its own drawing', async () => {
    document.body.innerHTML = TABLE;
    const runtime = fakeRuntime(answer);
    reader = startPageReader({ doc: document, url: 'https://broker.example/positions', runtime, debounceMs: 20 });
    await settle();
    await settle();
    expect(runtime.sent).toHaveLength(1); // drawing badges did not trigger a read
    document.querySelector('tbody')!.insertAdjacentHTML('beforeend', '<tr><td>AAPL</td><td>2</td><td>$600.00</td></tr>');
    await settle();
    expect(runtime.sent).toHaveLength(2);
    expect(runtime.sent[1]!.holdings.map((h) => h.symbol)).toContain('AAPL');
    expect(runtime.sent[1]!.holdings.map((h) => h.symbol)).toContain('NVDA'); // the badge did not leak into the symbol text
  });

  it('starts once per page: a second injection reuses the running reader', async () => {
    document.body.innerHTML = TABLE;
    const runtime = fakeRuntime(answer);
    reader = startPageReader({ doc: document, url: 'https://broker.example/', runtime });
    const again = startPageReader({ doc: document, url: 'https://broker.example/', runtime });
    expect(again).toBe(reader);
    await settle();
    expect(runtime.sent).toHaveLength(1);
  });

  it('stays quiet on a page without holdings unless the user asked', async () => {
    document.body.innerHTML = '<table><tr><th>Team</th><th>Points</th></tr><tr><td>Rovers</td><td>29</td></tr></table>';
    const runtime = fakeRuntime(() => ({ badges: [], summary: null, message: 'Breadth: No holdings found on this page' }));
    reader = startPageReader({ doc: document, url: 'https://sports.example/', runtime });
    await settle();
    expect(runtime.sent).toHaveLength(0);
    expect(document.querySelector('[data-breadth-chip]')).toBeNull();
    const asked = await reader.read(true);
    expect(asked?.message).toBe('Breadth: No holdings found on this page');
    expect(document.querySelector('[data-breadth-chip]')!.getAttribute('data-breadth-text')).toBe('Breadth: No holdings found on this page');
  });

  it('lets the user dismiss the chip with the keyboard-focusable button', async () => {
    document.body.innerHTML = TABLE;
    reader = startPageReader({ doc: document, url: 'https://broker.example/', runtime: fakeRuntime(answer) });
    await settle();
    const chip = document.querySelector<HTMLElement>('[data-breadth-chip]')!;
    const button = breadthRoot(chip)!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Hide the Breadth summary');
    button.click();
    expect(chip.style.display).toBe('none');
  });

  it('accumulates the rows of a virtualised grid as the user scrolls, and says when it has them all', async () => {
    const row = (i: number) => ({
      pin: `<div class="ag-row posweb-row-position" row-id="${i}"><div class="ag-cell"><div class="posweb-cell-symbol-name_container"><span>NVDA</span></div></div></div>`,
      centre: `<div class="ag-row" row-id="${i}"><div class="posweb-cell-current_value">$${i}.00</div></div>`,
    });
    const render = (ids: number[]) =>
      `<div class="ag-root-wrapper" role="treegrid" aria-rowcount="21"><div class="ag-pinned-left-cols-container">${ids.map((i) => row(i).pin).join('')}</div>` +
      `<div class="ag-center-cols-container">${ids.map((i) => row(i).centre).join('')}</div></div>`;
    document.body.innerHTML = render([1, 2, 3, 4, 5, 6, 7, 8]);
    const runtime = fakeRuntime(answer);
    reader = startPageReader({
      doc: document, url: 'https://digital.fidelity.com/ftgw/digital/portfolio/positions', runtime, debounceMs: 20,
      currentUrl: () => 'https://digital.fidelity.com/ftgw/digital/portfolio/positions',
      siteAdapters: [fidelityAdapter],
    });
    await settle();
    expect(runtime.sent[0]).toMatchObject({ complete: false, note: 'Read 8 of 20 rows of the positions grid — scroll to read the rest' });
    // The user scrolls: ag-Grid swaps the rendered rows for the next ones.
    document.querySelector('.ag-root-wrapper')!.outerHTML = render([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    await settle();
    const last = runtime.sent.at(-1)!;
    expect(last.complete).toBe(true);
    expect(last.holdings).toHaveLength(20);
    expect(last.holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0)).toBe(210); // 1 + … + 20
  });

  it('keeps the totals of a virtualised grid seen before a scroll, so each account still reconciles', async () => {
    // Two accounts of three positions and a total each: rows 0–4 and 5–9.
    const row = (i: number) => {
      const account = i % 5 === 0;
      const total = i % 5 === 4;
      const kind = account ? 'posweb-row-account' : total ? 'posweb-row-total' : 'posweb-row-position';
      const label = account
        ? `<span class="posweb-cell-account_primary">Account ${i / 5 + 1}</span><span class="posweb-cell-account_secondary">X${String(i / 5 + 1).repeat(8)}</span>`
        : `<div class="posweb-cell-symbol-name_container"><p class="posweb-cell-symbol-name">${total ? 'Account Total' : 'NVDA'}</p></div>`;
      const value = account ? '' : `<div class="posweb-cell-current_value">$${total ? (i - 3) * 3 + 3 : i}.00</div>`;
      return {
        pin: `<div class="ag-row ${kind}" row-id="${i}" row-index="${i}"><div class="ag-cell">${label}</div></div>`,
        centre: `<div class="ag-row" row-id="${i}" row-index="${i}">${value}</div>`,
      };
    };
    const render = (ids: number[]) =>
      `<div class="ag-root-wrapper" role="treegrid" aria-rowcount="11"><div class="ag-pinned-left-cols-container">${ids.map((i) => row(i).pin).join('')}</div>` +
      `<div class="ag-center-cols-container">${ids.map((i) => row(i).centre).join('')}</div></div>`;
    document.body.innerHTML = render([0, 1, 2, 3, 4, 5, 6]);
    const runtime = fakeRuntime(answer);
    const url = 'https://digital.fidelity.com/ftgw/digital/portfolio/positions';
    reader = startPageReader({ doc: document, url, runtime, debounceMs: 20, currentUrl: () => url, siteAdapters: [fidelityAdapter] });
    await settle();
    expect(runtime.sent[0]!.statedTotals).toEqual([{ account: 'Account 1 ••1111', label: 'Account Total', value: 6, row: 5 }]);
    // Account 1 and its total scroll out of view; account 2's total scrolls in.
    document.querySelector('.ag-root-wrapper')!.outerHTML = render([5, 6, 7, 8, 9]);
    await settle();
    const last = runtime.sent.at(-1)!;
    expect(last.complete).toBe(true);
    expect(last.statedTotals).toEqual([
      { account: 'Account 1 ••1111', label: 'Account Total', value: 6, row: 5 },
      { account: 'Account 2 ••2222', label: 'Account Total', value: 21, row: 10 },
    ]);
    const checks = reconcileAccounts(accountsFromScan(last));
    expect(checks.map((c) => c.ok)).toEqual([true, true]);
  });

  it('says so on the page when the background answer is unusable', async () => {
    document.body.innerHTML = TABLE;
    reader = startPageReader({ doc: document, url: 'https://broker.example/', runtime: { sendMessage: async () => ({ nonsense: true }) } });
    await settle();
    expect(document.querySelector('[data-breadth-chip]')!.getAttribute('data-breadth-text')).toMatch(/^Breadth could not read this page/);
  });
});
