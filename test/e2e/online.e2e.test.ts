/**
 * Online data end to end in Chromium, on the test-only build whose provider hosts are granted up
 * front (the browser's permission prompt cannot be answered by a test; wxt.config.ts). The providers'
 * sites are served by the test in their real answer shapes. Proves: nothing is requested before the
 * user turns a source on; once on, the worker screens the held small/mid-cap and the popup shows the
 * evidence; with the sources unreachable, what was kept is still shown.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANTED_EXTENSION_PATH, launchWithExtension, type ExtensionSession } from './browser';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const ROBINHOOD = 'https://robinhood.com';
const PROVIDER_HOSTS = ['https://www.sec.gov', 'https://data.sec.gov', 'https://efts.sec.gov', 'https://cdn.cboe.com', 'https://www.alphavantage.co'];
const CRS_CIK = 17843;

const quarterEnds = ['2024-12-31', '2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30'];
const quarterStarts = ['2024-10-01', '2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01'];
const fact = (end: string, val: number) => ({ start: quarterStarts[quarterEnds.indexOf(end)]!, end, val, accn: `0000017843-${end.slice(2, 4)}-000001`, fy: 2026, fp: 'Q', form: '10-Q', filed: new Date(Date.parse(end) + 40 * 86_400_000).toISOString().slice(0, 10) });
/** Daily closes: a $300 high in February 2026, $180 now. */
function chart(symbol: string, drop = true) {
  const data = [];
  for (let d = Date.UTC(2025, 0, 2); d <= Date.UTC(2026, 10, 24); d += 86_400_000) {
    const day = new Date(d).toISOString().slice(0, 10);
    const close = !drop ? 100 + (d - Date.UTC(2025, 0, 2)) / 86_400_000 / 10 : day === '2026-02-10' ? 300 : day >= '2026-11-01' ? 180 : 250;
    data.push({ date: day, open: close, high: close, low: close, close, volume: 1000 });
  }
  return { symbol, data };
}
const ANSWERS: Record<string, unknown> = {
  'https://www.sec.gov/files/company_tickers.json': { '0': { cik_str: CRS_CIK, ticker: 'CRS', title: 'CARPENTER TECHNOLOGY CORP' } },
  [`https://data.sec.gov/submissions/CIK00000${CRS_CIK}.json`]: {
    cik: String(CRS_CIK), name: 'Carpenter Technology Corp', tickers: ['CRS'],
    filings: { recent: { accessionNumber: ['0000017843-26-000009'], filingDate: ['2026-04-02'], reportDate: ['2026-04-01'], form: ['8-K'], items: ['5.02,9.01'], primaryDocument: ['crs-8k.htm'] } },
  },
  [`https://data.sec.gov/api/xbrl/companyfacts/CIK00000${CRS_CIK}.json`]: {
    cik: CRS_CIK, entityName: 'Carpenter Technology Corp',
    facts: { 'us-gaap': {
      Revenues: { label: 'Revenues', units: { USD: quarterEnds.map((e, i) => fact(e, 700 + 10 * i)) } },
      GrossProfit: { label: 'Gross profit', units: { USD: quarterEnds.map((e, i) => fact(e, 200 + 3 * i)) } },
      NetCashProvidedByUsedInOperatingActivities: { label: 'OCF', units: { USD: quarterEnds.map((e) => fact(e, 60)) } },
    } },
  },
  'https://data.sec.gov/api/xbrl/frames/dei/EntityPublicFloat/USD/CY2025Q2I.json': {
    taxonomy: 'dei', tag: 'EntityPublicFloat', ccp: 'CY2025Q2I', uom: 'USD', label: 'Public float', description: '', pts: 1,
    data: [{ accn: '0000017843-25-000040', cik: CRS_CIK, entityName: 'Carpenter Technology Corp', loc: 'US-PA', end: '2025-06-30', val: 1.2e10 }],
  },
  'https://cdn.cboe.com/api/global/delayed_quotes/charts/historical/CRS.json': chart('CRS'),
  ...Object.fromEntries(['RSP', 'SPY', 'IJH', 'IJR'].map((t) => [`https://cdn.cboe.com/api/global/delayed_quotes/charts/historical/${t}.json`, chart(t, false)])),
};

let s: ExtensionSession;
let reachable = true;

beforeAll(async () => {
  s = await launchWithExtension(GRANTED_EXTENSION_PATH);
  await s.context.route(`${ROBINHOOD}/**`, (route) =>
    route.request().url().includes('/account/investing')
      ? route.fulfill({ contentType: 'text/html', body: readFileSync(resolve(import.meta.dirname, '../fixtures/pages/robinhood/investing.html'), 'utf8') })
      : route.fulfill({ status: 404, body: '' }),
  );
  for (const host of PROVIDER_HOSTS) {
    await s.context.route(`${host}/**`, (route) => {
      if (!reachable) return route.abort('internetdisconnected');
      const url = route.request().url();
      // Full-text search for going-concern doubt: none in CRS's recent filings.
      const body = url.startsWith('https://efts.sec.gov/LATEST/search-index?') ? { hits: { total: { value: 0 }, hits: [] } } : ANSWERS[url];
      return body ? route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) }) : route.fulfill({ status: 404, body: 'Not found' });
    });
  }
});

