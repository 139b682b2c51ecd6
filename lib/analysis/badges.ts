/**
 * What the inline badge beside a symbol says, and the page's summary chip. Pure.
 */
import type { AuditSnapshot } from '../schema/audit';
import type { Badge, PageAudit } from '../schema/page';
import { INDEX_LABELS } from '../schema/reference';
import type { Reference } from '../reference';
import { classify, type Classified } from './classify';
import { percentText } from '../format/percent';
import { worstLevel } from './rules';

/**
 * What a badge says is derived from the row itself and public index data only: the page is watched
 * (its own scripts, analytics and session replay can read the DOM), so nothing about the user's other
 * accounts, other sites or history goes into it. The household picture lives in the popup.
 */
export function badgeFor(symbol: string, description: string | undefined, reference: Reference): Badge | null {
  const c = classify({ symbol, description, marketValue: 0 }, reference);
  switch (c.kind) {
    case 'excluded':
      return null;
    case 'cash':
      return { kind: 'cash', text: 'CASH', title: `Cash${c.reason ? ` (${c.reason})` : ' or a money-market sweep'}: counted as cash, not as stock exposure.` };
    case 'nonEquity':
      return { kind: 'nonEquity', text: 'NON-EQUITY', title: `Not a stock (${c.reason}): counted apart from your stock exposure.` };
    case 'stock': {
      const { issuer } = c;
      if (reference.topTenKeys.has(issuer.key)) {
        return {
          kind: 'top10',
          text: 'TOP-10',
          title: `${issuer.name} is one of the S&P 500's ten largest companies: ${percentText(issuer.weight, 2)} of the index.`,
        };
      }
      const label = INDEX_LABELS[issuer.index];
      const text = issuer.index === 'sp500' ? 'S&P 500' : issuer.index === 'sp400' ? 'MID' : 'SMALL';
      return { kind: issuer.index, text, title: `${issuer.name} is in the ${label} (${percentText(issuer.weight, 2)} of it), outside the mega-cap top ten.` };
    }
    case 'fund': {
      const topShare = fundTopTenShare(c, reference);
      const through = c.seenThrough.text;
      if (topShare <= 0 && c.view.kind === 'index') {
        return { kind: 'fund', text: c.view.tracks === 'sp400' ? 'FUND MID' : 'FUND SMALL', title: `${c.name}, ${through}: none of it is in the mega-cap top ten.` };
      }
      return {
        kind: 'fund',
        text: `FUND ${percentText(topShare, 0).replace(' ', '')} TOP-10`,
        title: `${c.name}, ${through}: ${percentText(topShare)} of every dollar in it sits in the ten largest companies.`,
      };
    }
    case 'international':
      return { kind: 'international', text: 'INTL', title: `${c.name ?? c.ticker}: ${c.reason}. Real equity, outside the US top ten.` };
    case 'otherEquity':
      return { kind: 'otherEquity', text: 'OTHER', title: `${c.ticker} is a ${c.reason}: counted as other stocks.` };
    case 'unresolvedFund':
      return {
        kind: 'unresolvedFund',
        text: 'FUND ?',
        title: `${c.name ?? c.ticker}: ${c.reason}. Breadth cannot see what it holds, so top-10 exposure is shown as a bound. Drop its holdings file on the options page to see through it.`,
      };
    case 'unrecognised':
      return {
        kind: 'unrecognised',
        text: '?',
        title: `Breadth does not recognise ${c.ticker} (${c.reason}), so it does not guess what it is: top-10 exposure is shown as a bound.`,
      };
  }
}

/** The share of a seen-through fund's value in the top-10 issuers. */
function fundTopTenShare(c: Extract<Classified, { kind: 'fund' }>, reference: Reference): number {
  if (c.view.kind === 'holdings') return Math.min(1, c.view.lookThrough.topTen);
  if (c.view.tracks === 'sp500') return reference.topTen.reduce((s, i) => s + i.weight, 0);
  if (c.view.tracks === 'sp500-equal') return reference.topTen.length / Math.max(1, reference.issuersByIndex.sp500.length);
  return 0;
}

/** Badges for every symbol the page showed, and the chip for the page's own accounts. */
export function pageAuditFor(
  symbols: readonly { symbol: string; description?: string }[],
  pageAudit: AuditSnapshot | null,
  reference: Reference,
): PageAudit {
  const badges: PageAudit['badges'] = [];
  const seen = new Set<string>();
  for (const { symbol, description } of symbols) {
    if (seen.has(symbol)) continue;
    seen.add(symbol);
    const badge = badgeFor(symbol, description, reference);
    if (badge) badges.push({ symbol, badge });
  }
  if (!pageAudit || pageAudit.portfolio.holdingsCount === 0) {
    return { badges, summary: null, message: 'Breadth: no holdings found on this page.' };
  }
  const { share, benchmarkShare, bounded, shareIfUnseenLikeIndex } = pageAudit.exposure.topTen;
  return {
    badges,
    summary: {
      topTenShare: share,
      benchmarkShare,
      level: worstLevel(pageAudit.rules),
      // A figure Breadth cannot fully see is a bound, never a fact.
      text: bounded
        ? `Top-10 exposure on this page: at least ${percentText(share)}; ${percentText(shareIfUnseenLikeIndex)} if the funds Breadth cannot see hold what the S&P 500 holds`
        : `Top-10 exposure on this page: ${percentText(share)} (S&P 500: ${percentText(benchmarkShare)})`,
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
