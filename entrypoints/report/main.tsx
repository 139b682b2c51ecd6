import { render } from 'preact';
import { saveFile } from '@/lib/ui/save-file';
import { storage } from '#imports';
import { deleteSnapshot, listSnapshots, loadDashboard, loadSnapshotAudits, loadSnapshotBytes } from '@/lib/db';
import { ReportApp, type ReportDeps } from '@/components/report/ReportApp';
import '@/components/report/report.css';

const params = new URLSearchParams(location.search);
const deps: ReportDeps = {
  loadDashboard,
  listSnapshots,
  loadSnapshotAudits,
  loadSnapshotBytes,
  deleteSnapshot,
  save: saveFile,
  subscribe: (reload) => storage.watch<number>('local:dataVersion', reload),
  initialScope: params.get('scope') ?? '',
  onScopeChange: (scope) => history.replaceState(null, '', scope ? `?scope=${encodeURIComponent(scope)}` : location.pathname),
};
render(<ReportApp {...deps} />, document.getElementById('app')!);
