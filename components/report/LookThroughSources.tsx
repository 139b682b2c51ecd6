import type { AuditSnapshot, SeenThrough } from '../../lib/schema/audit';
import { formatDate } from '../../lib/ui/format';

const RELATION: Record<SeenThrough['relation'], string> = {
  own: 'its own',
  'share-class': 'share class',
  'same-index': 'same index',
};

/**
 * Every look-through source of the audit: whose holdings, who published them, as of when, and which
 * of your holdings were seen through them (with why, where a fund stood in for another).
 */
export function LookThroughSources({ audit }: { audit: AuditSnapshot }) {
  // Where a fund's holdings stood in for another fund's (a share class, a fund on the same index).
  const relationOf = new Map<string, SeenThrough['relation']>();
  for (const h of audit.holdings) {
    if (h.seenThrough?.kind === 'holdings' && h.symbol) relationOf.set(`${h.seenThrough.source}\u0000${h.symbol}`, h.seenThrough.relation);
  }
  const sources = [...(audit.exposure.lookThroughSources ?? [])].sort((a, b) => a.asOf.localeCompare(b.asOf) || a.source.localeCompare(b.source));
  return (
    <div class="table-scroll">
      <table class="sources" data-testid="lookthrough-sources">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Publisher</th>
            <th scope="col">As of</th>
            <th scope="col">Used for</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={`${s.source}:${s.asOf}`}>
              <th scope="row">{s.source}</th>
              <td>{s.publisher ?? '—'}</td>
              <td><time dateTime={s.asOf}>{formatDate(s.asOf)}</time></td>
              <td>
                {s.usedFor.map((symbol, i) => {
                  const relation = relationOf.get(`${s.source}\u0000${symbol}`);
                  return (
                    <span key={symbol} class="used-for">
                      {i > 0 && ', '}
                      <b>{symbol}</b>
                      {relation && relation !== 'own' && <span class="desc"> ({RELATION[relation]})</span>}
                    </span>
                  );
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
