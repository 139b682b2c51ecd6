import type { Tiers, TierId } from '@/lib/schema/audit';
import { formatPercent } from '@/lib/ui/format';
import { TIER_COLORS, TIER_LABELS } from './labels';

/** The whole portfolio in tiers: one stacked bar and a legend that names every tier with its share. */
export function TierBar({ tiers }: { tiers: Tiers }) {
  const ids = Object.keys(TIER_LABELS) as TierId[];
  const shown = ids.filter((id) => Math.abs(tiers[id]) >= 0.0005);
  return (
    <div class="tiers">
      <div class="tier-bar" role="img" aria-label={shown.map((id) => `${TIER_LABELS[id]} ${formatPercent(tiers[id])}`).join(', ')}>
        {shown
          .filter((id) => tiers[id] > 0)
          .map((id) => (
            <span key={id} style={{ width: `${tiers[id] * 100}%`, background: TIER_COLORS[id] }} title={`${TIER_LABELS[id]}: ${formatPercent(tiers[id])}`} />
          ))}
      </div>
      <ul class="legend">
        {shown.map((id) => (
          <li key={id} data-tier={id}>
            <i style={{ background: TIER_COLORS[id] }} aria-hidden="true" />
            <span>{TIER_LABELS[id]}</span>
            <b>{formatPercent(tiers[id])}</b>
          </li>
        ))}
      </ul>
    </div>
  );
}
