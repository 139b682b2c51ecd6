import type { ReconciliationCheck } from '@/lib/schema/audit';
import { formatMoney } from '@/lib/ui/format';
import { LEVEL_LABELS } from './labels';

/**
 * Totals the sources state against the rows read. `all` lists every check (the report); otherwise
 * only those that do not match (the popup), each a visible caution. Nothing when there is nothing to say.
 */
export function ReconciliationList({ checks, all = false }: { checks: readonly ReconciliationCheck[]; all?: boolean }) {
  const shown = all ? [...checks].sort((a, b) => Number(a.ok) - Number(b.ok)) : checks.filter((c) => !c.ok);
  if (shown.length === 0) return null;
  return (
    <ul class="reconciliation" data-testid={all ? 'reconciliation' : 'reconciliation-cautions'}>
      {shown.map((c, i) => {
        const level = c.ok ? 'ok' : 'caution';
        return (
          <li key={`${c.accountKey ?? c.label}:${i}`} class={`check check-${level}`} data-ok={String(c.ok)}>
            <span class="level">
              <span aria-hidden="true">{LEVEL_LABELS[level].icon}</span> {c.ok ? 'Totals match' : 'Totals differ'}
            </span>{' '}
            <span class="message">{c.message}</span>
            {all && !c.ok && (
              <span class="figures">
                {' '}
                (difference {c.difference > 0 ? '+' : '−'}
                {formatMoney(Math.abs(c.difference))})
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
