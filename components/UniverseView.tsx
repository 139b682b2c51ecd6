import type { StoredUniverseScreen } from '@/lib/background/universe';
import { formatAgo } from '@/lib/ui/format';

const MARK = { true: '✓', false: '✗', null: '?' } as const;

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
            <ul class="criteria">
              {r.criteria.map((c) => (
                <li key={c.id} title={c.label}>
                  <span aria-label={c.pass === null ? 'unknown' : c.pass ? 'pass' : 'fail'}>{MARK[String(c.pass) as keyof typeof MARK]}</span> {c.value}
                  {c.evidence?.url && (
                    <>
                      {' '}— <a href={c.evidence.url} target="_blank" rel="noopener noreferrer">{c.evidence.source}</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
