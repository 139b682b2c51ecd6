/**
 * The popup's state as signals in a plain model; components stay presentational.
 */
import { computed, signal, type Signal } from '@preact/signals';
import type { Dashboard } from '../schema/dashboard';
import type { AuditSnapshot } from '../schema/audit';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../schema/settings';
import type { SnapshotSummary } from '../schema/history';
import type { StoredSignals, StoredUniverseScreen } from '../schema/signals';
import type { EstimateReading } from '../providers/estimates/types';
import type { ScreenProgress } from '../background/signals-refresh';

export type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

export interface PopupDeps {
  loadDashboard: () => Promise<Dashboard>;
  getSettings: () => Promise<RuleSettings>;
  /** The kept audits' figures, oldest first (optional: the history is an extra, never a blocker). */
  listSnapshots?: () => Promise<SnapshotSummary[]>;
  /** The last online signals (opt-in providers), if any. */
  loadSignals?: () => Promise<StoredSignals | null>;
  /** The last screen of the whole S&P 400/600, if any. */
  loadUniverse?: () => Promise<StoredUniverseScreen | null>;
  /** Kept consensus-EPS readings (provider or CSV import), for the revision watch. */
  loadEstimates?: () => Promise<EstimateReading[]>;
}

export function createPopupModel(deps: PopupDeps) {
  const dashboard = signal<Dashboard | null>(null);
  const state = signal<LoadState>({ kind: 'loading' });
  /** '' = all accounts. */
  const scope = signal('');
  const notice = signal<{ kind: 'info' | 'error'; text: string } | null>(null);
  const settings = signal<RuleSettings>(DEFAULT_RULE_SETTINGS);
  const history = signal<SnapshotSummary[]>([]);
  const signals = signal<StoredSignals | null>(null);
  const estimates = signal<EstimateReading[]>([]);
  const universe = signal<StoredUniverseScreen | null>(null);
  /** An online screen running: how far it is. */
  const progress = signal<ScreenProgress | null>(null);

  const audit = computed<AuditSnapshot | null>(() => {
    const d = dashboard.value;
    if (!d) return null;
    return scope.value ? (d.byAccount[scope.value] ?? null) : d.household;
  });

  async function load() {
    try {
      // One round of reads: the extras (history, online signals, estimates) never block the numbers.
      const [d, s, h, g, e, u] = await Promise.all([
        deps.loadDashboard(),
        deps.getSettings(),
        deps.listSnapshots?.().catch(() => []) ?? [],
        deps.loadSignals?.().catch(() => null) ?? null,
        deps.loadEstimates?.().catch(() => []) ?? [],
        deps.loadUniverse?.().catch(() => null) ?? null,
      ]);
      history.value = h;
      signals.value = g;
      estimates.value = e;
      universe.value = u;
      settings.value = s;
      dashboard.value = d;
      if (scope.value && !dashboard.value.byAccount[scope.value]) scope.value = '';
      state.value = { kind: 'ready' };
    } catch (error) {
      state.value = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  return { dashboard, state, scope, notice, settings, history, signals, estimates, universe, progress, audit, load };
}

export type PopupModel = ReturnType<typeof createPopupModel>;

/** How often the popup re-asks the worker while it shows progress: a worker can be stopped mid-screen. */
export const PROGRESS_RECHECK_MS = 15_000;

/**
 * Shows the worker's stored screen progress only while the worker confirms a screen runs. The
 * stored value alone can be a stopped worker's last word; asking wakes a stopped worker, which
 * clears that value (and resumes the owed screen, which then reports afresh).
 */
export function watchScreenProgress(progress: Signal<ScreenProgress | null>, askRunning: () => Promise<boolean>, now = () => Date.now()) {
  let confirmedAt = -Infinity;
  let latest: ScreenProgress | null = null;
  const parse = (value: unknown): ScreenProgress | null => {
    const v = value as { done?: unknown; total?: unknown } | null;
    return v && typeof v.done === 'number' && typeof v.total === 'number' && v.total > 0 ? { done: v.done, total: v.total } : null;
  };
  async function stored(value: unknown): Promise<void> {
    latest = parse(value);
    if (!latest) {
      progress.value = null;
      return;
    }
    if (now() - confirmedAt >= PROGRESS_RECHECK_MS) {
      const running = await askRunning().catch(() => false);
      if (!running) {
        progress.value = null;
        return;
      }
      confirmedAt = now();
    }
    // The newest report, which may have arrived while the worker was asked.
    progress.value = latest;
  }
  return {
    /** Call with the stored value when the popup opens and whenever it changes. */
    stored,
    /** Call on a timer: re-asks the worker about what is shown. */
    async recheck(): Promise<void> {
      if (!progress.value) return;
      confirmedAt = -Infinity;
      await stored(latest);
    },
  };
}
