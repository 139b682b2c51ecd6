/** The audit as text for a terminal: the same figures as the popup, in the same words. */
import { isReferenceStale, referenceAgeDays } from '../lib/reference/age';
import type { AuditSnapshot, TierId } from '../lib/schema/audit';
import { formatMoney, formatPercent, formatPp } from '../lib/ui/format';

const TIERS: [TierId, string][] = [
  ['top10', 'Top 10'],
  ['restOfSp500', 'Rest of S&P 500'],
  ['sp400', 'S&P 400 mid-caps'],
  ['sp600', 'S&P 600 small-caps'],
  ['otherEquity', 'Other stocks'],
  ['unresolved', 'Funds not looked through'],
  ['cash', 'Cash'],
  ['nonEquity', 'Bonds & other'],
];
const LEVEL = { ok: 'ok      ', consider: 'CONSIDER', caution: 'CAUTION ' } as const;
const pct = (x: number) => formatPercent(x).padStart(7);

export function renderAuditText(audit: AuditSnapshot, source: string): string {
  const out: string[] = [];
  const { portfolio, exposure } = audit;
  const { topTen } = exposure;
  out.push(`Breadth audit — ${source}`);
  out.push(
    `Total value read: ${formatMoney(portfolio.totalValue)} in ${portfolio.accounts.length} account${portfolio.accounts.length === 1 ? '' : 's'}` +
      (portfolio.unreadRows ? ` (${portfolio.unreadRows} row${portfolio.unreadRows === 1 ? '' : 's'} not understood)` : ''),
  );
  for (const a of portfolio.accounts) out.push(`  ${a.label.padEnd(36)} ${formatMoney(a.totalValue).padStart(12)}`);
  out.push('');
  out.push(`Top-10 exposure: ${formatPercent(topTen.share)} of your money (S&P 500 itself: ${formatPercent(topTen.benchmarkShare)}, ${formatPp(topTen.share - topTen.benchmarkShare)})`);
  for (const i of topTen.issuers) {
    out.push(`  ${i.issuer.padEnd(28)} ${pct(i.share)}   direct ${pct(i.direct)}   via funds ${pct(i.viaFunds)}   index ${pct(i.benchmark)}`);
  }
  out.push('');
  out.push('Where the money is:');
  for (const [id, label] of TIERS) out.push(`  ${label.padEnd(28)} ${pct(exposure.tiers[id])}`);
  out.push('');
  if (exposure.sectors.length) {
    out.push('Sectors of your stocks against the S&P 500:');
    for (const s of exposure.sectors) {
      const mark = s.sector === 'Financials' ? '  ← financials' : '';
      out.push(`  ${s.sector.padEnd(28)} ${pct(s.portfolio)} vs ${pct(s.benchmark)}  ${formatPp(s.portfolio - s.benchmark).padStart(9)}${mark}`);
    }
    out.push('');
  }
  out.push(`Active share: ${exposure.activeShare == null ? '—' : formatPercent(exposure.activeShare)}    Coverage: ${exposure.coverage == null ? '—' : formatPercent(exposure.coverage)}`);
  out.push('');
  out.push('Findings:');
  for (const r of audit.rules) out.push(`  [${LEVEL[r.level]}] ${r.message}`);
  out.push('');
  out.push(`Index data: ${audit.referenceSource}.`);
  const generatedAt = new Date(audit.generatedAt);
  if (isReferenceStale(audit.referenceAsOf, generatedAt)) {
    out.push(`Note: the index data is ${referenceAgeDays(audit.referenceAsOf, generatedAt)} days old; weights drift as prices move (the extension's options page refreshes it).`);
  }
  return `${out.join('\n')}\n`;
}
