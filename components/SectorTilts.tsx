import type { SectorWeight } from '@/lib/schema/audit';
import { formatPercent, formatPp } from '@/lib/ui/format';

/** Sector weights of your stocks against the S&P 500, as tilts in percentage points (diverging bars). */
export function SectorTilts({ sectors }: { sectors: readonly SectorWeight[] }) {
  const rows = [...sectors].sort((a, b) => Math.abs(b.portfolio - b.benchmark) - Math.abs(a.portfolio - a.benchmark));
  const max = Math.max(0.05, ...rows.map((r) => Math.abs(r.portfolio - r.benchmark)));
  const fin = sectors.find((s) => s.sector === 'Financials');
  return (
    <div class="sectors">
      {fin && (
        <p class="callout">
          <b>Financials</b>: {formatPercent(fin.portfolio)} of your stocks, {formatPercent(fin.benchmark)} of the S&amp;P 500 (
          {formatPp(fin.portfolio - fin.benchmark)}).
        </p>
      )}
      <ul>
        {rows.map((r) => {
          const tilt = r.portfolio - r.benchmark;
          const width = `${(Math.abs(tilt) / max) * 50}%`;
          return (
            <li key={r.sector} class={r.sector === 'Financials' ? 'fin' : undefined} title={`${r.sector}: ${formatPercent(r.portfolio)} vs ${formatPercent(r.benchmark)}`}>
              <span class="name">{r.sector}</span>
              <span class="track" aria-hidden="true">
                <span class={tilt >= 0 ? 'pos' : 'neg'} style={tilt >= 0 ? { left: '50%', width } : { right: '50%', width }} />
              </span>
              <span class="pp">{formatPp(tilt)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
