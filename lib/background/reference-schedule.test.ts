import { beforeEach, describe, expect, it } from 'vitest';
import { deleteAllData, loadReferenceStates } from '../db';
import { REFERENCE_ALARM, runReferenceFetch, syncReferenceSchedule, type ReferenceFetchStatus, type ScheduleDeps } from './reference-schedule';
import { ISHARES_INDEX_FILES } from '../reference/ishares-fetch';
import { iSharesCsv } from '../../test/helpers/ishares';

beforeEach(async () => {
  await deleteAllData();
});

const NAMES = ['iShares Core S&P 500 ETF', 'iShares Core S&P Mid-Cap ETF', 'iShares Core S&P Small-Cap ETF'];

function deps(over: Partial<ScheduleDeps> = {}) {
  const alarms: string[] = [];
  const requests: string[] = [];
  let status: ReferenceFetchStatus | null = null;
  let refreshed = 0;
  const d: ScheduleDeps = {
    enabled: async () => true,
    hasPermission: async () => true,
    alarms: {
      create: (name, info) => alarms.push(`create ${name} in ${info.delayInMinutes} min every ${info.periodInMinutes} min`),
      clear: async (name) => alarms.push(`clear ${name}`),
    },
    fetch: async (url) => {
      requests.push(url);
      const i = ISHARES_INDEX_FILES.findIndex((f) => f.url === url);
      const body = iSharesCsv(NAMES[i]!, 'Nov 20, 2026', [{ ticker: 'NVDA', name: 'NVIDIA CORP', sector: 'Information Technology', marketValue: 1 }]);
      return { ok: true, status: 200, text: async () => body };
    },
    getStatus: async () => status,
    setStatus: async (s) => void (status = s),
    onRefreshed: async () => void (refreshed += 1),
    now: () => new Date('2026-11-25T06:00:00Z'),
    sleep: async () => {},
    ...over,
  };
  return { d, alarms, requests, status: () => status, refreshed: () => refreshed };
}

describe('the opt-in weekly index fetch', () => {
  it('is off, and requests nothing, unless the user turned it on and granted the permission', async () => {
    for (const over of [{ enabled: async () => false }, { hasPermission: async () => false }]) {
      const t = deps(over);
      expect(await syncReferenceSchedule(t.d)).toBe('off');
      expect(await runReferenceFetch(t.d)).toBeNull();
      expect(t.alarms).toEqual([`clear ${REFERENCE_ALARM}`]);
      expect(t.requests).toEqual([]);
    }
  });

  it('schedules weekly, due now the first time and a week after the last fetch', async () => {
    const t = deps();
    await syncReferenceSchedule(t.d);
    await t.d.setStatus({ at: '2026-11-22T06:00:00.000Z', results: [] });
    await syncReferenceSchedule(t.d);
    expect(t.alarms).toEqual([`create ${REFERENCE_ALARM} in 0.1 min every 10080 min`, `create ${REFERENCE_ALARM} in 5760 min every 10080 min`]);
  });

  it('fetches the three files, keeps them as a new version, re-audits and records the outcome', async () => {
    const t = deps();
    const status = await runReferenceFetch(t.d);
    expect(t.requests).toEqual(ISHARES_INDEX_FILES.map((f) => f.url));
    expect(status?.results.map((r) => r.ok)).toEqual([true, true, true]);
    expect((await loadReferenceStates()).active?.snapshot.asOf).toBe('2026-11-20');
    expect(t.refreshed()).toBe(1);
    // A week later the same files are not newer: nothing new is stored.
    await runReferenceFetch(t.d);
    expect(t.refreshed()).toBe(1);
    expect(t.status()?.results.map((r) => r.text)).toEqual(Array(3).fill('already up to date (as of 2026-11-20)'));
  });
});
