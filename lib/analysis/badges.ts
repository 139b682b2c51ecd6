/**
 * What the inline badge beside a symbol says, and the page's summary chip. Pure.
 */
import type { AuditSnapshot } from '../schema/audit';
import type { Badge, PageAudit } from '../schema/page';
import { INDEX_LABELS } from '../schema/reference';
import type { Reference } from '../reference';
import { classify } from './classify';
import { percentText } from '../format/percent';
import { worstLevel } from './rules';

export function badgeFor(symbol: string, description: string | undefined, reference: Reference, household: AuditSnapshot | null): Badge | null {
  const c = classify({ symbol, description, marketValue: 0 }, reference);
  const heldShare = (issuerName: string) => {
    const issuer = household?.exposure.topTen.issuers.find((i) => i.issuer === issuerName);
    return issuer ? ` Across your accounts it is ${percentText(issuer.share)} of your money, directly and through funds.` : '';
  };
  switch (c.kind) {
    case 'excluded':
      return null;
    case 'cash':
      return { kind: 'cash', text: 'CASH', title: 'Cash or a money-market sweep: counted as cash, not as stock exposure.' };
    case 'nonEquity':
      return { kind: 'nonEquity', text: 'NON-EQUITY', title: `Not a stock (${c.reason}): counted apart from your stock exposure.` };
    case 'stock': {
      const { issuer } = c;
      if (reference.topTenKeys.has(issuer.key)) {
        return {
          kind: 'top10',
          text: 'TOP-10',
          title: `${issuer.name} is one of the S&P 500's ten largest companies: ${percentText(issuer.weight, 2)} of the index.${heldShare(issuer.name)}`,
        };
      }
      const label = INDEX_LABELS[issuer.index];
      const text = issuer.index === 'sp500' ? 'S&P 500' : issuer.index === 'sp400' ? 'MID' : 'SMALL';
      return { kind: issuer.index, text, title: `${issuer.name} is in the ${label} (${percentText(issuer.weight, 2)} of it), outside the mega-cap top ten.` };
    }
    case 'fund': {
      const { fund } = c;
      if (fund.tracks === 'sp500' || fund.tracks === 'sp500-equal') {
        const topShare =
          fund.tracks === 'sp500'
            ? reference.topTen.reduce((s, i) => s + i.weight, 0)
            : reference.topTen.length / Math.max(1, reference.issuersByIndex.sp500.length);
        return {
          kind: 'fund',
          text: `FUND ${percentText(topShare, 0).replace(' ', '')} TOP-10`,
          title: `${fund.name} tracks the S&P 500${fund.tracks === 'sp500-equal' ? ' with equal weights' : ''}: ${percentText(topShare)} of every dollar in it sits in the ten largest companies.`,
        };
      }
      if (fund.tracks === 'holdings') {
        const topShare = reference.fundLookThrough.get(fund.ticker)?.topTen ?? 0;
        return {
          kind: 'fund',
          text: `FUND ${percentText(topShare, 0).replace(' ', '')} TOP-10`,
          title: `${fund.name}, seen through the holdings file you imported (as of ${fund.asOf ?? 'unknown'}): ${percentText(topShare)} of every dollar in it sits in the ten largest companies.`,
        };
      }
      const mid = fund.tracks === 'sp400';
      return {
        kind: 'fund',
        text: mid ? 'FUND MID' : 'FUND SMALL',
        title: `${fund.name} tracks the ${INDEX_LABELS[fund.tracks]}: none of it is in the mega-cap top ten.`,
      };
    }
    case 'otherEquity':
      return { kind: 'otherEquity', text: 'OTHER', title: `${c.ticker} is not in the S&P 500, 400 or 600: counted as other equity.` };
    case 'unresolvedFund':
      return {
        kind: 'unresolvedFund',
        text: 'FUND ?',
        title: `Breadth does not know what ${c.ticker} holds, so it is left out of the look-through and lowers coverage.`,
      };
  }
}

/** Badges for every symbol the page showed, and the chip for the page's own accounts. */
export function pageAuditFor(
  symbols: readonly { symbol: string; description?: string }[],
  pageAudit: AuditSnapshot | null,
  household: AuditSnapshot | null,
  reference: Reference,
): PageAudit {
  const badges: PageAudit['badges'] = [];
  const seen = new Set<string>();
  for (const { symbol, description } of symbols) {
    if (seen.has(symbol)) continue;
    seen.add(symbol);
    const badge = badgeFor(symbol, description, reference, household);
    if (badge) badges.push({ symbol, badge });
  }
  if (!pageAudit || pageAudit.portfolio.holdingsCount === 0) {
    return { badges, summary: null, message: 'Breadth: no holdings found on this page.' };
  }
  const { share, benchmarkShare } = pageAudit.exposure.topTen;
  return {
    badges,
    summary: {
      topTenShare: share,
      benchmarkShare,
      level: worstLevel(pageAudit.rules),
      text: `Top-10 exposure on this page: ${percentText(share)} (S&P 500: ${percentText(benchmarkShare)})`,
    },
  };
}

/**
 * Marks the page's small/mid-caps that the last online screen found to be broken-growth
 * candidates: "BROKEN GROWTH?", with the evidence, criterion by criterion, in the tooltip.
 */
export function withBrokenGrowth(
  badges: readonly { symbol: string; badge: Badge }[],
  results: readonly { ticker: string; verdict: string; criteria: readonly { pass: boolean | null; value: string }[] }[],
): { symbol: string; badge: Badge }[] {
  const candidates = new Map(results.filter((r) => r.verdict === 'candidate').map((r) => [r.ticker, r]));
  return badges.map((b) => {
    const r = candidates.get(b.symbol);
    if (!r) return b;
    const evidence = r.criteria.map((c) => `${c.pass ? '✓' : c.pass === false ? '✗' : '?'} ${c.value}`).join('; ');
    return { symbol: b.symbol, badge: { ...b.badge, text: 'BROKEN GROWTH?', title: `${b.badge.text}, and it looks like broken growth: ${evidence}`.slice(0, 400) } };
  });
}
