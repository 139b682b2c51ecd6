import type { AuditSnapshot } from '../../lib/schema/audit';
import { topTenOverlap } from '../../lib/report/overlap';
import { formatPercent } from '../../lib/ui/format';

/** The top-10 issuers, direct against through which funds: where the same giants hide twice. */
export function OverlapTable({ audit }: { audit: AuditSnapshot }) {
  const { funds, issuers } = topTenOverlap(audit);
  // "—": that fund holds none of the company; "<0.1%": it does, but less than the table shows.
  const cell = (x: number | undefined) => (!x ? '—' : x < 0.0005 ? '<0.1%' : formatPercent(x));
  return (
    <div class="table-scroll">
      <table class="overlap" data-testid="overlap-table">
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col" class="num">Direct</th>
            {funds.map((f) => (
              <th key={f} scope="col" class="num">via {f}</th>
            ))}
            <th scope="col" class="num">You</th>
            <th scope="col" class="num">S&amp;P 500</th>
          </tr>
        </thead>
        <tbody>
          {issuers.map((i) => (
            <tr key={i.issuer}>
              <th scope="row" title={i.tickers.join(', ')}>{i.issuer}</th>
              <td class="num">{cell(i.direct)}</td>
              {funds.map((f) => (
                <td key={f} class="num">{cell(i.viaFund[f])}</td>
              ))}
              <td class="num"><b>{formatPercent(i.total)}</b></td>
              <td class="num">{formatPercent(i.benchmark)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Top 10</th>
            <td class="num">{formatPercent(issuers.reduce((s, i) => s + i.direct, 0))}</td>
            {funds.map((f) => (
              <td key={f} class="num">{formatPercent(issuers.reduce((s, i) => s + (i.viaFund[f] ?? 0), 0))}</td>
            ))}
            <td class="num"><b>{formatPercent(audit.exposure.topTen.share)}</b></td>
            <td class="num">{formatPercent(audit.exposure.topTen.benchmarkShare)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
