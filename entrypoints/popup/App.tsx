import { useEffect } from 'preact/hooks';
import type { PopupModel } from '@/lib/ui/popup-model';
import { AuditView } from '@/components/AuditView';
import { EmptyState } from '@/components/EmptyState';
import { AccountPicker } from '@/components/AccountPicker';
import { ReadStatus } from '@/components/ReadStatus';
import { SignalsView } from '@/components/SignalsView';
import { RevisionView } from '@/components/RevisionView';
import { UniverseView } from '@/components/UniverseView';
import { revisionWatch } from '@/lib/analysis/revisions';
import type { PopupActions } from './actions';

export function App({ model, actions }: { model: PopupModel; actions: PopupActions }) {
  const state = model.state.value;
  const dashboard = model.dashboard.value;
  const audit = model.audit.value;
  const notice = model.notice.value;
  const hasNumbers = !!audit && audit.portfolio.holdingsCount > 0;

  useEffect(() => {
    // Measured by `npm run bench`: time from opening the popup to its numbers on screen.
    if (hasNumbers && performance.getEntriesByName('breadth:numbers-shown').length === 0) performance.mark('breadth:numbers-shown');
  }, [hasNumbers]);

  return (
    <main class="popup" aria-busy={state.kind === 'loading'}>
      <header>
        <h1>
          <span class="logo" aria-hidden="true">◔</span> Breadth
        </h1>
        {dashboard && dashboard.accounts.length > 0 && (
          <AccountPicker accounts={dashboard.accounts} value={model.scope.value} onChange={(k) => (model.scope.value = k)} />
        )}
      </header>

      {state.kind === 'loading' && <p class="loading">Loading your audit…</p>}
      {state.kind === 'error' && (
        <p class="error" role="alert">
          Breadth could not open its stored data ({state.message}). Reload the extension; if it persists, delete the stored
          data on the options page.
        </p>
      )}
      {state.kind === 'ready' && dashboard && (
        <>
          {dashboard.accounts.some((a) => a.demo) && (
            <p class="hint demo-note" data-testid="demo-note">
              {dashboard.accounts.every((a) => a.demo)
                ? 'This is the demo portfolio: invented holdings, kept apart from your own and out of your history.'
                : 'The demo portfolio is kept apart: it is not in “All accounts” or your history.'}{' '}
              <button type="button" class="link" onClick={() => void actions.removeDemo()} data-testid="remove-demo">
                Remove the demo
              </button>
            </p>
          )}
          <ReadStatus accounts={dashboard.accounts} now={new Date()} unreadRows={audit?.portfolio.unreadRows ?? 0} staleAfterDays={model.settings.value.staleAfterDays} />
          {hasNumbers ? <AuditView audit={audit} history={model.scope.value ? [] : model.history.value} onOpenFundFiles={actions.openFundFiles} /> : <EmptyState onOpenDemo={actions.openDemo} />}
          {hasNumbers && !model.scope.value && (
            <RevisionView watch={revisionWatch(audit, model.estimates.value, model.settings.value.megaCapRevisionCaution)} onOpenOptions={actions.openOptions} />
          )}
          {model.progress.value && (
            <p class="hint" role="status" data-testid="screen-progress">
              Screening your small and mid-caps with online data: {model.progress.value.done} of {model.progress.value.total}…
            </p>
          )}
          {hasNumbers && !model.scope.value && (
            <SignalsView signals={model.signals.value} onlineOn={model.settings.value.onlineData.length > 0} now={new Date()} onOpenOptions={actions.openOptions} onExport={() => void actions.exportSignals()} />
          )}
          {hasNumbers && !model.scope.value && model.universe.value && (
            <UniverseView screen={model.universe.value} now={new Date()} onExport={() => void actions.exportUniverse()} />
          )}
        </>
      )}

      {notice && (
        <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}

      <footer>
        <button type="button" data-testid="scan-page" onClick={() => void actions.scanPage()}>
          Scan this page
        </button>
        <button type="button" data-testid="open-report" disabled={!hasNumbers} onClick={actions.openReport}>
          Full report
        </button>
        <button type="button" data-testid="export-json" disabled={!hasNumbers} onClick={() => void actions.exportJson()}>
          Export audit (JSON)
        </button>
        <button type="button" data-testid="export-csv" disabled={!hasNumbers} onClick={() => void actions.exportCsv()}>
          Holdings (CSV)
        </button>
        <span class="links">
          <button type="button" class="link" onClick={actions.openDemo}>
            Demo
          </button>
          <button type="button" class="link" data-testid="import-link" onClick={actions.openImport}>
            Import file
          </button>
          <button type="button" class="link" onClick={actions.openOptions}>
            Options
          </button>
        </span>
      </footer>
    </main>
  );
}
