import type { TopTenIssuer } from '@/lib/schema/audit';
import { formatPercent } from '@/lib/ui/format';

/** Each top-10 company: your share of it, split into direct holdings and what funds hold for you. */
export function TopTenList({ issuers }: { issuers: readonly TopTenIssuer[] }) {
  const max = Math.max(0.0001, ...issuers.map((i) => i.share), ...issuers.map((i) => i.benchmark));
  return (
    <table class="issuers">
      <thead>
        <tr>
          <th scope="col">Company</th>
          <th scope="col">You</th>
          <th scope="col">Index</th>
        </tr>
      </thead>
      <tbody>
        {issuers.map((i) => (
          <tr key={i.issuer}>
            <th scope="row" title={i.tickers.join(', ')}>
              {i.issuer}
              <span class="bar" aria-hidden="true">
                <span class="direct" style={{ width: `${(i.direct / max) * 100}%` }} />
                <span class="via" style={{ width: `${(i.viaFunds / max) * 100}%` }} />
              </span>
            </th>
            <td title={`direct ${formatPercent(i.direct)} + through funds ${formatPercent(i.viaFunds)}`}>{formatPercent(i.share)}</td>
            <td>{formatPercent(i.benchmark)}</td>
          </tr>
        ))}
      </tbody>
      <caption>
        <span class="key direct" /> direct <span class="key via" /> through funds
      </caption>
    </table>
  );
}
