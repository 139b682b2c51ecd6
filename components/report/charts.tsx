/**
 * The report's pictures as small SVG components. A charting library would cost more than it gives
 * here: three simple shapes, which must print crisply (vector, not canvas), follow the page's theme
 * through CSS variables, render to a string for the CLI's HTML report, and carry text alternatives.
 */
import { TIER_IDS, type SectorWeight, type Tiers } from '../../lib/schema/audit';
import type { SnapshotSummary } from '../../lib/schema/history';
import { formatDate, formatPercent, formatPp } from '../../lib/ui/format';
import { TIER_HINTS, TIER_LABELS, tierColor } from '../labels';

/** The tiers as one stacked bar with a labelled legend (share of the whole portfolio). */
export function TierStack({ tiers }: { tiers: Tiers }) {
  const shown = TIER_IDS.filter((id) => tiers[id] > 0.0005);
  let x = 0;
  const label = shown.map((id) => `${TIER_LABELS[id]} ${formatPercent(tiers[id])}`).join(', ');
  return (
    <figure class="chart tier-stack" data-chart="tiers">
      <svg viewBox="0 0 1000 48" preserveAspectRatio="none" role="img" aria-label={`Where the money is: ${label}`}>
        {shown.map((id) => {
          const w = tiers[id] * 1000;
          const rect = <rect key={id} data-tier={id} x={x} y="0" width={w} height="48" style={{ fill: tierColor(id) }}><title>{`${TIER_LABELS[id]}: ${formatPercent(tiers[id])}`}</title></rect>;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {shown.map((id) => (
            <li key={id} data-tier={id} title={TIER_HINTS[id]}>
              <i style={{ background: tierColor(id) }} aria-hidden="true" /> {TIER_LABELS[id]} <b>{formatPercent(tiers[id])}</b>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** Sector tilts against the S&P 500 as diverging bars (right = more than the index). */
export function SectorChart({ sectors }: { sectors: readonly SectorWeight[] }) {
  const rows = [...sectors].sort((a, b) => b.portfolio - b.benchmark - (a.portfolio - a.benchmark));
  const max = Math.max(0.05, ...rows.map((r) => Math.abs(r.portfolio - r.benchmark)));
  const rowH = 26;
  const labelW = 210;
  const half = 300;
  const mid = labelW + half;
  const height = rows.length * rowH + 24;
  return (
    <figure class="chart sector-chart" data-chart="sectors">
      <svg viewBox={`0 0 ${labelW + 2 * half + 90} ${height}`} role="img" aria-label="Sector tilts of your stocks against the S&P 500, in percentage points">
        <line x1={mid} x2={mid} y1="0" y2={height - 20} class="axis" />
        {rows.map((r, i) => {
          const tilt = r.portfolio - r.benchmark;
          const w = (Math.abs(tilt) / max) * half;
          const y = i * rowH;
          return (
            <g key={r.sector} data-sector={r.sector} class={r.sector === 'Financials' ? 'fin' : undefined}>
              <title>{`${r.sector}: ${formatPercent(r.portfolio)} of your stocks, ${formatPercent(r.benchmark)} of the S&P 500 (${formatPp(tilt)})`}</title>
              <text x={labelW - 8} y={y + 17} text-anchor="end" class="label">{r.sector}</text>
              <rect x={tilt >= 0 ? mid : mid - w} y={y + 5} width={Math.max(w, 0.5)} height={rowH - 10} class={tilt >= 0 ? 'over' : 'under'} />
              <text x={tilt >= 0 ? mid + w + 6 : mid + 6} y={y + 17} class="value">{formatPp(tilt)}</text>
            </g>
          );
        })}
        <text x={mid - 6} y={height - 4} text-anchor="end" class="hint">less than the index</text>
        <text x={mid + 6} y={height - 4} class="hint">more than the index</text>
      </svg>
    </figure>
  );
}

interface Series {
  id: string;
  label: string;
  value: (s: SnapshotSummary) => number | null;
  dashed?: boolean;
}

export const HISTORY_SERIES: readonly Series[] = [
  { id: 'top10', label: 'Top-10 exposure', value: (s) => s.topTenShare },
  { id: 'index', label: 'S&P 500’s own top 10', value: (s) => s.benchmarkShare, dashed: true },
  { id: 'active', label: 'Active share', value: (s) => s.activeShare },
  { id: 'midsmall', label: 'Mid + small caps', value: (s) => s.tiers.sp400 + s.tiers.sp600 },
  { id: 'cash', label: 'Cash', value: (s) => s.tiers.cash },
];

/** How the headline figures moved, one point per kept audit, on a time axis. */
export function HistoryChart({ points }: { points: readonly SnapshotSummary[] }) {
  const W = 720;
  const H = 240;
  const left = 60;
  const right = 16;
  const top = 12;
  const bottom = 28;
  const times = points.map((p) => Date.parse(p.generatedAt));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number) => (t1 === t0 ? (left + W - right) / 2 : left + ((t - t0) / (t1 - t0)) * (W - left - right));
  const y = (v: number) => top + (1 - Math.max(0, Math.min(1, v))) * (H - top - bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <figure class="chart history-chart" data-chart="history">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`History of ${points.length} audits: top-10 exposure, active share, mid and small caps and cash over time`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={W - right} y1={y(t)} y2={y(t)} class="grid" />
            <text x={left - 6} y={y(t) + 4} text-anchor="end" class="tick">{formatPercent(t, 0)}</text>
          </g>
        ))}
        {first && <text x={left} y={H - 8} class="tick">{formatDate(first.generatedAt.slice(0, 10))}</text>}
        {last && last !== first && <text x={W - right} y={H - 8} text-anchor="end" class="tick">{formatDate(last.generatedAt.slice(0, 10))}</text>}
        {HISTORY_SERIES.map((s) => {
          const pts = points.flatMap((p, i) => {
            const v = s.value(p);
            return v === null ? [] : [[x(times[i]!), y(v)] as const];
          });
          return (
            <g key={s.id} class={`series series-${s.id}`} data-series={s.id}>
              {pts.length > 1 && <polyline points={pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')} fill="none" stroke-dasharray={s.dashed ? '5 4' : undefined} />}
              {pts.map(([a, b], i) => (
                <circle key={i} cx={a} cy={b} r="3" />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {HISTORY_SERIES.map((s) => (
            <li key={s.id} class={`series-${s.id}`}>
              <i aria-hidden="true" /> {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
