import { describe, expect, it } from 'vitest';
import { createSignalsRefresh, type Kept, type ScreenProgress } from './signals-refresh';
import type { AuditSnapshot } from '../schema/audit';

/** Storage as the worker sees it: survives the refresher (a stopped worker), like chrome.storage. */
function kept<T>(value: T): Kept<T> & { value: T } {
  return {
    value,
    async getValue() {
      return this.value;
    },
    async setValue(v: T) {
      this.value = v;
    },
  };
}
const household = (id: string) => ({ generatedAt: id }) as unknown as AuditSnapshot;

/** A run that waits until the test lets it finish (a screen in progress). */
function gatedRuns() {
  const started: string[] = [];
  const gates: (() => void)[] = [];
  const run = (h: AuditSnapshot) => {
    started.push(h.generatedAt);
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  const finishNext = async () => {
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { run, started, finishNext };
}

describe('online refresh kept in storage', () => {
  it('runs one at a time; a change meanwhile runs once more with the newest household', async () => {
    const runs = gatedRuns();
    const progress = kept<ScreenProgress | null>(null);
    const pending = kept(false);
    const r = createSignalsRefresh({ run: runs.run, loadHousehold: async () => null, progress, pending });
    r.refresh(household('a'));
    r.refresh(household('b'));
    r.refresh(household('c'));
    await new Promise((res) => setTimeout(res, 0));
    expect(runs.started).toEqual(['a']);
    expect(pending.value).toBe(true);
    await runs.finishNext();
    expect(runs.started).toEqual(['a', 'c']);
    expect(pending.value).toBe(true); // still owed: 'c' runs
    await runs.finishNext();
    await r.idle();
    expect(pending.value).toBe(false);
    expect(r.isRunning()).toBe(false);
  });

  it('keeps progress while running and clears it when done; a late report does not bring it back', async () => {
    const runs = gatedRuns();
    const progress = kept<ScreenProgress | null>(null);
    const r = createSignalsRefresh({ run: runs.run, loadHousehold: async () => null, progress, pending: kept(false) });
    r.refresh(household('a'));
    await new Promise((res) => setTimeout(res, 0));
    r.reportProgress(12, 60);
    await new Promise((res) => setTimeout(res, 0));
    expect(progress.value).toEqual({ done: 12, total: 60 });
    await r.dropStaleProgress(); // a popup asks while it runs: the line stays
    expect(progress.value).toEqual({ done: 12, total: 60 });
    await runs.finishNext();
    await r.idle();
    expect(progress.value).toBeNull();
    r.reportProgress(13, 60);
    await new Promise((res) => setTimeout(res, 0));
    expect(progress.value).toBeNull();
  });

  it('a worker stopped mid-screen: the next one clears the dead progress and runs what was owed', async () => {
    const progress = kept<ScreenProgress | null>(null);
    const pending = kept(false);
    const first = gatedRuns();
    const stopped = createSignalsRefresh({ run: first.run, loadHousehold: async () => null, progress, pending });
    stopped.refresh(household('before the stop'));
    await new Promise((res) => setTimeout(res, 0));
    stopped.reportProgress(12, 60);
    await new Promise((res) => setTimeout(res, 0));
    // The worker is stopped here: its run never finishes, its memory is gone; storage stays.
    expect(progress.value).toEqual({ done: 12, total: 60 });
    expect(pending.value).toBe(true);

    const ran: string[] = [];
    const restarted = createSignalsRefresh({ run: async (h) => void ran.push(h.generatedAt), loadHousehold: async () => household('stored'), progress, pending });
    // A popup opened before the restart's resume finished is told nothing runs.
    await restarted.dropStaleProgress();
    expect(progress.value).toBeNull();
    progress.value = { done: 12, total: 60 };
    await restarted.resumeAfterRestart();
    await restarted.idle();
    expect(ran).toEqual(['stored']);
    expect(progress.value).toBeNull();
    expect(pending.value).toBe(false);
  });

  it('owes nothing after a clean finish, a failure, or with no household to refresh', async () => {
    const pending = kept(true);
    const progress = kept<ScreenProgress | null>({ done: 1, total: 2 });
    const ran: string[] = [];
    const r = createSignalsRefresh({ run: async (h) => void ran.push(h.generatedAt), loadHousehold: async () => null, progress, pending });
    await r.resumeAfterRestart();
    expect(ran).toEqual([]);
    expect([pending.value, progress.value]).toEqual([false, null]);

    const warnings: string[] = [];
    const failing = createSignalsRefresh({ run: async () => Promise.reject(new Error('offline')), loadHousehold: async () => null, progress, pending, warn: (m) => void warnings.push(m) });
    failing.refresh(household('a'));
    await failing.idle();
    expect(warnings).toEqual(['Breadth: online signals failed']);
    expect(pending.value).toBe(false);
  });
});
