/**
 * Provider answers kept in IndexedDB with their date and a time-to-live. Values are what Breadth
 * derived (a few numbers per company), not the raw multi-megabyte responses, and are re-parsed
 * with their schema when read. When a refresh fails, the last good value is used and says since
 * when it stands ("data unavailable since …"): a provider failure never blocks the audit.
 */
import type * as z from 'zod/mini';
import { db, type StoredProviderEntry } from '../db';
import { ProviderError } from './types';

export interface Cached<T> {
  value: T;
  fetchedAt: string;
  /** Served from the cache (fresh, or because the refresh failed). */
  fromCache: boolean;
  /** When the refresh failed: since when, and why (the value shown is the last good one). */
  unavailable?: { since: string; reason: string };
}

export interface CacheOptions {
  provider: string;
  ttlMs: number;
  now?: () => Date;
  /** Offline or online data turned off: never load, only read what is kept. */
  cacheOnly?: boolean;
  /** The kept rows, already read in one go (a screen of a thousand companies reads them in bulk). */
  preloaded?: ReadonlyMap<string, StoredProviderEntry | undefined>;
}

export async function cached<S extends z.ZodMiniType>(key: string, schema: S, load: () => Promise<z.infer<S>>, o: CacheOptions): Promise<Cached<z.infer<S>>> {
  const now = (o.now ?? (() => new Date()))();
  const row = o.preloaded?.has(key) ? o.preloaded.get(key) : await db().providerCache.get(key);
  const parsed = row ? schema.safeParse(row.value) : null;
  const kept = parsed?.success ? { value: parsed.data as z.infer<S>, fetchedAt: row!.fetchedAt } : null;
  if (kept && (o.cacheOnly || now.getTime() - Date.parse(kept.fetchedAt) < o.ttlMs)) return { ...kept, fromCache: true };
  if (o.cacheOnly) throw new ProviderError(o.provider, 'permission', `${o.provider}: no data kept for this yet (online data is off)`);
  try {
    const value = schema.parse(await load()) as z.infer<S>;
    const fetchedAt = now.toISOString();
    await db().providerCache.put({ key, provider: o.provider, fetchedAt, value });
    await recordStatus(o.provider, { ok: true, at: fetchedAt });
    return { value, fetchedAt, fromCache: false };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await recordStatus(o.provider, { ok: false, at: now.toISOString(), error: reason });
    if (!kept) throw error;
    const status = await db().providerStatus.get(o.provider);
    return { ...kept, fromCache: true, unavailable: { since: status?.lastSuccessAt ?? kept.fetchedAt, reason } };
  }
}

async function recordStatus(provider: string, r: { ok: boolean; at: string; error?: string }): Promise<void> {
  await db().transaction('rw', db().providerStatus, async () => {
    const s = (await db().providerStatus.get(provider)) ?? { provider, requests: 0 };
    if (r.ok) s.lastSuccessAt = r.at;
    else Object.assign(s, { lastErrorAt: r.at, lastError: r.error?.slice(0, 300) });
    await db().providerStatus.put(s);
  });
}

/** Adds the requests a refresh made to the provider's tally. */
export async function countRequests(provider: string, requests: number): Promise<void> {
  if (requests <= 0) return;
  await db().transaction('rw', db().providerStatus, async () => {
    const s = (await db().providerStatus.get(provider)) ?? { provider, requests: 0 };
    s.requests += requests;
    await db().providerStatus.put(s);
  });
}

/** Forgets one provider's kept data (turning it off keeps nothing behind). */
export async function clearProvider(provider: string): Promise<void> {
  await db().transaction('rw', db().providerCache, db().providerStatus, async () => {
    await db().providerCache.where('provider').equals(provider).delete();
    await db().providerStatus.delete(provider);
  });
}

/** Every provider's health, for the options page. */
export async function providerStatuses(): Promise<Record<string, { lastSuccessAt?: string; lastErrorAt?: string; lastError?: string; requests: number }>> {
  const rows = await db().providerStatus.toArray();
  return Object.fromEntries(rows.map(({ provider, ...rest }) => [provider, rest]));
}

/** Reads many kept rows in one transaction, for `preloaded`. */
export async function preloadKept(keys: readonly string[]): Promise<Map<string, StoredProviderEntry | undefined>> {
  const rows = await db().providerCache.bulkGet([...keys]);
  return new Map(keys.map((k, i) => [k, rows[i]]));
}
