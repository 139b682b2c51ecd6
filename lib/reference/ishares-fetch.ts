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
import { createRequester } from '../providers/http';
import { ProviderError, type HttpGet } from '../providers/types';

export const ISHARES_ORIGIN = 'https://www.ishares.com/*';

/** The download links of the three funds whose holdings stand in for the indexes. */
export const ISHARES_INDEX_FILES = [
  { fund: 'IVV', url: 'https://www.ishares.com/us/products/239726/ishares-core-sp-500-etf/1467271812596.ajax?fileType=csv&fileName=IVV_holdings&dataType=fund' },
  { fund: 'IJH', url: 'https://www.ishares.com/us/products/239763/ishares-core-sp-midcap-etf/1467271812596.ajax?fileType=csv&fileName=IJH_holdings&dataType=fund' },
  { fund: 'IJR', url: 'https://www.ishares.com/us/products/239774/ishares-core-sp-smallcap-etf/1467271812596.ajax?fileType=csv&fileName=IJR_holdings&dataType=fund' },
] as const;

/** One GET, as the worker's fetch or a test's recorded answers provide it. */
export type FetchLike = HttpGet;

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

/** The providers' polite requester, paced for someone else's site; its errors said without the prefix. */
function ishares(o: FetchOptions, minIntervalMs: number) {
  const requester = createRequester({ provider: 'iShares', get: o.fetch, minIntervalMs, retries: o.retries, timeoutMs: o.timeoutMs ?? 20_000, sleep: o.sleep });
  return async (url: string) => {
    try {
      return await requester.text(url);
    } catch (error) {
      // Each result line already names the fund: "IVV not refreshed: HTTP 404".
      if (error instanceof ProviderError) throw new Error(error.message.replace(/^iShares: /, ''));
      throw error;
    }
  };
}

/** One file, with retries on what may pass (429, 5xx, network errors, timeouts), not on what will not. */
export function fetchWithRetry(url: string, o: FetchOptions): Promise<string> {
  return ishares(o, 0)(url);
}

/**
 * Fetches the three files and applies each to the state in turn. Returns the new state (null when
 * nothing changed) and one line per fund. A failed fund leaves its index as it was.
 */
export async function fetchISharesIndexes(current: ReferenceState, o: FetchOptions): Promise<{ state: ReferenceState | null; results: FundFetchResult[] }> {
  let state = current;
  let changed = false;
  const results: FundFetchResult[] = [];
  const get = ishares(o, 1_500); // one request at a time, 1.5 s apart
  for (const file of ISHARES_INDEX_FILES) {
    try {
      const text = await get(file.url);
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
