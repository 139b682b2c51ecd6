/** The audit as text for a terminal: the same figures as the popup, in the same words. */
import { isReferenceStale, referenceAgeDays } from '../lib/reference/age';
import { TIER_IDS, type AuditSnapshot, type TierId } from '../lib/schema/audit';
import { CATEGORY_LABELS } from '../lib/export/holdings-csv';
import { fundLines, seenThroughLine, topTenWords } from '../lib/ui/bounds';
import { formatMoney, formatPercent, formatPp } from '../lib/ui/format';
import { shortsAndDebtLine } from '../lib/ui/leverage';

const TIER_TEXT: Record<TierId, string> = {
  top10: 'Top 10',
  restOfSp500: 'Rest of S&P 500',
  sp400: 'S&P 400 mid-caps',
  sp600: 'S&P 600 small-caps',
  otherEquity: 'Other stocks',
  international: 'International funds',
  unresolved: 'Funds not seen through',
  unrecognised: 'Unrecognised symbols',
  cash: 'Cash',
  nonEquity: 'Bonds & other',
};
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
  const leverage = shortsAndDebtLine(portfolio);
  if (leverage) out.push(leverage);
  // A total the source states that the rows do not add up to: said before any figure built on them.
  const failed = (portfolio.reconciliation ?? []).filter((c) => !c.ok);
  for (const c of failed) out.push(`CAUTION: ${c.message}`);
  out.push('');
  const words = topTenWords(topTen);
  if (words.bounded) {
    const over = topTen.share - topTen.benchmarkShare;
    out.push(
      `Top-10 exposure: ${words.lead} of your money; ${words.ifLikeIndex} (${words.atMost}). S&P 500 itself: ${formatPercent(topTen.benchmarkShare)}` +
        (over > 0 ? `, you are at least ${formatPp(over)} above it.` : '.'),
    );
    out.push(`  ${words.missing}`);
    out.push(`  ${words.fix}`);
  } else {
    out.push(`Top-10 exposure: ${formatPercent(topTen.share)} of your money (S&P 500 itself: ${formatPercent(topTen.benchmarkShare)}, ${formatPp(topTen.share - topTen.benchmarkShare)})`);
  }
  for (const i of topTen.issuers) {
    out.push(`  ${i.issuer.padEnd(28)} ${pct(i.share)}   direct ${pct(i.direct)}   via funds ${pct(i.viaFunds)}   index ${pct(i.benchmark)}`);
  }
  out.push('');
  out.push('Where the money is:');
  for (const id of TIER_IDS) out.push(`  ${TIER_TEXT[id].padEnd(28)} ${pct(exposure.tiers[id] ?? 0)}`);
  out.push('');
  const funds = fundLines(audit.holdings);
  if (funds.length) {
    out.push('Funds, and how Breadth sees into them:');
    for (const f of funds) {
      // "seen through VTI's holdings (Vanguard, 2025-10-31): share class", or what it is and why not.
      const kind = CATEGORY_LABELS[f.category].toLowerCase();
      const how = f.seenThrough ? seenThroughLine(f.seenThrough) : f.reason ? `${kind}: ${f.reason}` : kind;
      out.push(`  ${f.name.padEnd(10)} ${pct(f.share)}   ${how}${f.fundName ? ` — ${f.fundName}` : ''}`);
    }
    out.push('');
  }
  if (exposure.lookThroughSources?.length) {
    out.push('Look-through sources:');
    for (const s of exposure.lookThroughSources) {
      out.push(`  ${s.source}${s.publisher ? `, published by ${s.publisher}` : ''}, as of ${s.asOf}: used for ${s.usedFor.join(', ')}`);
    }
    out.push('');
  }
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
  if (portfolio.reconciliation?.length) {
    out.push('');
    out.push('Totals the sources state:');
    for (const c of portfolio.reconciliation) out.push(`  [${c.ok ? 'ok      ' : 'CAUTION '}] ${c.message}`);
  }
  out.push('');
  out.push(`Index data: ${audit.referenceSource}.`);
  const generatedAt = new Date(audit.generatedAt);
  if (isReferenceStale(audit.referenceAsOf, generatedAt)) {
    out.push(`Note: the index data is ${referenceAgeDays(audit.referenceAsOf, generatedAt)} days old; weights drift as prices move (the extension's options page refreshes it).`);
  }
  return `${out.join('\n')}\n`;
}
