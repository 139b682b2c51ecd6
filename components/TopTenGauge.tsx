import { formatPercent } from '@/lib/ui/format';

interface Props {
  share: number;
  benchmark: number;
  /** When the figure is a bound: where it would be if the unseen money held the S&P 500, and the most it could be. */
  bound?: { ifLikeIndex: number; atMost: number } | null;
}

/**
 * The portfolio's top-10 share as a bar, with the index's own share marked on it. A bounded figure
 * draws what was seen solid and the range it could reach (up to "at most") hatched, with a tick
 * where it would be if the unseen money held what the S&P 500 holds.
 */
export function TopTenGauge({ share, benchmark, bound }: Props) {
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  const w = 100;
  const above = share > benchmark;
  const label = bound
    ? `Top-10 exposure at least ${formatPercent(share)}, ${formatPercent(bound.ifLikeIndex)} if the unseen money holds what the S&P 500 holds, at most ${formatPercent(bound.atMost)}; ${formatPercent(benchmark)} in the S&P 500`
    : `Top-10 exposure ${formatPercent(share)} against ${formatPercent(benchmark)} in the S&P 500`;
  return (
    <svg class="gauge" viewBox={`0 0 ${w} 14`} preserveAspectRatio="none" role="img" aria-label={label}>
      <title>{label}</title>
      <rect x="0" y="3" width={w} height="8" rx="4" class="gauge-track" />
      {bound && <rect x="0" y="3" width={clamp(bound.atMost) * w} height="8" rx="4" class="gauge-range" data-part="range" />}
      <rect x="0" y="3" width={clamp(share) * w} height="8" rx="4" class={above ? 'gauge-fill gauge-over' : 'gauge-fill'} />
      {bound && <rect x={clamp(bound.ifLikeIndex) * w - 0.6} y="3" width="1.2" height="8" class="gauge-likely" data-part="if-like-index" />}
      <rect x={clamp(benchmark) * w - 0.4} y="0" width="0.8" height="14" class="gauge-marker" />
    </svg>
  );
}
