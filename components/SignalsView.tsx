import type { StoredSignals } from '@/lib/schema/signals';
import { useState } from 'preact/hooks';
import { BroadeningChart } from './BroadeningChart';
import { CriteriaList } from './CriteriaList';


/** Broken-growth flags and the broadening monitor, or what turning online data on would give. */
export function SignalsView({ signals, onlineOn, now, onOpenOptions, onExport }: { signals: StoredSignals | null; onlineOn: boolean; now: Date; onOpenOptions?: () => void; onExport?: () => void }) {
  const [sortBy, setSortBy] = useState<'passed' | 'ticker'>('passed');
  if (!onlineOn && !signals) {
    return (
      <details data-testid="signals-off">
        <summary>Broken growth &amp; broadening</summary>
        <p class="hint">
          Turn on online data (Options → Online data) to see which of your S&amp;P 400/600 stocks look like <i>broken growth</i> — sound
          businesses beaten down by something that may pass — and whether the market is broadening beyond the giants. Nothing is
          requested until you do.{' '}
          {onOpenOptions && (
            <button type="button" class="link" onClick={onOpenOptions}>
              Open options
            </button>
          )}
        </p>
      </details>
    );
  }
  if (!signals) return <p class="hint">Online data is on: the first refresh is running…</p>;
  const candidates = signals.brokenGrowth.filter((r) => r.verdict === 'candidate');
  return (
    <details data-testid="signals" open={candidates.length > 0}>
      <summary>
        Broken growth? {candidates.length} of {signals.brokenGrowth.length} small/mid-caps
      </summary>
      {signals.broadening && (
        <ul class="broadening" data-testid="broadening">
          {signals.broadening.windows.map((w) => (
            <li key={w.months}>{w.sentence}</li>
          ))}
        </ul>
      )}
      {signals.broadeningChart && <BroadeningChart series={signals.broadeningChart} />}
      {signals.sizeContext && (
        <p class="hint" data-testid="size-context">
          {signals.sizeContext.sentence}
        </p>
      )}
      {signals.brokenGrowth.length === 0 && <p class="hint">You hold no S&amp;P 400 or 600 stocks directly, so there is nothing to screen.</p>}
      {signals.brokenGrowth.length > 1 && (
        <p class="sort">
          <label>
            Sort by{' '}
            <select value={sortBy} onChange={(e) => setSortBy((e.currentTarget as HTMLSelectElement).value as 'passed' | 'ticker')} data-testid="signals-sort">
              <option value="passed">criteria passed</option>
              <option value="ticker">ticker</option>
            </select>
          </label>
          {onExport && (
            <>
              {' '}
              <button type="button" class="link" onClick={onExport}>
                Export (CSV)
              </button>
            </>
          )}
        </p>
      )}
      <ul class="candidates">
        {[...signals.brokenGrowth]
          .sort((a, b) => (sortBy === 'ticker' ? a.ticker.localeCompare(b.ticker) : b.passed - a.passed || a.ticker.localeCompare(b.ticker)))
          .map((r) => (
            <li key={r.ticker} data-verdict={r.verdict}>
              <b>{r.ticker}</b> {r.name} — {r.verdict === 'candidate' ? 'BROKEN GROWTH?' : r.verdict === 'unknown' ? `${r.passed} of 5 checked criteria pass` : `${r.passed} of 5 pass`}
              <CriteriaList criteria={r.criteria} now={now} />
            </li>
          ))}
      </ul>
      {signals.problems.map((p) => (
        <p key={p} class="warn">{p}</p>
      ))}
    </details>
  );
}
