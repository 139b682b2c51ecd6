import type { AccountSummary } from '@/lib/schema/dashboard';
import { formatAgo } from '@/lib/ui/format';

/** Freshness of what is shown, partial reads, and rows that could not be understood (with reasons). */
export function ReadStatus({ accounts, now, unreadRows, staleAfterDays = 14 }: { accounts: readonly AccountSummary[]; now: Date; unreadRows: number; staleAfterDays?: number }) {
  if (accounts.length === 0) return null;
  const latest = [...accounts].sort((a, b) => b.readAt.localeCompare(a.readAt))[0]!;
  const skipped = accounts.flatMap((a) => a.skipped.map((s) => ({ ...s, account: a.label })));
  const partial = accounts.filter((a) => !a.complete || a.note);
  const stale = accounts.filter((a) => now.getTime() - Date.parse(a.readAt) > staleAfterDays * 86_400_000);
  // Rows shown without a market value are counted by the engine, not by the readers.
  const noValue = Math.max(0, unreadRows - skipped.length);
  const total = skipped.length + noValue;
  return (
    <div class="read-status">
      <p data-testid="freshness">
        Read {formatAgo(latest.readAt, now)} from {latest.source.label}
        {accounts.length > 1 ? ` (${accounts.length} accounts)` : ''}.
      </p>
      {partial.map((a) => (
        <p key={a.key} class="warn" role="alert">
          {a.label}: {a.note ?? 'only part of the positions was read.'}
        </p>
      ))}
      {stale.map((a) => (
        <p key={`stale-${a.key}`} class="warn" data-testid="stale">
          Stale: {a.label} was last read {formatAgo(a.readAt, now)} — open its page again (or re-import its file) to refresh.
        </p>
      ))}
      {total > 0 && (
        <details class="warn">
          <summary>
            {total} {total === 1 ? 'row' : 'rows'} not understood
          </summary>
          <ul>
            {noValue > 0 && <li>{noValue} shown without a market value (such as “--”): left out, not counted as zero.</li>}
            {skipped.slice(0, 50).map((s, i) => (
              <li key={i}>
                {s.account}, row {s.row}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
