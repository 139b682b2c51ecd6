/**
 * Shorts and margin debt in words: they are real but are not holdings, so every share in the audit
 * is of the long holdings and these are stated beside it. Shared by the popup, report and CLI.
 */
import type { AuditSnapshot } from '../schema/audit';
import { formatMoney } from './format';

/** "Shares are of your $10,000 of long holdings; shorts $9,000 and margin debt $1,500 are shown apart." or null. */
export function shortsAndDebtLine(portfolio: AuditSnapshot['portfolio']): string | null {
  const parts = [
    portfolio.shortValue > 0 ? `shorts ${formatMoney(portfolio.shortValue)}` : null,
    portfolio.debtValue > 0 ? `margin debt ${formatMoney(portfolio.debtValue)}` : null,
  ].filter((x): x is string => x !== null);
  if (parts.length === 0) return null;
  return `Shares are of your ${formatMoney(portfolio.grossLongValue)} of long holdings; ${parts.join(' and ')} ${parts.length === 1 && portfolio.debtValue > 0 ? 'is' : 'are'} shown apart (net ${formatMoney(portfolio.totalValue)}).`;
}
