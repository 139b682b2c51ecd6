/**
 * Opt-in: fetching the iShares holdings files of IVV, IJH and IJR (the same "Detailed holdings" CSV a
 * user downloads from each fund page) on a schedule. Runs only after the user turned it on and
 * granted the optional host permission for www.ishares.com; the worker calls it from an alarm.
 * One request at a time, a pause between them, retries with backoff on 429/5xx and timeouts; every
 * answer goes through the same file reader as a dropped file (an HTML error page is refused).
 */
import { strToU8 } from 'fflate';
import type { ReferenceState } from '../schema/reference';
import { applyReferenceFile, readReferenceFile } from './refresh';

export const ISHARES_ORIGIN = 'https://www.ishares.com/*';

/** The download links of the three funds whose holdings stand in for the indexes. */
export const ISHARES_INDEX_FILES = [
  { fund: 'IVV', url: 'https://www.ishares.com/us/products/239726/ishares-core-sp-500-etf/1467271812596.ajax?fileType=csv&fileName=IVV_holdings&dataType=fund' },
  { fund: 'IJH', url: 'https://www.ishares.com/us/products/239763/ishares-core-sp-midcap-etf/1467271812596.ajax?fileType=csv&fileName=IJH_holdings&dataType=fund' },
  { fund: 'IJR', url: 'https://www.ishares.com/us/products/239774/ishares-core-sp-smallcap-etf/1467271812596.ajax?fileType=csv&fileName=IJR_holdings&dataType=fund' },
] as const;

export type FetchLike = (url: string, init: { signal: AbortSignal }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface FetchOptions {
  fetch: FetchLike;
  now: () => Date;
  /** Waits between requests and before retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  retries?: number;
}

export interface FundFetchResult {
  fund: string;
  ok: boolean;
  /** What changed, or why nothing did. */
  text: string;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One file, with retries on what may pass (429, 5xx, network errors, timeouts), not on what will not. */
export async function fetchWithRetry(url: string, o: FetchOptions): Promise<string> {
  const sleep = o.sleep ?? pause;
  const retries = o.retries ?? 3;
  let last = '';
  let tries = 0;
  for (let attempt = 0; attempt <= retries; attempt++) {
    tries += 1;
    if (attempt > 0) await sleep(1_000 * 2 ** (attempt - 1));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), o.timeoutMs ?? 20_000);
    try {
      const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('aborted'))));
      const response = await Promise.race([o.fetch(url, { signal: controller.signal }), aborted]);
      if (response.ok) return await response.text();
      last = `HTTP ${response.status}`;
      if (response.status !== 429 && response.status < 500) break;
    } catch (error) {
      last = controller.signal.aborted ? 'no answer in time' : error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timer);
    }
  }
  throw new Error(tries > 1 ? `${last} after ${tries} tries` : last);
}

/**
 * Fetches the three files and applies each to the state in turn. Returns the new state (null when
 * nothing changed) and one line per fund. A failed fund leaves its index as it was.
 */
export async function fetchISharesIndexes(current: ReferenceState, o: FetchOptions): Promise<{ state: ReferenceState | null; results: FundFetchResult[] }> {
  let state = current;
  let changed = false;
  const results: FundFetchResult[] = [];
  for (const [i, file] of ISHARES_INDEX_FILES.entries()) {
    if (i > 0) await (o.sleep ?? pause)(1_500); // a polite pace for someone else's site
    try {
      const text = await fetchWithRetry(file.url, o);
      const read = readReferenceFile(`${file.fund}_holdings.csv`, strToU8(text));
      if (read.kind !== 'index' || read.fund !== file.fund) throw new Error(`the file is not ${file.fund}'s holdings`);
      const source = state.snapshot.sources.find((s) => s.index === read.index);
      if (source && source.asOf >= read.asOf) {
        results.push({ fund: file.fund, ok: true, text: `already up to date (as of ${source.asOf})` });
        continue;
      }
      const applied = applyReferenceFile(state, read, o.now());
      state = applied.state;
      changed = true;
      results.push({ fund: file.fund, ok: true, text: applied.change.summary });
    } catch (error) {
      results.push({ fund: file.fund, ok: false, text: `not refreshed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { state: changed ? state : null, results };
}
