import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createRequester } from './http';
import { cached, clearProvider, countRequests } from './cache';
import { ProviderError, looksLikeHtml, type HttpGet } from './types';
import { db, deleteAllData } from '../db';

/** A recorded site: answers in order; 'hang' never answers. */
function site(answers: ({ status: number; body: string } | 'hang' | 'fail')[]) {
  const seen: { url: string; headers?: Record<string, string> }[] = [];
  const get: HttpGet = async (url, init) => {
    seen.push({ url, headers: init.headers });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next === 'hang') return new Promise(() => {});
    if (next === 'fail') throw new TypeError('Failed to fetch');
    return { ok: next.status < 300, status: next.status, text: async () => next.body };
  };
  return { get, seen };
}

function clock() {
  let t = 0;
  const waits: number[] = [];
  return { now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)), waits, advance: (ms: number) => (t += ms) };
}

describe('polite requests', () => {
  it('keeps to the rate limit and sends the provider headers', async () => {
    const c = clock();
    const s = site([{ status: 200, body: 'a' }, { status: 200, body: 'b' }]);
    const r = createRequester({ provider: 'SEC EDGAR', get: s.get, minIntervalMs: 100, headers: { 'User-Agent': 'Breadth test' }, ...c });
    expect(await Promise.all([r.text('u1'), r.text('u2')])).toEqual(['a', 'b']);
    expect(c.waits).toEqual([100]); // the second request waited for its slot
    expect(s.seen.map((x) => x.headers?.['User-Agent'])).toEqual(['Breadth test', 'Breadth test']);
    expect(r.count).toBe(2);
  });

  it('retries 429 and 5xx with growing pauses, not 404', async () => {
    const c = clock();
    const s = site([{ status: 429, body: '' }, { status: 503, body: '' }, { status: 200, body: 'ok' }, { status: 404, body: '' }]);
    const r = createRequester({ provider: 'P', get: s.get, minIntervalMs: 0, ...c });
    expect(await r.text('u')).toBe('ok');
    expect(c.waits).toEqual([1_000, 2_000]);
    await expect(r.text('missing')).rejects.toMatchObject({ kind: 'not-found', message: 'P: HTTP 404' });
  });

  it('gives up after the retries on timeouts and network errors, in one line', async () => {
    const c = clock();
    const r = createRequester({ provider: 'P', get: site(['hang', 'hang']).get, minIntervalMs: 0, retries: 1, timeoutMs: 5, ...c });
    await expect(r.text('u')).rejects.toThrow(new ProviderError('P', 'timeout', 'P: no answer in time after 2 tries'));
    const r2 = createRequester({ provider: 'P', get: site(['fail']).get, minIntervalMs: 0, retries: 0, ...c });
    await expect(r2.text('u')).rejects.toMatchObject({ kind: 'network', message: 'P: Failed to fetch' });
  });

  it('recognises an HTML page where data was expected', () => {
    expect(looksLikeHtml('\n<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('{"a":1}')).toBe(false);
  });
});

describe('provider cache (real Dexie on fake-indexeddb)', () => {
  beforeEach(async () => {
    await deleteAllData();
  });
  const Schema = z.object({ revenue: z.number() });
  const at = (iso: string) => () => new Date(iso);
  const o = { provider: 'sec', ttlMs: 7 * 86_400_000 };

  it('loads once, then serves the kept value until it expires', async () => {
    let loads = 0;
    const load = async () => ({ revenue: ++loads * 100 });
    expect(await cached('sec:x', Schema, load, { ...o, now: at('2026-11-01T00:00:00Z') })).toEqual({ value: { revenue: 100 }, fetchedAt: '2026-11-01T00:00:00.000Z', fromCache: false });
    expect((await cached('sec:x', Schema, load, { ...o, now: at('2026-11-05T00:00:00Z') })).fromCache).toBe(true);
    expect((await cached('sec:x', Schema, load, { ...o, now: at('2026-11-09T00:00:00Z') })).value).toEqual({ revenue: 200 });
    expect(loads).toBe(2);
  });

  it('on a failed refresh shows the last good value and since when it stands', async () => {
    await cached('sec:x', Schema, async () => ({ revenue: 1 }), { ...o, now: at('2026-11-01T00:00:00Z') });
    const failing = async () => {
      throw new ProviderError('sec', 'http', 'SEC EDGAR: HTTP 503 after 4 tries');
    };
    const r = await cached('sec:x', Schema, failing, { ...o, now: at('2026-11-20T00:00:00Z') });
    expect(r).toEqual({ value: { revenue: 1 }, fetchedAt: '2026-11-01T00:00:00.000Z', fromCache: true, unavailable: { since: '2026-11-01T00:00:00.000Z', reason: 'SEC EDGAR: HTTP 503 after 4 tries' } });
    expect(await db().providerStatus.get('sec')).toMatchObject({ lastSuccessAt: '2026-11-01T00:00:00.000Z', lastErrorAt: '2026-11-20T00:00:00.000Z', lastError: 'SEC EDGAR: HTTP 503 after 4 tries' });
    await expect(cached('sec:never', Schema, failing, { ...o, now: at('2026-11-20T00:00:00Z') })).rejects.toThrow('HTTP 503');
  });

  it('works offline from what is kept, and refuses to load when online data is off', async () => {
    await cached('sec:x', Schema, async () => ({ revenue: 1 }), { ...o, now: at('2026-01-01T00:00:00Z') });
    const never = async () => {
      throw new Error('must not load');
    };
    expect((await cached('sec:x', Schema, never, { ...o, cacheOnly: true, now: at('2026-11-20T00:00:00Z') })).value).toEqual({ revenue: 1 });
    await expect(cached('sec:y', Schema, never, { ...o, cacheOnly: true })).rejects.toMatchObject({ kind: 'permission' });
  });

  it('treats a kept value that no longer parses as absent, and forgets a provider whole', async () => {
    await db().providerCache.put({ key: 'sec:x', provider: 'sec', fetchedAt: '2026-11-01T00:00:00.000Z', value: { revenue: 'lots' } });
    expect((await cached('sec:x', Schema, async () => ({ revenue: 5 }), { ...o, now: at('2026-11-02T00:00:00Z') })).value).toEqual({ revenue: 5 });
    await countRequests('sec', 3);
    await clearProvider('sec');
    expect(await db().providerCache.count()).toBe(0);
    expect(await db().providerStatus.count()).toBe(0);
  });
});
