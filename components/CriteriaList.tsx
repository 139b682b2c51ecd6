import { formatAgo } from '@/lib/ui/format';

interface CriterionView {
  id: string;
  label: string;
  pass: boolean | null;
  value: string;
  evidence: { source: string; url?: string; fetchedAt: string } | null;
}

const MARK = { true: '✓', false: '✗', null: '?' } as const;

/** A broken-growth score's criteria: pass / fail / unknown, the number, and its source and age. */
export function CriteriaList({ criteria, now }: { criteria: readonly CriterionView[]; now: Date }) {
  return (
    <ul class="criteria">
      {criteria.map((c) => (
        <li key={c.id} title={c.label}>
          <span aria-label={c.pass === null ? 'unknown' : c.pass ? 'pass' : 'fail'}>{MARK[String(c.pass) as keyof typeof MARK]}</span> {c.value}
          {c.evidence && (
            <>
              {' '}
              <span class="source">
                — {c.evidence.url ? (
                  <a href={c.evidence.url} target="_blank" rel="noopener noreferrer">
                    {c.evidence.source}
                  </a>
                ) : (
                  c.evidence.source
                )}
                , {formatAgo(c.evidence.fetchedAt, now)}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
