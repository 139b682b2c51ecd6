import type { AuditedHolding } from '@/lib/schema/audit';
import { fundLines, seenThroughLine } from '@/lib/ui/bounds';
import { formatPercent } from '@/lib/ui/format';
import { CATEGORY_LABELS } from '@/lib/export/holdings-csv';

/**
 * Each fund (and each symbol Breadth does not know), one line per symbol across accounts: its name,
 * its share of the portfolio, and how Breadth saw into it ("seen through VTI's holdings (Vanguard,
 * 2025-10-31): share class") or why it could not.
 */
export function FundList({ holdings }: { holdings: readonly AuditedHolding[] }) {
  const lines = fundLines(holdings);
  if (lines.length === 0) return null;
  return (
    <ul class="funds" data-testid="fund-list">
      {lines.map((f) => (
        <li key={`${f.category}:${f.name}`} data-symbol={f.name} data-category={f.category}>
          <div class="fund-head">
            <b>{f.name}</b>
            {f.fundName && <span class="fund-name">{f.fundName}</span>}
            <span class="fund-share">{formatPercent(f.share)}</span>
          </div>
          <p class={`fund-note cat-${f.category}`} data-testid="fund-note">
            {f.seenThrough ? (
              // "seen through VTI's holdings (Vanguard, 2025-10-31): share class" says what it is.
              <span class="seen-through">{seenThroughLine(f.seenThrough)}</span>
            ) : (
              <>
                <span class="fund-cat">{CATEGORY_LABELS[f.category]}</span>
                {f.reason ? ` · ${f.reason}` : ''}
              </>
            )}
            {f.category === 'fund' && f.topTenLookThrough != null ? ` · ${formatPercent(f.topTenLookThrough)} in the top 10` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
