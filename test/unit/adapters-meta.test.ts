/**
 * Every adapter is registered, tested, has its fixtures and its row in ADAPTERS.md — checked, not hoped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../lib/adapters/registry';
import { BROKERAGE_MATCHES, SITE_PAGE_MATCHES } from '../../lib/adapters/hosts';
import { BROKERAGE_SITES } from '../../lib/adapters/sites';
import { SITE_ADAPTERS } from '../../lib/adapters/registry';

const root = resolve(import.meta.dirname, '../..');
const NOT_ADAPTERS = new Set(['dom.ts', 'types.ts', 'registry.ts', 'hosts.ts', 'read-page.ts', 'table-site.ts', 'sites.ts']);
const adapterFiles = readdirSync(resolve(root, 'lib/adapters')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_ADAPTERS.has(f));
const doc = readFileSync(resolve(root, 'ADAPTERS.md'), 'utf8');

describe('adapter meta-test', () => {
  it('finds the adapters', () => {
    expect(adapterFiles).toContain('generic.ts');
  });

  it.each(adapterFiles)('%s is registered under its file name', (file) => {
    expect(ADAPTERS.map((a) => a.id)).toContain(file.replace(/\.ts$/, ''));
  });

  it.each(ADAPTERS.map((a) => [a.id]))('%s has a test, fixtures (positive, empty, negative) and an ADAPTERS.md row', (id) => {
    expect(existsSync(resolve(root, `lib/adapters/${id}.test.ts`)), `lib/adapters/${id}.test.ts`).toBe(true);
    const dir = resolve(root, `test/fixtures/pages/${id}`);
    const fixtures = existsSync(dir) ? readdirSync(dir) : [];
    const pages = fixtures.filter((f) => f.endsWith('.html'));
    expect(pages.filter((f) => f.startsWith('empty-')), `${dir}/empty-*.html`).not.toEqual([]);
    expect(pages.filter((f) => f.startsWith('negative-')), `${dir}/negative-*.html`).not.toEqual([]);
    const positives = pages.filter((f) => !f.startsWith('empty-') && !f.startsWith('negative-'));
    expect(positives, `a positive fixture in ${dir}`).not.toEqual([]);
    for (const page of positives) expect(fixtures, `golden output for ${page}`).toContain(page.replace(/\.html$/, '.expected.json'));
    expect(doc).toMatch(new RegExp(`^\\| \`${id}\` \\|`, 'm'));
  });

  it('names every brokerage the manifest grants, for the options page switches', () => {
    expect(BROKERAGE_SITES.flatMap((s) => s.hosts).sort()).toEqual(BROKERAGE_MATCHES.map((m) => new URL(m.replace('*', '')).host).sort());
    expect(BROKERAGE_SITES.map((s) => s.id).sort()).toEqual(Object.keys(SITE_PAGE_MATCHES).sort());
  });

  it('lets site adapters match only the hosts the manifest grants', () => {
    const hosts = new Set(BROKERAGE_MATCHES.map((m) => new URL(m.replace('*', '')).host));
    for (const a of ADAPTERS) for (const m of a.matches) expect(hosts).toContain(new URL(m.replace(/\*/g, 'x')).host);
  });

  it.each(SITE_ADAPTERS.map((a) => [a.id, a]))('%s has its own content script, and the generic one leaves its pages to it', (id, adapter) => {
    const entry = resolve(root, `entrypoints/${id}.content.ts`);
    expect(existsSync(entry), `entrypoints/${id}.content.ts`).toBe(true);
    expect(readFileSync(entry, 'utf8')).toMatch(new RegExp(`siteAdapters: \\[${id}Adapter\\]`));
    expect((SITE_PAGE_MATCHES as Record<string, readonly string[]>)[id]).toEqual(adapter.matches);
  });

  it('keeps the generic adapter last, as the fallback', () => {
    expect(ADAPTERS.at(-1)?.id).toBe('generic');
  });
});
