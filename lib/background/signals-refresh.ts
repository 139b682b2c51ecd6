/**
 * The worker's online refresh (signals, then the weekly universe screen), one at a time, with its
 * progress and its pending work kept in storage. A service worker can be stopped at any moment
 * (idle, update, crash): memory is gone then, so what the popup shows and what is still owed must
 * not live only there. A restarted worker clears the dead run's progress and runs what was owed.
 */
import type { AuditSnapshot } from '../schema/audit';

export interface ScreenProgress {
  done: number;
  total: number;
}

/** A stored value (a WXT storage item in the worker; a plain holder in tests). */
export interface Kept<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface SignalsRefreshDeps {
  /** One whole refresh for this household: signals, then the universe screen when due. */
  run: (household: AuditSnapshot) => Promise<void>;
  /** The stored household audit: what a restarted worker refreshes. */
  loadHousehold: () => Promise<AuditSnapshot | null>;
  /** What the popup shows ("Screening 12 of 60…"); null when no screen runs. */
  progress: Kept<ScreenProgress | null>;
  /** True from the moment a refresh is asked for until one finishes after the last ask. */
  pending: Kept<boolean>;
  warn?: (message: string, error: unknown) => void;
}

export function createSignalsRefresh(deps: SignalsRefreshDeps) {
  let running: Promise<void> | null = null;
  /** A change while a run is going asks for one more run after it, with the newest household. */
  let again: AuditSnapshot | null = null;

  function refresh(household: AuditSnapshot | null): void {
    if (!household) return;
    if (running) {
      again = household;
      return;
    }
    running = (async () => {
      await deps.pending.setValue(true);
      try {
        await deps.run(household);
      } catch (error) {
        // Not retried on the next start: a refresh that fails now would fail in a loop. The next
        // audit change asks again.
        (deps.warn ?? console.warn)('Breadth: online signals failed', error);
      }
    })()
      .finally(async () => {
        // Still "running" while the owed work is cleared: an ask meanwhile lands in `again`, and
        // is not wiped out by the clearing.
        if (!again) await deps.progress.setValue(null);
        if (!again) await deps.pending.setValue(false);
      })
      .catch((error: unknown) => (deps.warn ?? console.warn)('Breadth: could not store the refresh state', error))
      .finally(() => {
        const next = again;
        again = null;
        running = null;
        refresh(next);
      });
  }

  return {
    refresh,
    /** Whether this worker is running a refresh now: the truth the stored progress is checked against. */
    isRunning: () => running !== null,
    /** Progress from the running refresh (ignored when none runs: a late callback must not revive the line). */
    reportProgress(done: number, total: number): void {
      if (running) void deps.progress.setValue(done < total ? { done, total } : null);
    },
    /** A popup asked: progress stays only while a refresh really runs here. */
    async dropStaleProgress(): Promise<void> {
      if (!running) await deps.progress.setValue(null);
    },
    /** On worker start: nothing runs yet, so any stored progress is a stopped worker's; then run what was owed. */
    async resumeAfterRestart(): Promise<void> {
      await deps.progress.setValue(null);
      if (!(await deps.pending.getValue())) return;
      const household = await deps.loadHousehold();
      if (household) refresh(household);
      else await deps.pending.setValue(false);
    },
    /** Settles when no refresh runs (tests). */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}

export type SignalsRefresh = ReturnType<typeof createSignalsRefresh>;
