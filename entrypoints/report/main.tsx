import { render } from 'preact';
import { storage } from '#imports';
import { deleteSnapshot, listSnapshots, loadDashboard, loadSnapshotAudits, loadSnapshotBytes } from '@/lib/db';
import { ReportApp, type ReportDeps } from '@/components/report/ReportApp';
import '@/components/report/report.css';

/** Extension pages may download through an anchor: no `downloads` call needed for the report. */
function save(content: string | readonly (string | Uint8Array)[], type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob(typeof content === 'string' ? [content] : (content as BlobPart[]), { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const params = new URLSearchParams(location.search);
const deps: ReportDeps = {
  loadDashboard,
  listSnapshots,
  loadSnapshotAudits,
  loadSnapshotBytes,
  deleteSnapshot,
  save,
  subscribe: (reload) => storage.watch<number>('local:dataVersion', reload),
  initialScope: params.get('scope') ?? '',
  onScopeChange: (scope) => history.replaceState(null, '', scope ? `?scope=${encodeURIComponent(scope)}` : location.pathname),
};
render(<ReportApp {...deps} />, document.getElementById('app')!);
