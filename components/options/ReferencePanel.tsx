import { useState } from 'preact/hooks';
import { DropZone } from '../DropZone';
import type { ReferenceState } from '../../lib/schema/reference';
import { INDEX_LABELS } from '../../lib/schema/reference';
import { REFERENCE_STALE_AFTER_DAYS, referenceAgeDays } from '../../lib/reference/age';
import { formatDate, formatDateTime } from '../../lib/ui/format';

export interface ReferencePanelProps {
  /** The reference in use (a refreshed one, or the bundled data) and whether a rollback exists. */
  inUse: ReferenceState;
  refreshed: boolean;
  canRollBack: boolean;
  now: Date;
  /** Imports holdings files one after another; resolves with one line per file (what changed). */
  onFiles: (files: { name: string; bytes: Uint8Array }[]) => Promise<{ name: string; ok: boolean; text: string }[]>;
  onRollBack: () => Promise<void>;
  onReset: () => Promise<void>;
  /** The opt-in weekly fetch from iShares: whether it is on, what it last did, and the switch. */
  autoRefresh?: {
    enabled: boolean;
    last: { at: string; results: { fund: string; ok: boolean; text: string }[] } | null;
    /** Asks the permission when turning on; resolves with what to tell the user. */
    onToggle: (on: boolean) => Promise<string>;
  };
}

/** The index data every figure depends on: its age, its sources, and refreshing it from files. */
export function ReferencePanel({ inUse, refreshed, canRollBack, now, onFiles, onRollBack, onReset, autoRefresh }: ReferencePanelProps) {
  const [autoStatus, setAutoStatus] = useState('');
  const [results, setResults] = useState<{ name: string; ok: boolean; text: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const age = referenceAgeDays(inUse.snapshot.asOf, now);
  const stale = age > REFERENCE_STALE_AFTER_DAYS;

  async function take(list: FileList | null | undefined) {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    try {
      setResults(await onFiles(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset id="reference" aria-busy={busy}>
      <legend>Index data</legend>
      <p data-testid="reference-in-use">
        In use: {refreshed ? 'refreshed by you' : 'bundled with this version of Breadth'}, as of <b>{formatDate(inUse.snapshot.asOf)}</b> ({age} days old).
      </p>
      {stale && (
        <p class="problem" role="status">
          Older than {REFERENCE_STALE_AFTER_DAYS} days: index weights drift as prices move. Download current holdings files and drop them below.
        </p>
      )}
      <table class="sources">
        <thead>
          <tr><th scope="col">Index</th><th scope="col">From</th><th scope="col">As of</th></tr>
        </thead>
        <tbody>
          {inUse.snapshot.sources.map((s) => (
            <tr key={s.index}>
              <th scope="row">{INDEX_LABELS[s.index]}</th>
              <td>{s.publisher} {s.fund}</td>
              <td data-testid={`source-${s.index}`}>{s.asOf}</td>
            </tr>
          ))}
          {inUse.funds.map((f) => (
            <tr key={f.ticker}>
              <th scope="row">{f.ticker} (look-through)</th>
              <td>{f.publisher} — {f.name}, {f.holdings?.length ?? 0} stocks</td>
              <td>{f.asOf}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {refreshed && <p class="hint">Last change: {inUse.change}</p>}
      <DropZone onFiles={(files) => void take(files)}>
        <p>
          Drop fund holdings files here, or{' '}
          <label class="file-button">
            choose files
            <input type="file" multiple accept=".csv,.xlsx" data-testid="reference-file" onChange={(e) => void take((e.currentTarget as HTMLInputElement).files)} />
          </label>
          .
        </p>
        <p class="hint">
          iShares IVV, IJH and IJR (the “Detailed holdings” CSV on each fund’s page) refresh the S&amp;P 500, 400 and 600; SPDR’s SPY
          daily holdings (.xlsx) refreshes S&amp;P 500 weights. Any other iShares, SPDR or Invesco fund file (QQQ, a sector ETF…)
          lets Breadth see inside that fund.
        </p>
        {busy && <p role="status">Reading…</p>}
        {results.map((r) => (
          <p key={r.name} class={r.ok ? 'import-done' : 'import-error'} role={r.ok ? 'status' : 'alert'} data-testid="reference-result">
            {r.name}: {r.text}
          </p>
        ))}
      </DropZone>
      {autoRefresh && (
        <div class="auto-refresh">
          <label>
            <input
              type="checkbox"
              checked={autoRefresh.enabled}
              data-testid="reference-auto"
              onChange={(e) => void autoRefresh.onToggle((e.currentTarget as HTMLInputElement).checked).then(setAutoStatus)}
            />{' '}
            Fetch the IVV, IJH and IJR files from iShares myself, every week
          </label>
          <p class="hint">
            Off unless you turn it on. Breadth then asks your permission to reach www.ishares.com, requests only those three public
            files (3 requests a week, no cookies, nothing about you), and keeps each refresh as a version you can undo.
          </p>
          {autoStatus && <p role="status">{autoStatus}</p>}
          {autoRefresh.last && (
            <p class="hint" data-testid="reference-auto-last">
              Last fetch {formatDateTime(autoRefresh.last.at)}:{' '}
              {autoRefresh.last.results.map((r) => `${r.fund} ${r.text}`).join('; ')}.
            </p>
          )}
        </div>
      )}
      <div class="actions">
        <button type="button" disabled={!canRollBack && !refreshed} onClick={() => void onRollBack().then(() => setResults([]))} data-testid="reference-rollback">
          Undo the last refresh
        </button>
        <button type="button" disabled={!refreshed} onClick={() => void onReset().then(() => setResults([]))}>
          Use the bundled data again
        </button>
      </div>
    </fieldset>
  );
}
