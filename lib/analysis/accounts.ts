/**
 * From one read (page or file) to the accounts it shows. The account key is stable across reads,
 * so reading the same account again replaces it instead of doubling it.
 */
import type { ScanResult } from '../schema/holdings';
import type { StoredAccount } from '../schema/portfolio';
import { maskAccountLabel } from '../format/account';

export function accountKey(readerId: string, label: string): string {
  return `${readerId}:${label}`.slice(0, 200);
}

export function accountsFromScan(scan: ScanResult): StoredAccount[] {
  const fallbackLabel = scan.source.fileName ?? scan.source.label;
  // Masked again here: the reader may be a hostile page. Holdings and stated totals alike.
  const labelOf = (account: string | undefined) => maskAccountLabel(account?.trim() || fallbackLabel).slice(0, 160) || 'Account';
  const groups = new Map<string, StoredAccount>();
  for (const holding of scan.holdings) {
    const label = labelOf(holding.account);
    let account = groups.get(label);
    if (!account) {
      account = {
        key: accountKey(scan.source.readerId, label),
        label,
        source: scan.source,
        readAt: scan.readAt,
        holdings: [],
        skipped: [],
        complete: scan.complete,
        note: scan.note,
      };
      groups.set(label, account);
    }
    account.holdings.push({ ...holding, account: label });
  }
  const accounts = [...groups.values()];
  // Skipped rows belong to no account for sure; they are reported once, with the first.
  if (accounts[0]) accounts[0].skipped = scan.skipped;
  // Stated totals go with their account (labels masked the same way); read-wide ones with the first.
  for (const total of scan.statedTotals ?? []) {
    const label = total.account === undefined ? undefined : labelOf(total.account);
    const owner = label === undefined ? accounts[0] : groups.get(label);
    if (!owner) continue; // a total for an account with no rows read: nothing to compare it with
    (owner.statedTotals ??= []).push(label === undefined ? { ...total } : { ...total, account: label });
    if (label === undefined) owner.readAccounts = accounts.length;
  }
  return accounts;
}