afterAll(async () => {
  await s?.close();
});

const providerRequests = () => s.requests.filter((u) => PROVIDER_HOSTS.some((h) => u.startsWith(h)));

describe('online data in Chromium (provider hosts granted up front in this test build)', () => {
  it('requests nothing before the user turns a source on', async () => {
    const page = await s.context.newPage();
    await page.goto(`${ROBINHOOD}/account/investing`);
    await expect.poll(() => page.locator('[data-breadth-badge]').count(), { timeout: 15_000 }).toBe(5);
    await page.waitForTimeout(1_000);
    expect(providerRequests()).toEqual([]);
    await page.close();
  });

  it('once SEC and prices are on, screens the held small/mid-cap and shows the evidence with its sources', async () => {
    const options = await s.context.newPage();
    // Record what the page asks the browser for (the real API still answers).
    await options.addInitScript(() => {
      const w = window as unknown as { __asked: unknown[]; chrome: { permissions: { request: (p: unknown) => Promise<boolean> } } };
      w.__asked = [];
      const request = w.chrome.permissions.request.bind(w.chrome.permissions);
      w.chrome.permissions.request = (p: unknown) => (w.__asked.push(p), request(p));
    });
    await options.goto(`chrome-extension://${s.extensionId}/options.html#online`);
    for (const id of ['sec', 'prices']) {
      await options.locator(`[data-testid="provider-${id}"]`).click();
      await expect.poll(() => options.locator('#online [role="status"]').allTextContents()).toContain(
        id === 'sec' ? 'On: SEC EDGAR (company filings) is used from the next audit.' : 'On: Cboe (daily prices) is used from the next audit.',
      );
    }
    // Each switch asked for its own source's hosts, and nothing else.
    expect(await options.evaluate(() => (window as unknown as { __asked: unknown[] }).__asked)).toEqual([
      { origins: ['https://www.sec.gov/*', 'https://data.sec.gov/*', 'https://efts.sec.gov/*'] },
      { origins: ['https://cdn.cboe.com/*'] },
    ]);
    const popup = await s.context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('[data-testid="signals"] summary').textContent(), { timeout: 30_000 }).toBe('Broken growth? 1 of 1 small/mid-caps');
    const crs = popup.locator('.candidates > li', { hasText: 'CRS' }).first();
    expect(await crs.textContent()).toContain('BROKEN GROWTH?');
    expect(await crs.textContent()).toContain('40 % below the 52-week high of $300.00 (Feb 10, 2026); last $180.00 (Nov 24, 2026)');
    expect(await crs.locator('a', { hasText: 'SEC EDGAR submissions' }).getAttribute('href')).toBe('https://www.sec.gov/Archives/edgar/data/17843/000001784326000009/crs-8k.htm');
    expect(await popup.locator('[data-testid="broadening"] li').count()).toBe(4);
    await popup.locator('[data-testid="signals"]').screenshot({ path: join(SHOTS, 'popup-online.png') });
    // Only the hosts of the sources turned on were asked; the estimates source stayed silent.
    expect(providerRequests().length).toBeGreaterThan(0);
    expect(providerRequests().every((u) => !u.startsWith('https://www.alphavantage.co'))).toBe(true);
    // The page's CRS badge now says so, with the evidence in its tooltip.
    const page = await s.context.newPage();
    await page.goto(`${ROBINHOOD}/account/investing`);
    await expect.poll(() => page.locator('[data-breadth-badge]').evaluateAll((els) => els.map((e) => e.getAttribute('data-breadth-text'))), { timeout: 15_000 }).toContain('BROKEN GROWTH?');
    await page.close();
    // The weekly screen of the whole S&P 400/600 follows (bulk SEC frames; none has data in this recording).
    await expect
      .poll(async () => {
        await popup.reload();
        return popup.locator('[data-testid="universe"] summary').textContent({ timeout: 2_000 }).catch(() => null);
      }, { timeout: 60_000, interval: 2_000 })
      .toMatch(/^S&P 400\/600 screen: 0 candidates of \d{3,4}$/);
    expect(providerRequests().filter((u) => u.includes('/xbrl/frames/us-gaap/')).length).toBe(8 * 3 + 1);
    await options.close();
    await popup.close();
  });

  it('with the sources unreachable, keeps showing what it kept, dated', async () => {
    reachable = false;
    const before = providerRequests().length;
    const page = await s.context.newPage();
    await page.goto(`${ROBINHOOD}/account/investing`); // a read: the worker re-audits and re-screens
    await expect.poll(() => page.locator('[data-breadth-badge]').count(), { timeout: 15_000 }).toBe(5);
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('[data-testid="signals"] summary').textContent(), { timeout: 15_000 }).toBe('Broken growth? 1 of 1 small/mid-caps');
    // Everything the screen needed was kept and fresh: nothing had to be asked again.
    expect(providerRequests().length).toBe(before);
    await page.close();
    await popup.close();
  });
});
