/** Least privilege, checked on the manifest that actually ships (the build output). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_PATH } from './browser';
import { BROKERAGE_MATCHES } from '../../lib/adapters/hosts';

const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8'));

describe('built manifest (chrome-mv3)', () => {
  it('asks host access for exactly the supported brokerages', () => {
    expect([...manifest.host_permissions].sort()).toEqual([...BROKERAGE_MATCHES].sort());
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
  });
  it('asks only the permissions it uses', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'downloads', 'scripting', 'storage']);
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
