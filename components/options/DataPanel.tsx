import { useState } from 'preact/hooks';

export interface DataPanelProps {
  counts: { accounts: number; snapshots: number; reads: number; referenceVersions: number };
  /** Bytes used by this extension's storage, when the browser says. */
  usageBytes: number | null;
  onExportHistory: () => Promise<void>;
  onDeleteAll: () => Promise<void>;
}

const bytes = new Intl.NumberFormat('en-US', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

/** What Breadth keeps in this browser, its history export, and deleting it all. */
export function DataPanel({ counts, usageBytes, onExportHistory, onDeleteAll }: DataPanelProps) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  return (
    <fieldset id="data">
      <legend>Your data</legend>
      <p class="lead">Everything stays in this browser’s storage; nothing about you is sent anywhere.</p>
      <ul class="counts" data-testid="stored-counts">
        <li>{counts.accounts} accounts</li>
        <li>{counts.snapshots} kept audits (history)</li>
        <li>{counts.reads} page and file reads logged</li>
        <li>{counts.referenceVersions} refreshed index data versions</li>
        {usageBytes !== null && <li>{bytes.format(usageBytes / 1_000_000)} used</li>}
      </ul>
      <div class="actions">
        <button type="button" disabled={counts.snapshots === 0} onClick={() => void onExportHistory().then(() => setStatus('History saved to your downloads.'), (e: unknown) => setStatus(`Not saved: ${e instanceof Error ? e.message : e}`))}>
          Export the history (JSON)
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              class="danger"
              onClick={async () => {
                await onDeleteAll();
                setConfirming(false);
                setStatus('Everything Breadth stored was deleted.');
              }}
            >
              Yes, delete everything
            </button>
            <button type="button" onClick={() => setConfirming(false)}>Keep my data</button>
          </>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)} data-testid="delete-all">Delete all stored data…</button>
        )}
        <span class="status" role="status">{status}</span>
      </div>
      <p class="hint">Import a history or audit file you exported earlier with the file import above: it is checked whole first, and nothing stored is lost if it fails.</p>
    </fieldset>
  );
}
