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
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'downloads', 'scripting', 'storage']);
  });
  it('injects the content script only on those brokerages', () => {
    const matches = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
    expect([...new Set(matches)].sort()).toEqual([...BROKERAGE_MATCHES].sort());
  });
});
