import { formatDate } from '@/lib/ui/format';

const LABELS = { rsp: 'Equal-weight S&P 500 (RSP)', ijh: 'Mid caps (IJH)', ijr: 'Small caps (IJR)' } as const;

/**
 * Each of RSP, IJH and IJR divided by SPY, starting at 1: a line rising above 1 means that part of
 * the market has done better than the cap-weighted index since the start — the market broadening.
 */
export function BroadeningChart({ series }: { series: readonly { key: 'rsp' | 'ijh' | 'ijr'; points: readonly { date: string; value: number }[] }[] }) {
  const all = series.flatMap((s) => s.points);
  if (all.length < 2) return null;
  const W = 720;
  const H = 220;
  const left = 60;
  const bottom = 26;
  const top = 10;
  const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const t0 = Math.min(...all.map((p) => t(p.date)));
  const t1 = Math.max(...all.map((p) => t(p.date)));
  const lo = Math.min(0.9, ...all.map((p) => p.value));
  const hi = Math.max(1.1, ...all.map((p) => p.value));
  const x = (d: string) => left + ((t(d) - t0) / Math.max(1, t1 - t0)) * (W - left - 10);
  const y = (v: number) => top + (1 - (v - lo) / (hi - lo)) * (H - top - bottom);
  const first = all.reduce((a, b) => (a.date < b.date ? a : b)).date;
  const last = all.reduce((a, b) => (a.date > b.date ? a : b)).date;
  return (
    <figure class="chart broadening-chart" data-chart="broadening">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="RSP, IJH and IJR against SPY since the start of the chart: above the line at 1 they did better than the cap-weighted S&P 500">
        <line x1={left} x2={W - 10} y1={y(1)} y2={y(1)} class="grid" />
        <text x={left - 6} y={y(1) + 5} text-anchor="end" class="tick">= SPY</text>
        <text x={left - 6} y={y(hi) + 14} text-anchor="end" class="tick">{`+${Math.round((hi - 1) * 100)}%`}</text>
        <text x={left - 6} y={y(lo)} text-anchor="end" class="tick">{`${Math.round((lo - 1) * 100)}%`}</text>
        <text x={left} y={H - 6} class="tick">{formatDate(first)}</text>
        <text x={W - 10} y={H - 6} text-anchor="end" class="tick">{formatDate(last)}</text>
        {series.map((s) => (
          <polyline key={s.key} class={`series series-${s.key}`} data-series={s.key} fill="none" points={s.points.map((p) => `${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')} />
        ))}
      </svg>
      <figcaption>
        <ul class="legend">
          {series.map((s) => (
            <li key={s.key} class={`series-${s.key}`}>
              <i aria-hidden="true" /> {LABELS[s.key]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
