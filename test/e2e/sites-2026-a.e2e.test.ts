/**
 * The 2026 page structures of Vanguard, Schwab and Fidelity in real Chromium with the built extension,
 * each served at the site's real URL by Playwright routing (nothing reaches the real sites): the
 * manifest's content scripts inject there, badges land on the symbols the golden files list, and a
 * partial read says so in the chip instead of auditing part of an account as all of it.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, outboundRequests, type ExtensionSession } from './browser';
import { FIDELITY_NO_VALUES } from '../../lib/adapters/fidelity';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const fixture = (site: string, name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/pages', site, name), 'utf8');
const goldenAnchors = (site: string, name: string): string[] => JSON.parse(fixture(site, name.replace(/\.html$/, '.expected.json'))).anchors;

/** Each site: its origin, the path its positions page is served on, and the fixture served by default. */
const SITES = [
  { id: 'vanguard', origin: 'https://www.vanguard.com', served: '/en/investor/portfolio/investments', fixture: 'investments.html' },
  { id: 'vanguard', origin: 'https://holdings.web.vanguard.com', served: '/', fixture: 'holdings.html' },
  { id: 'schwab', origin: 'https://client.schwab.com', served: '/app/accounts/positions', fixture: 'positions-details.html' },
  { id: 'fidelity', origin: 'https://digital.fidelity.com', served: '/ftgw/digital/portfolio/positions', fixture: 'positions-2026.html' },
] as const;
const ORIGINS = SITES.map((s) => s.origin);

let s: ExtensionSession;
const chipText = (page: import('playwright-core').Page) => page.locator('[data-breadth-chip]').getAttribute('data-breadth-text');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  s = await launchWithExtension();
  for (const site of SITES) {
    // ?fixture=<name> serves another page of the same site's folder (the quirks).
    await s.context.route(`${site.origin}/**`, (route) => {
      const url = new URL(route.request().url());
      if (!url.pathname.startsWith(site.served)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: 'text/html', body: fixture(site.id, url.searchParams.get('fixture') ?? site.fixture) });
    });
  }
});

afterAll(async () => {
  await s?.close();
});

describe('2026 page structures at their real URLs', () => {
  it.each([
    ['vanguard', 'https://www.vanguard.com/en/investor/portfolio/investments/', 'investments.html'],
    ['vanguard', 'https://holdings.web.vanguard.com/', 'holdings.html'],
    ['schwab', 'https://client.schwab.com/app/accounts/positions/summary', 'positions-details.html'],
    ['schwab', 'https://client.schwab.com/app/accounts/positions/summary?fixture=positions-grouped.html', 'positions-grouped.html'],
    ['schwab', 'https://client.schwab.com/app/accounts/positions/summary?fixture=positions-condensed.html', 'positions-condensed.html'],
    ['fidelity', 'https://digital.fidelity.com/ftgw/digital/portfolio/positions', 'positions-2026.html'],
  ])('%s: %s reads with the site’s own script and badges what %s’s golden file lists', async (site, url, page) => {
    const tab = await s.context.newPage();
    await tab.goto(url);
    const anchors = goldenAnchors(site, page);
    await expect.poll(() => tab.locator('[data-breadth-badge]').count(), { timeout: 15_000 }).toBe(anchors.length);
    await expect.poll(() => chipText(tab)).toMatch(/^Top-10 exposure on this page: \d+\.\d %/);
    await tab.screenshot({ path: join(SHOTS, `2026-${site}-${page.replace(/\.html$/, '')}.png`), fullPage: true });
    await tab.close();
  });

  it('Vanguard: says when an account is folded shut instead of auditing the others as everything', async () => {
    const tab = await s.context.newPage();
    await tab.goto('https://www.vanguard.com/en/investor/portfolio/investments/?fixture=investments-folded.html');
    await expect.poll(() => chipText(tab), { timeout: 15_000 }).toContain('Accounts folded shut are not read: open them ("Expand all accounts")');
    await tab.close();
  });

  it('Schwab: says how many rows it has seen, and reads the rest once they scroll into view', async () => {
    const tab = await s.context.newPage();
    await tab.goto('https://client.schwab.com/app/accounts/positions/summary?fixture=positions-virtualised.html');
    await expect.poll(() => chipText(tab), { timeout: 15_000 }).toContain('Read 10 of 12 rows of the positions grid — scroll to read the rest');
    // "Scrolling": the page fills the rows that were only symbols (as Schwab's virtual list does).
    await tab.evaluate((full) => {
      const rendered = new DOMParser().parseFromString(full, 'text/html');
      for (const symbol of ['NVDA', 'SCHD']) {
        const row = rendered.querySelector(`tr[data-symbol="${symbol}"]`)!;
        document.querySelector(`tr[data-symbol="${symbol}"]`)!.replaceWith(document.importNode(row, true));
      }
    }, fixture('schwab', 'positions-details.html'));
    await expect.poll(() => chipText(tab), { timeout: 15_000 }).not.toContain('scroll to read the rest');
    expect(await chipText(tab)).toMatch(/^Top-10 exposure on this page: \d+\.\d %/);
    expect(await tab.locator('[data-breadth-badge]').count()).toBe(goldenAnchors('schwab', 'positions-details.html').length);
    await tab.close();
  });

  it('Fidelity: a grid without its value column is not audited as zero, and a half-rendered one says so', async () => {
    const tab = await s.context.newPage();
    await tab.goto('https://digital.fidelity.com/ftgw/digital/portfolio/positions?fixture=positions-2026-narrow.html');
    await expect.poll(() => chipText(tab), { timeout: 15_000 }).toContain(FIDELITY_NO_VALUES);
    await tab.screenshot({ path: join(SHOTS, '2026-fidelity-narrow.png') });
    await tab.goto('https://digital.fidelity.com/ftgw/digital/portfolio/positions?fixture=positions-2026-scrolling.html');
    await expect.poll(() => chipText(tab), { timeout: 15_000 }).toContain('Read 6 of 40 rows of the positions grid — scroll to read the rest');
    await tab.close();
  });

  it('sent nothing anywhere', () => {
    expect(outboundRequests(s.requests, s.extensionId, ORIGINS)).toEqual([]);
  });
});
