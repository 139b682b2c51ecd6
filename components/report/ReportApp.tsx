import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Dashboard } from '../../lib/schema/dashboard';
import type { AuditSnapshot } from '../../lib/schema/audit';
import { diffSnapshots, type SnapshotDiff } from '../../lib/history/diff';
import { auditFileName, auditToJson, holdingsToCsv } from '../../lib/export/holdings-csv';
import { historyFileName, historyFileParts } from '../../lib/history/files';
import { AccountPicker } from '../AccountPicker';
import { Report } from './Report';
import type { KeptSummary } from './HistoryPanel';

export interface ReportDeps {
  loadDashboard: () => Promise<Dashboard>;
  listSnapshots: () => Promise<KeptSummary[]>;
  loadSnapshotAudits: (ids?: readonly number[]) => Promise<AuditSnapshot[]>;
  /** Every kept audit as stored (UTF-8 JSON), oldest first (the history export). */
  loadSnapshotBytes: () => Promise<Uint8Array[]>;
  deleteSnapshot: (id: number) => Promise<void>;
  /** Saves a file for the user (a download), from its text or its parts. */
  save: (content: string | readonly (string | Uint8Array)[], type: string, fileName: string) => void;
  /** Bumped by the background after every write: the report reloads. */
  subscribe?: (reload: () => void) => void;
  initialScope?: string;
  onScopeChange?: (scope: string) => void;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; dashboard: Dashboard; history: KeptSummary[] };

/** The report page: loads what is stored, draws the report, offers print and the exports. */
export function ReportApp(deps: ReportDeps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [scope, setScope] = useState(deps.initialScope ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const [dashboard, history] = await Promise.all([deps.loadDashboard(), deps.listSnapshots()]);
      // Measured by `npm run bench`: from the data in hand to the report on screen.
      performance.mark('breadth:report-data-loaded');
      setState({ kind: 'ready', dashboard, history });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [deps]);
  useEffect(() => {
    void load();
    deps.subscribe?.(() => void load());
  }, [load, deps]);
  useEffect(() => {
    if (state.kind === 'ready' && performance.getEntriesByName('breadth:report-rendered').length === 0) performance.mark('breadth:report-rendered');
  }, [state]);
  const onDiff = useCallback(async (fromId: number, toId: number): Promise<SnapshotDiff> => {
    const [a, b] = await deps.loadSnapshotAudits([fromId, toId]);
    if (!a || !b) throw new Error('one of the two audits is no longer stored');
    return diffSnapshots(a, b);
  }, [deps]);

  if (state.kind === 'loading') return <p class="report empty">Loading your audit…</p>;
  if (state.kind === 'error') {
    return <p class="report error" role="alert">Breadth could not open its stored data ({state.message}). Reload the page; if it persists, delete the stored data on the options page.</p>;
  }
  const { dashboard, history } = state;
  const audit = scope ? dashboard.byAccount[scope] ?? null : dashboard.household;
  if (!audit || audit.portfolio.holdingsCount === 0) {
    return (
      <div class="report">
        <h1><span class="logo" aria-hidden="true">◔</span> Breadth audit</h1>
        <p class="empty" role="status">No holdings read yet. Open your brokerage’s positions page, or import the positions file it lets you download (options page), then open this report again.</p>
      </div>
    );
  }
  const changeScope = (key: string) => {
    setScope(key);
    deps.onScopeChange?.(key);
  };
  const controls = (
    <>
      <AccountPicker accounts={dashboard.accounts} value={scope} onChange={changeScope} />
      <button type="button" class="primary" onClick={() => window.print()} data-testid="print">Print / save as PDF</button>
      <button type="button" onClick={() => deps.save(auditToJson(audit), 'application/json', auditFileName(audit, 'audit', 'json'))}>Audit (JSON)</button>
      <button type="button" onClick={() => deps.save(holdingsToCsv(audit), 'text/csv', auditFileName(audit, 'holdings', 'csv'))}>Holdings (CSV)</button>
      <button
        type="button"
        data-testid="export-history"
        onClick={async () => {
          performance.mark('breadth:export-start');
          const now = new Date();
          deps.save(historyFileParts(await deps.loadSnapshotBytes(), now), 'application/json', historyFileName(now));
          performance.measure('breadth:export-history', 'breadth:export-start');
        }}
      >
        History (JSON)
      </button>
    </>
  );
  return (
    <>
      {notice && <p class="notice" role="status">{notice}</p>}
      <Report
        audit={audit}
        history={history}
        now={new Date()}
        controls={controls}
        onDiff={onDiff}
        onDeleteSnapshot={async (id) => {
          if (!window.confirm('Delete this kept audit? This cannot be undone.')) return;
          await deps.deleteSnapshot(id);
          setNotice('Deleted one kept audit.');
          await load();
        }}
      />
    </>
  );
}
