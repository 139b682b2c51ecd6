import type { RuleResult } from '@/lib/schema/audit';
import { LEVEL_LABELS, RULE_TITLES } from './labels';

/** The rules, worst first, each with its level as icon + word (never colour alone) and its sentence. */
export function RulesList({ rules }: { rules: readonly RuleResult[] }) {
  const order = { caution: 0, consider: 1, ok: 2 } as const;
  const sorted = [...rules].sort((a, b) => order[a.level] - order[b.level]);
  return (
    <ul class="rules">
      {sorted.map((r) => (
        <li key={r.id} class={`rule rule-${r.level}`} data-rule={r.id}>
          <span class="level">
            <span aria-hidden="true">{LEVEL_LABELS[r.level].icon}</span> {LEVEL_LABELS[r.level].word}
          </span>
          <b>{RULE_TITLES[r.id]}</b>
          <p>{r.message}</p>
        </li>
      ))}
    </ul>
  );
}
