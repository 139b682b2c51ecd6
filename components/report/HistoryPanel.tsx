import { useEffect, useState } from 'preact/hooks';
import type { SnapshotSummary } from '../../lib/schema/history';
import type { SnapshotDiff } from '../../lib/history/diff';
import { TIER_IDS } from '../../lib/schema/audit';
import { formatDateTime as when, formatMoney, formatPercent } from '../../lib/ui/format';
import { TIER_LABELS } from '../labels';
import { HistoryChart } from './charts';

export type KeptSummary = SnapshotSummary & { id: number };

interface Props {
  history: readonly KeptSummary[];
  /** Loads two kept audits and diffs them (absent in the CLI's static report). */
  onDiff?: (fromId: number, toId: number) => Promise<SnapshotDiff>;
  onDelete?: (id: number) => void;
}


/** The kept audits: the line chart, the list (with delete), and a diff between any two. */
export function HistoryPanel({ history, onDiff, onDelete }: Props) {
  const [fromId, setFromId] = useState<number | null>(history.length > 1 ? history[history.length - 2]!.id : null);
  const [toId, setToId] = useState<number | null>(history.length > 0 ? history[history.length - 1]!.id : null);
  const [diff, setDiff] = useState<SnapshotDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDiff(null);
    if (!onDiff || fromId === null || toId === null || fromId === toId) return;
    const [a, b] = [history.find((h) => h.id === fromId), history.find((h) => h.id === toId)];
    if (!a || !b) return;
    const [older, newer] = a.generatedAt <= b.generatedAt ? [a.id, b.id] : [b.id, a.id];
    onDiff(older, newer).then(setDiff, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [fromId, toId, history, onDiff]);

  if (history.length === 0) {
    return <p class="empty">No audits kept yet. Each time your holdings change, Breadth keeps the audit here so you can compare quarters.</p>;
  }
  return (
    <div class="history" data-testid="history">
      {history.length > 1 ? <HistoryChart points={history} /> : <p class="empty">One audit kept so far: the chart starts with the next change to your holdings.</p>}
      {onDiff && history.length > 1 && (
        <div class="diff no-print-controls">
          <label>
            Compare{' '}
            <select value={fromId ?? ''} onChange={(e) => setFromId(Number(e.currentTarget.value))} data-testid="diff-from">
              {history.map((h) => <option key={h.id} value={h.id}>{when(h.generatedAt)}</option>)}
            </select>
          </label>{' '}
          <label>
            with{' '}
            <select value={toId ?? ''} onChange={(e) => setToId(Number(e.currentTarget.value))} data-testid="diff-to">
              {history.map((h) => <option key={h.id} value={h.id}>{when(h.generatedAt)}</option>)}
            </select>
          </label>
          {error && <p class="error" role="alert">Could not compare these audits: {error}</p>}
          {diff && (
            <div class="diff-result" aria-live="polite">
              <p class="diff-summary" data-testid="diff-summary">{diff.summary.charAt(0).toUpperCase() + diff.summary.slice(1)}.</p>
              <table class="diff-tiers">
                <thead><tr><th scope="col">Tier</th><th scope="col" class="num">Then</th><th scope="col" class="num">Now</th></tr></thead>
                <tbody>
                  {TIER_IDS.filter((id) => (diff.tiers[id].from ?? 0) > 0.0005 || (diff.tiers[id].to ?? 0) > 0.0005).map((id) => (
                    <tr key={id}><th scope="row">{TIER_LABELS[id]}</th><td class="num">{formatPercent(diff.tiers[id].from ?? 0)}</td><td class="num">{formatPercent(diff.tiers[id].to ?? 0)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      <table class="kept">
        <caption>{history.length} {history.length === 1 ? 'audit' : 'audits'} kept</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col" class="num">Value</th>
            <th scope="col" class="num">Top 10</th>
            <th scope="col" class="num">Active share</th>
            <th scope="col">Index data</th>
            {onDelete && <th scope="col" class="no-print"><span class="visually-hidden">Delete</span></th>}
          </tr>
        </thead>
        <tbody>
          {[...history].reverse().map((h) => (
            <tr key={h.id} data-testid="kept-audit">
              <th scope="row">{when(h.generatedAt)}{h.scopeLabel !== 'All accounts' ? ` (${h.scopeLabel})` : ''}</th>
              <td class="num">{formatMoney(h.totalValue)}</td>
              <td class="num">{formatPercent(h.topTenShare)}</td>
              <td class="num">{h.activeShare === null ? '—' : formatPercent(h.activeShare)}</td>
              <td>{h.referenceAsOf}</td>
              {onDelete && (
                <td class="no-print">
                  <button type="button" class="link" onClick={() => onDelete(h.id)} aria-label={`Delete the audit of ${when(h.generatedAt)}`}>Delete</button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
