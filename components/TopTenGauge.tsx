import { formatPercent } from '@/lib/ui/format';

interface Props {
  share: number;
  benchmark: number;
}

/** The portfolio's top-10 share as a bar, with the index's own share marked on it. */
export function TopTenGauge({ share, benchmark }: Props) {
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  const w = 100;
  const above = share > benchmark;
  const label = `Top-10 exposure ${formatPercent(share)} against ${formatPercent(benchmark)} in the S&P 500`;
  return (
    <svg class="gauge" viewBox={`0 0 ${w} 14`} preserveAspectRatio="none" role="img" aria-label={label}>
      <title>{label}</title>
      <rect x="0" y="3" width={w} height="8" rx="4" class="gauge-track" />
      <rect x="0" y="3" width={clamp(share) * w} height="8" rx="4" class={above ? 'gauge-fill gauge-over' : 'gauge-fill'} />
      <rect x={clamp(benchmark) * w - 0.4} y="0" width="0.8" height="14" class="gauge-marker" />
    </svg>
  );
}
