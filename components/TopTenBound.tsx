import type { AuditSnapshot } from '@/lib/schema/audit';
import { topTenWords } from '@/lib/ui/bounds';

type TopTen = AuditSnapshot['exposure']['topTen'];

/**
 * Right under a bounded "at least 21.8 %": "26.5% if your unseen funds hold what the S&P 500 holds
 * (at most 33.8%)." Nothing when the figure is not a bound.
 */
export function TopTenIfLikeIndex({ topTen }: { topTen: TopTen }) {
  const w = topTenWords(topTen);
  if (!w.bounded) return null;
  return (
    <p class="bound-if" data-testid="top10-if-like-index">
      {w.ifLikeIndex} ({w.atMost}).
    </p>
  );
}

/**
 * Under a bounded figure: what is missing (the largest unseen holdings by name and share) and how
 * to see more, with a way there when the page can open the options page. Nothing when not bounded.
 */
export function TopTenMissing({ topTen, onFix }: { topTen: TopTen; onFix?: () => void }) {
  const w = topTenWords(topTen);
  if (!w.bounded) return null;
  return (
    <p class="bound-missing" data-testid="top10-missing">
      {w.missing} {w.fix}
      {onFix && (
        <>
          {' '}
          <button type="button" class="link" onClick={onFix} data-testid="open-fund-files">
            Open Index data
          </button>
        </>
      )}
    </p>
  );
}
