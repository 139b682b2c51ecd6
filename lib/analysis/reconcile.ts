/**
 * Reconciliation: every total a source states (an `Account Total` line, a grand total, a page's
 * account header) against the rows Breadth read from it. A mismatch is a visible caution — a total
 * line or a lot row read as a holding doubles money silently otherwise.
 *
 * Definition (README glossary, "Reconciliation"): `read` = Σ market value of every row the reader
 * emitted for the account (positions, cash and pending activity; rows without a value count 0);
 * for a read-wide total, over every account of that read. `ok` when |read − stated| ≤ $1 or
 * ≤ 0.1 % of |stated|.
 */
import type { ReconciliationCheck } from '../schema/audit';
import type { RawHolding, StatedTotal } from '../schema/holdings';
import type { StoredAccount } from '../schema/portfolio';
import { moneyText } from '../format/percent';

export const RECONCILE_ABSOLUTE_USD = 1;
export const RECONCILE_RELATIVE = 0.001;

/** Whether a stated total and the rows read agree, within $1 or 0.1 %. */
export function totalsAgree(stated: number, read: number): boolean {
  const diff = Math.abs(read - stated);
  return diff <= RECONCILE_ABSOLUTE_USD || diff <= RECONCILE_RELATIVE * Math.abs(stated);
}

/** Σ market value of the rows read (a row without a value counts 0 and is named in the message). */
function sumRows(holdings: readonly RawHolding[]): number {
  return holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0);
}

const DATE_LIKE = /^\s*\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|^\s*\d{4}-\d{2}-\d{2}\b/;

/** A likely cause for a mismatch, from the rows themselves. */
function likelyCause(holdings: readonly RawHolding[], stated: number, read: number, complete: boolean): string {
  const diff = read - stated;
  const causes: string[] = [];
  if (diff > 0) {
    const matching = holdings.filter((h) => h.marketValue != null && Math.abs(h.marketValue - diff) <= Math.max(RECONCILE_ABSOLUTE_USD, RECONCILE_RELATIVE * Math.abs(stated)));
    if (matching.length > 0) causes.push(`a row of ${moneyText(diff)} matches the difference — a total line?`);
    const seen = new Set<string>();
    let repeats = 0;
    for (const h of holdings) {
      const key = (h.symbol ?? h.description ?? '').trim().toUpperCase();
      if (!key) continue;
      if (seen.has(key) || DATE_LIKE.test(h.symbol ?? '') || DATE_LIKE.test(h.description ?? '')) repeats += 1;
      seen.add(key);
    }
    if (repeats > 0) causes.push(`${repeats} row${repeats === 1 ? '' : 's'} look${repeats === 1 ? 's' : ''} like lot rows (a symbol repeated, or a date)`);
  } else {
    const noValue = holdings.filter((h) => h.marketValue == null).length;
    if (noValue > 0) causes.push(`${noValue} row${noValue === 1 ? ' shows' : 's show'} no value`);
    if (!complete) causes.push('only part of the positions was read');
  }
  return causes.length ? `: ${causes.join('; ')}` : '';
}

function check(
  scope: ReconciliationCheck['scope'],
  label: string,
  total: StatedTotal,
  holdings: readonly RawHolding[],
  complete: boolean,
  accountKey?: string,
): ReconciliationCheck {
  const read = sumRows(holdings);
  const ok = totalsAgree(total.value, read);
  const where = scope === 'account' ? label : `${label} (all its accounts)`;
  return {
    scope,
    ...(accountKey ? { accountKey } : {}),
    label,
    statedLabel: total.label,
    stated: total.value,
    read,
    difference: read - total.value,
    ok,
    message: ok
      ? `${where}: read ${moneyText(read)}, the source's ${total.label} says ${moneyText(total.value)}.`
      : `${where}: read ${moneyText(read)}, the source's ${total.label} says ${moneyText(total.value)}${likelyCause(holdings, total.value, read, complete)}`.replace(/([^?])$/, '$1.'),
  };
}

/**
 * Every stated total of the accounts in scope against their rows. A read-wide total is checked only
 * while every account of that read is still stored as read (a later read of one account replaces it).
 */
export function reconcileAccounts(accounts: readonly StoredAccount[]): ReconciliationCheck[] {
  const checks: ReconciliationCheck[] = [];
  for (const account of accounts) {
    for (const total of account.statedTotals ?? []) {
      if (total.account === undefined) continue;
      checks.push(check('account', account.label, total, account.holdings, account.complete, account.key));
    }
    const overall = (account.statedTotals ?? []).filter((t) => t.account === undefined);
    if (overall.length === 0) continue;
    const sameRead = accounts.filter((a) => a.readAt === account.readAt && a.source.readerId === account.source.readerId && a.source.fileName === account.source.fileName && a.source.url === account.source.url);
    if (sameRead.length !== (account.readAccounts ?? 1)) continue;
    const holdings = sameRead.flatMap((a) => a.holdings);
    const complete = sameRead.every((a) => a.complete);
    const label = account.source.fileName ?? account.source.label;
    for (const total of overall) checks.push(check('read', label, total, holdings, complete));
  }
  return checks;
}
