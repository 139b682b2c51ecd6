/** Least privilege, checked on the manifest that actually ships (the build output). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_PATH } from './browser';
import { BROKERAGE_MATCHES } from '../../lib/adapters/hosts';

const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8'));

describe('built manifest (chrome-mv3)', () => {
  it('asks host access for exactly the supported brokerages', () => {
    expect([...manifest.host_permissions].sort()).toEqual([...BROKERAGE_MATCHES].sort());
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
    // Vanguard serves holdings on both hosts during its roll-out (SCRAPER_NOTES_2026.md): both granted.
    expect(manifest.host_permissions).toEqual(expect.arrayContaining(['https://www.vanguard.com/*', 'https://holdings.web.vanguard.com/*']));
    const vanguard = manifest.content_scripts.find((c: { js: string[] }) => c.js.includes('content-scripts/vanguard.js'));
    expect([...vanguard.matches].sort()).toEqual(['https://holdings.web.vanguard.com/*', 'https://www.vanguard.com/en/investor/portfolio/investments*']);
  });
  it('asks only the permissions it uses', () => {
    // No `downloads`: every export is an anchor download from an extension page (lib/ui/save-file.ts).
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage']);
    // Optional hosts only, each asked when the user turns on what needs it: the weekly index-data
    // fetch, and each online data provider.
    expect(manifest.optional_host_permissions).toEqual(['https://www.ishares.com/*', 'https://www.sec.gov/*', 'https://data.sec.gov/*', 'https://efts.sec.gov/*', 'https://cdn.cboe.com/*', 'https://www.alphavantage.co/*']);
  });
  it('injects content scripts only on those brokerages, one reader per page', () => {
    const hostOf = (pattern: string) => new URL(pattern.replace(/\*/g, 'x')).host;
    const scripts: { matches: string[]; exclude_matches?: string[]; js: string[] }[] = manifest.content_scripts;
    const matches = scripts.flatMap((c) => c.matches);
    expect([...new Set(matches.map(hostOf))].sort()).toEqual([...new Set(BROKERAGE_MATCHES.map(hostOf))].sort());
    // The generic script leaves each site script's pages to it.
    const generic = scripts.find((c) => c.js.includes('content-scripts/brokerage.js'))!;
    const sitePages = scripts.filter((c) => c !== generic).flatMap((c) => c.matches);
    expect([...(generic.exclude_matches ?? [])].sort()).toEqual([...sitePages].sort());
  });
});

/**
 * Store listing limits, as documented (characters):
 * - Chrome Web Store: name ≤ 75, short_name ≤ 12 (recommended), description ≤ 132
 *   (developer.chrome.com/docs/extensions/reference/manifest/name, …/description).
 * - addons.mozilla.org: name ≤ 50; the listing summary (from `description` unless set apart) ≤ 250;
 *   Firefox reads `description` up to 132 (MDN manifest.json/name, …/description).
 * - Microsoft Edge Add-ons: name ≤ 45 (MDN manifest.json/name), the strictest; it is also about what a
 *   store tile shows before it cuts the name.
 */
const STORE_LIMITS = { name: 45, short_name: 12, description: 132, amoSummary: 250 } as const;
const FIREFOX_MANIFEST = resolve(EXTENSION_PATH, '../firefox-mv2/manifest.json');

describe.each([
  ['chrome-mv3', join(EXTENSION_PATH, 'manifest.json')],
  ['firefox-mv2', FIREFOX_MANIFEST],
])('store limits (%s)', (_target, path) => {
  const built = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
  it.skipIf(!built)('name, short name and description fit every store', () => {
    // Characters as users count them (code points), not UTF-16 units.
    const length = (s: string | undefined) => [...(s ?? '')].length;
    expect(length(built.name)).toBeGreaterThan(0);
    expect(length(built.name)).toBeLessThanOrEqual(STORE_LIMITS.name);
    expect(length(built.short_name)).toBeLessThanOrEqual(STORE_LIMITS.short_name); // none set: stores cut the name
    expect(length(built.description)).toBeGreaterThan(0);
    expect(length(built.description)).toBeLessThanOrEqual(Math.min(STORE_LIMITS.description, STORE_LIMITS.amoSummary));
  });
});

describe.skipIf(!existsSync(FIREFOX_MANIFEST))('built manifest (firefox-mv2)', () => {
  const firefox = existsSync(FIREFOX_MANIFEST) ? JSON.parse(readFileSync(FIREFOX_MANIFEST, 'utf8')) : null;
  it('asks for Firefox versions that read every key it uses', () => {
    const gecko = firefox.browser_specific_settings.gecko;
    const major = (v: string) => Number(v.split('.')[0]);
    // data_collection_permissions: Firefox 140 on desktop, 142 on Android (addons-linter's compatibility data).
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(major(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(major(firefox.browser_specific_settings.gecko_android.strict_min_version)).toBeGreaterThanOrEqual(142);
    expect(firefox.permissions).not.toContain('downloads');
  });
});
