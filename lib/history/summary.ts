/** The figures of an audit that the history chart and list need, without its holdings. */
import type { AuditSnapshot } from '../schema/audit';
import type { SnapshotSummary } from '../schema/history';

export function summariseAudit(audit: AuditSnapshot): SnapshotSummary {
  return {
    generatedAt: audit.generatedAt,
    scopeLabel: audit.scope.label,
    referenceAsOf: audit.referenceAsOf,
    totalValue: audit.portfolio.totalValue,
    holdingsCount: audit.portfolio.holdingsCount,
    accountsCount: audit.portfolio.accounts.length,
    topTenShare: audit.exposure.topTen.share,
    benchmarkShare: audit.exposure.topTen.benchmarkShare,
    activeShare: audit.exposure.activeShare,
    tiers: audit.exposure.tiers,
  };
}

/**
 * What makes two audits "the same portfolio seen again": the holdings (account, symbol, quantity,
 * value) and the reference they were measured against. A re-read of an unchanged page adds no
 * snapshot; any change in holdings, prices or reference does.
 */
export function auditFingerprint(audit: AuditSnapshot): string {
  const rows = audit.holdings
    .map((h) => `${h.accountKey}|${h.symbol ?? h.description}|${h.quantity ?? ''}|${h.marketValue}`)
    .sort();
  return `${audit.referenceAsOf}\n${rows.join('\n')}`;
}
