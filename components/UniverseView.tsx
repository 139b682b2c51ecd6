import type { StoredUniverseScreen } from '@/lib/schema/signals';
import { formatAgo } from '@/lib/ui/format';
import { CriteriaList } from './CriteriaList';


/** The broken-growth screen of the whole S&P 400/600: the candidates, with their evidence. */
export function UniverseView({ screen, now, onExport }: { screen: StoredUniverseScreen; now: Date; onExport?: () => void }) {
  return (
    <details data-testid="universe">
      <summary>
        S&amp;P 400/600 screen: {screen.candidates.length} candidates of {screen.screened}
      </summary>
      <p class="hint">
        Screened {formatAgo(screen.generatedAt, now)}: fundamentals for {screen.withFundamentals} of {screen.screened} companies from SEC filings, prices and
        filings only where they could change the verdict ({screen.requests} requests).{' '}
        {onExport && screen.candidates.length > 0 && (
          <button type="button" class="link" onClick={onExport}>
            Export (CSV)
          </button>
        )}
      </p>
      <ul class="candidates">
        {screen.candidates.map((r) => (
          <li key={r.ticker}>
            <b>{r.ticker}</b> {r.name}
            <CriteriaList criteria={r.criteria} now={now} />
          </li>
        ))}
      </ul>
    </details>
  );
}
