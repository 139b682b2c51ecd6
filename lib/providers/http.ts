/**
 * Polite requests for one provider: at most one request per `minIntervalMs` (SEC asks ≤ 10/s),
 * a timeout, and retries with exponential backoff on what may pass (HTTP 429, 5xx, network errors,
 * timeouts) — never on what will not (404, 403). Every failure is a ProviderError in one line.
 */
import { ProviderError, type HttpGet } from './types';

export interface RequesterOptions {
  provider: string;
  get: HttpGet;
  minIntervalMs: number;
  headers?: Record<string, string>;
  retries?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface Requester {
  /** The body of a successful answer. */
  text(url: string): Promise<string>;
  /** Requests made so far (the options page shows what a refresh costs). */
  readonly count: number;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createRequester(o: RequesterOptions): Requester {
  const sleep = o.sleep ?? pause;
  const now = o.now ?? (() => Date.now());
  let nextSlot = 0;
  let count = 0;
  // One queue per provider: concurrent callers take turns, each waiting for its slot.
  let queue: Promise<unknown> = Promise.resolve();

  async function once(url: string): Promise<{ ok: true; text: string } | { ok: false; retry: boolean; reason: string; kind: 'http' | 'timeout' | 'network' | 'not-found' }> {
    const wait = nextSlot - now();
    if (wait > 0) await sleep(wait);
    nextSlot = now() + o.minIntervalMs;
    count += 1;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), o.timeoutMs ?? 15_000);
    try {
      const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('timeout'))));
      const response = await Promise.race([o.get(url, { signal: controller.signal, headers: o.headers }), aborted]);
      if (response.ok) return { ok: true, text: await response.text() };
      const retry = response.status === 429 || response.status >= 500;
      return { ok: false, retry, reason: `HTTP ${response.status}`, kind: response.status === 404 ? 'not-found' : 'http' };
    } catch (error) {
      if (controller.signal.aborted) return { ok: false, retry: true, reason: 'no answer in time', kind: 'timeout' };
      return { ok: false, retry: true, reason: error instanceof Error ? error.message : String(error), kind: 'network' };
    } finally {
      clearTimeout(timer);
    }
  }

  async function text(url: string): Promise<string> {
    const retries = o.retries ?? 3;
    let last: { reason: string; kind: 'http' | 'timeout' | 'network' | 'not-found' } = { reason: '', kind: 'network' };
    let tries = 0;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(500 * 2 ** attempt);
      tries += 1;
      const result = await once(url);
      if (result.ok) return result.text;
      last = result;
      if (!result.retry) break;
    }
    throw new ProviderError(o.provider, last.kind, `${o.provider}: ${last.reason}${tries > 1 ? ` after ${tries} tries` : ''}`);
  }

  return {
    text(url) {
      const run = queue.then(() => text(url));
      queue = run.catch(() => undefined);
      return run;
    },
    get count() {
      return count;
    },
  };
}
