import type { RevisionWatch } from '@/lib/analysis/revisions';
import { formatDate, formatPercent } from '@/lib/ui/format';
import { LEVEL_LABELS } from './labels';

const change = (x: number | null) => (x === null ? '—' : `${x < 0 ? '−' : '+'}${formatPercent(Math.abs(x))}`);

/** Are analysts cutting the giants' estimates? Weighted by this portfolio's exposure. */
export function RevisionView({ watch, onOpenOptions }: { watch: RevisionWatch; onOpenOptions?: () => void }) {
  const known = watch.issuers.filter((i) => i.eps !== null);
  return (
    <details data-testid="revisions" open={watch.rule.level === 'caution'}>
      <summary>
        Mega-cap estimates{watch.weighted90 !== null ? `: ${change(watch.weighted90)} in 90 days` : ''}
      </summary>
      <p class={`rule-line rule-${watch.rule.level}`} data-testid="revision-sentence">
        {watch.weighted90 !== null && (
          <span class="level">
            <span aria-hidden="true">{LEVEL_LABELS[watch.rule.level].icon}</span> {LEVEL_LABELS[watch.rule.level].word}{' '}
          </span>
        )}
        {watch.sentence}
      </p>
      <p class="hint">{watch.rule.message}</p>
      {known.length === 0 && onOpenOptions && (
        <button type="button" class="link" onClick={onOpenOptions}>
          Add an estimates source
        </button>
      )}
      {known.length > 0 && (
        <table class="revisions">
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">You</th>
              <th scope="col">90 d</th>
              <th scope="col">30 d</th>
              <th scope="col">Up / down</th>
            </tr>
          </thead>
          <tbody>
            {watch.issuers.map((i) => (
              <tr key={i.issuer} title={i.source ? `${i.source}, ${i.readAt ? formatDate(i.readAt.slice(0, 10)) : ''}` : 'no estimate'}>
                <th scope="row">{i.issuer}</th>
                <td>{formatPercent(i.exposure)}</td>
                <td class={i.change90 !== null && i.change90 < 0 ? 'neg' : undefined}>{change(i.change90)}</td>
                <td>{change(i.change30)}</td>
                <td>{i.up30 === null ? '—' : `${i.up30} / ${i.down30 ?? '—'}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
