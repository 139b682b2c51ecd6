/**
 * The popup's state as signals in a plain model; components stay presentational.
 */
import { computed, signal } from '@preact/signals';
import type { Dashboard } from '../schema/dashboard';
import type { AuditSnapshot } from '../schema/audit';

export type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

export interface PopupDeps {
  loadDashboard: () => Promise<Dashboard>;
}

export function createPopupModel(deps: PopupDeps) {
  const dashboard = signal<Dashboard | null>(null);
  const state = signal<LoadState>({ kind: 'loading' });
  /** '' = all accounts. */
  const scope = signal('');
  const notice = signal<{ kind: 'info' | 'error'; text: string } | null>(null);

  const audit = computed<AuditSnapshot | null>(() => {
    const d = dashboard.value;
    if (!d) return null;
    return scope.value ? (d.byAccount[scope.value] ?? null) : d.household;
  });

  async function load() {
    try {
      dashboard.value = await deps.loadDashboard();
      if (scope.value && !dashboard.value.byAccount[scope.value]) scope.value = '';
      state.value = { kind: 'ready' };
    } catch (error) {
      state.value = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  return { dashboard, state, scope, notice, audit, load };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
