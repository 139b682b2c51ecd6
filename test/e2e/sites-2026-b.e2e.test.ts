/**
 * E*TRADE, Merrill and Interactive Brokers in their 2026 structures (SCRAPER_NOTES_2026.md), at their
 * real URLs served by the test: each site's own content script reads the page, draws a badge on every
 * holding its golden file lists, and says in the chip what it left out (amounts in other currencies).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, outboundRequests, type ExtensionSession } from './browser';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const fixture = (site: string, name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/pages', site, name), 'utf8');
const goldenAnchors = (site: string, name: string): string[] => JSON.parse(fixture(site, name.replace(/\.html$/, '.expected.json'))).anchors;

/** Each page at the URL users open; `?fixture=` picks the page the test serves (query strings are never stored). */
const PAGES = [
  { site: 'etrade', origin: 'https://us.etrade.com', servedPath: '/etx/pxy/portfolios', url: '/etx/pxy/portfolios/positions', page: 'positions-grid-2026.html', note: null },
  { site: 'merrill', origin: 'https://olui2.fs.ml.com', servedPath: '/TFPHoldings', url: '/TFPHoldings/HoldingsByAccount.aspx', page: 'holdings-by-account-2026.html', note: null },
  { site: 'ibkr', origin: 'https://www.interactivebrokers.com', servedPath: '/portal', url: '/portal/?fixture=positions-table-2026.html#/portfolio', page: 'positions-table-2026.html', note: 'Amounts in EUR left out: Breadth adds only US dollars' },
  { site: 'ibkr', origin: 'https://www.interactivebrokers.com', servedPath: '/portal', url: '/portal/?fixture=holdings-grid-2026.html#/dashboard/positions', page: 'holdings-grid-2026.html', note: 'Amounts in GBP, EUR left out: Breadth adds only US dollars' },
] as const;
const ORIGINS = [...new Set(PAGES.map((p) => p.origin))];

let s: ExtensionSession;

beforeAll(async () => {
  s = await launchWithExtension();
  for (const origin of ORIGINS) {
    await s.context.route(`${origin}/**`, (route) => {
      const url = new URL(route.request().url());
      const served = PAGES.find((p) => p.origin === origin && url.pathname.startsWith(p.servedPath) && (url.searchParams.get('fixture') ?? p.page) === p.page);
      return served ? route.fulfill({ contentType: 'text/html', body: fixture(served.site, served.page) }) : route.fulfill({ status: 404, body: '' });
    });
  }
});

afterAll(async () => {
  await s?.close();
});

describe('2026 page structures in Chromium (E*TRADE, Merrill, IBKR)', () => {
  for (const p of PAGES) {
    it(`reads ${p.site} ${p.page} at ${p.url.replace(/\?[^#]*/, '')} with its own content script`, async () => {
      const page = await s.context.newPage();
      await page.goto(`${p.origin}${p.url}`);
      const anchors = goldenAnchors(p.site, p.page);
      await expect.poll(() => page.locator('[data-breadth-badge]').count(), { timeout: 15_000 }).toBe(anchors.length);
      const chip = page.locator('[data-breadth-chip]');
      await expect.poll(() => chip.getAttribute('data-breadth-text')).toMatch(/^Top-10 exposure on this page: \d+\.\d %/);
      const text = (await chip.getAttribute('data-breadth-text')) ?? '';
      if (p.note) expect(text).toContain(p.note);
      else expect(text).not.toMatch(/left out|not recognised/);
      // The badges sit in the cells of the holdings the golden file lists, in page order.
      const badged = await page
        .locator('[data-breadth-badge]')
        .evaluateAll((els) => els.map((e) => (e.parentElement?.closest('td, [role="rowheader"]')?.textContent ?? '').trim()));
      badged.forEach((cellText, i) => expect(cellText.startsWith(anchors[i]!), `${cellText} / ${anchors[i]}`).toBe(true));
      await page.screenshot({ path: join(SHOTS, `${p.site}-${p.page.replace(/\.html$/, '')}.png`), fullPage: true });
      await page.close();
    });
  }

  it('sent no request anywhere but the served pages', () => {
    expect(outboundRequests(s.requests, s.extensionId, ORIGINS)).toEqual([]);
  });
});
