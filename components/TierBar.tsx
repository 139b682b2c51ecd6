import { TIER_IDS, type Tiers } from '@/lib/schema/audit';
import { formatPercent } from '@/lib/ui/format';
import { TIER_HINTS, TIER_LABELS, tierColor } from './labels';

/** The whole portfolio in tiers: one stacked bar and a legend that names every tier with its share. */
export function TierBar({ tiers }: { tiers: Tiers }) {
  const shown = TIER_IDS.filter((id) => Math.abs(tiers[id] ?? 0) >= 0.0005);
  return (
    <div class="tiers">
      <div class="tier-bar" role="img" aria-label={shown.map((id) => `${TIER_LABELS[id]} ${formatPercent(tiers[id])}`).join(', ')}>
        {shown
          .filter((id) => tiers[id] > 0)
          .map((id) => (
            <span key={id} data-tier={id} style={{ width: `${tiers[id] * 100}%`, background: tierColor(id) }} title={`${TIER_LABELS[id]}: ${formatPercent(tiers[id])}`} />
          ))}
      </div>
      <ul class="legend">
        {shown.map((id) => (
          <li key={id} data-tier={id} title={TIER_HINTS[id]}>
            <i style={{ background: tierColor(id) }} aria-hidden="true" />
            <span>{TIER_LABELS[id]}</span>
            <b>{formatPercent(tiers[id])}</b>
          </li>
        ))}
      </ul>
    </div>
  );
}
