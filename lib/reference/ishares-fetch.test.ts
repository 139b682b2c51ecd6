import { describe, expect, it } from 'vitest';
import { fetchISharesIndexes, fetchWithRetry, ISHARES_INDEX_FILES, type FetchLike } from './ishares-fetch';
import { bundledState } from './refresh';
import { bundledReference } from './index';
import { iSharesCsv } from '../../test/helpers/ishares';

/** Answers per URL, in order, as the site would (recorded shapes: the CSV, an HTML error page, statuses). */
function site(answers: Record<string, ({ status: number; body: string } | 'hang')[]>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const next = answers[url]?.shift();
    if (!next) throw new Error(`unexpected request ${url}`);
    if (next === 'hang') return new Promise(() => {});
    return { ok: next.status >= 200 && next.status < 300, status: next.status, text: async () => next.body };
  };
  return { fetch, calls };
}
const [IVV, IJH, IJR] = ISHARES_INDEX_FILES.map((f) => f.url) as [string, string, string];
const csv = (name: string, asOf = 'Nov 20, 2026') => ({ status: 200, body: iSharesCsv(name, asOf, [{ ticker: 'NVDA', name: 'NVIDIA CORP', sector: 'Information Technology', marketValue: 100 }]) });
const options = (fetch: FetchLike) => ({ fetch, now: () => new Date('2026-11-25T06:00:00Z'), sleep: async () => {}, timeoutMs: 50 });

describe('fetching the iShares index files (opt-in)', () => {
  it('refreshes all three indexes, retrying a 503', async () => {
    const s = site({
      [IVV]: [{ status: 503, body: 'busy' }, csv('iShares Core S&P 500 ETF')],
      [IJH]: [csv('iShares Core S&P Mid-Cap ETF')],
      [IJR]: [csv('iShares Core S&P Small-Cap ETF')],
    });
    const { state, results } = await fetchISharesIndexes(bundledState(bundledReference().snapshot), options(s.fetch));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(state?.snapshot.sources.map((x) => [x.fund, x.asOf])).toEqual([['IVV', '2026-11-20'], ['IJH', '2026-11-20'], ['IJR', '2026-11-20']]);
    expect(state?.snapshot.asOf).toBe('2026-11-20');
    expect(s.calls).toEqual([IVV, IVV, IJH, IJR]); // one at a time, the 503 retried
  });

  it('keeps an index as it was when its answer is an error page, a 404 or nothing at all', async () => {
    const s = site({
      [IVV]: [{ status: 200, body: '<!DOCTYPE html><html><body>Service unavailable</body></html>' }],
      [IJH]: [{ status: 404, body: 'not found' }],
      [IJR]: ['hang', 'hang', 'hang', 'hang'],
    });
    const { state, results } = await fetchISharesIndexes(bundledState(bundledReference().snapshot), options(s.fetch));
    expect(state).toBeNull();
    expect(results).toEqual([
      { fund: 'IVV', ok: false, text: 'not refreshed: IVV_holdings.csv is a web page (HTML), not a holdings file: the fund site sent an error page. Download the holdings file again.' },
      { fund: 'IJH', ok: false, text: 'not refreshed: HTTP 404' }, // not retried: it will not pass
      { fund: 'IJR', ok: false, text: 'not refreshed: no answer in time after 4 tries' },
    ]);
  });

  it('does nothing when the files are not newer than the data in use', async () => {
    const s = site({ [IVV]: [csv('iShares Core S&P 500 ETF', 'Jun 19, 2026')], [IJH]: [csv('iShares Core S&P Mid-Cap ETF', 'Jun 19, 2026')], [IJR]: [csv('iShares Core S&P Small-Cap ETF', 'Jun 19, 2026')] });
    const { state, results } = await fetchISharesIndexes(bundledState(bundledReference().snapshot), options(s.fetch));
    expect(state).toBeNull();
    expect(results.every((r) => r.text === 'already up to date (as of 2026-06-19)')).toBe(true);
  });

  it('retries 429 with growing pauses', async () => {
    const waits: number[] = [];
    const s = site({ [IVV]: [{ status: 429, body: '' }, { status: 429, body: '' }, { status: 200, body: 'ok' }] });
    await expect(fetchWithRetry(IVV, { ...options(s.fetch), sleep: async (ms) => void waits.push(ms) })).resolves.toBe('ok');
    expect(waits).toEqual([1_000, 2_000]);
  });
});
