/**
 * The audit's rules: each measures one thing, compares it with a threshold the user can change
 * (lib/schema/settings.ts) and says in one plain sentence what it found and why it matters.
 */
import { UNSEEN_BOUND_THRESHOLD, type AuditSnapshot, type RuleLevel, type RuleResult } from '../schema/audit';
import type { RuleSettings } from '../schema/settings';
import { percentText, ppText } from '../format/percent';

export const LEVEL_ORDER: Record<RuleLevel, number> = { ok: 0, consider: 1, caution: 2 };

/** The most serious level among rules (`ok` when there are none). */
export function worstLevel(rules: readonly Pick<RuleResult, 'level'>[]): RuleLevel {
  return rules.reduce<RuleLevel>((worst, r) => (LEVEL_ORDER[r.level] > LEVEL_ORDER[worst] ? r.level : worst), 'ok');
}

/** Sums of floating-point shares differ from the same figure by ~1e-16: not a real excess. */
const EPSILON = 1e-9;
const above = (value: number, limit: number) => value > limit + EPSILON;

const NO_EQUITY = 'No stocks or stock funds were found, so there is nothing to measure.';

/** The more serious of two levels. */
const atLeast = (a: RuleLevel, b: RuleLevel): RuleLevel => (LEVEL_ORDER[a] >= LEVEL_ORDER[b] ? a : b);

/** "VTWAX, FOO and 2 more": the largest holdings Breadth cannot see. */
function unseenNames(audit: AuditSnapshot): string {
  const names = audit.exposure.topTen.unseenHoldings.map((h) => h.name);
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

const FIX_UNSEEN = "drop those funds' holdings files on the options page so Breadth can see through them";

export function evaluateRules(audit: AuditSnapshot, s: RuleSettings): RuleResult[] {
  const { topTen, tiers, activeShare, sectors, largestIssuer } = audit.exposure;
  const usEquity = tiers.top10 + tiers.restOfSp500 + tiers.sp400 + tiers.sp600 + tiers.otherEquity;
  const equity = usEquity + tiers.international;
  const hasEquity = equity > 0 || topTen.unseen > 0;
  // A rule never says ok when the money Breadth cannot see could change its verdict.
  const bounded = topTen.bounded;
  const unseen = topTen.unseen;
  const rules: RuleResult[] = [];

  // 1. Top-10 exposure against the index's own share.
  {
    const levelAt = (share: number): RuleLevel => {
      const over = share - topTen.benchmarkShare;
      return above(over, s.topTenCautionMargin) ? 'caution' : above(over, s.topTenConsiderMargin) ? 'consider' : 'ok';
    };
    const seenLevel = hasEquity ? levelAt(topTen.share) : 'ok';
    const uncertain = bounded && levelAt(topTen.shareAtMost) !== seenLevel;
    const level: RuleLevel = uncertain ? atLeast(seenLevel, 'consider') : seenLevel;
    rules.push({
      id: 'top-ten-above-index',
      level,
      value: hasEquity ? topTen.share : null,
      threshold: topTen.benchmarkShare + s.topTenConsiderMargin,
      message: !hasEquity
        ? NO_EQUITY
        : bounded
          ? `At least ${percentText(topTen.share)} of your money is in the S&P 500's ten largest companies (the index itself: ${percentText(topTen.benchmarkShare)}); ${percentText(topTen.shareIfUnseenLikeIndex)} if the ${percentText(unseen)} Breadth cannot see (${unseenNames(audit)}) holds what the S&P 500 holds, ${percentText(topTen.shareAtMost)} at most. ${uncertain ? 'That could change this finding: ' : 'To know for sure, '}${FIX_UNSEEN}.`
        : level === 'ok'
          ? `${percentText(topTen.share)} of your money is in the S&P 500's ten largest companies, no more than the index's own ${percentText(topTen.benchmarkShare)}.`
          : `${percentText(topTen.share)} of your money is in the S&P 500's ten largest companies, against ${percentText(topTen.benchmarkShare)} in the index itself: a setback at a handful of companies would hit you harder than the market.`,
    });
  }

  // 2. One issuer, directly and through funds.
  {
    const value = largestIssuer?.share ?? 0;
    const levelAt = (v: number): RuleLevel => (above(v, s.singleIssuerCaution) ? 'caution' : above(v, s.singleIssuerConsider) ? 'consider' : 'ok');
    const seenLevel = levelAt(value);
    const uncertain = bounded && largestIssuer !== null && levelAt(value + unseen) !== seenLevel;
    const level: RuleLevel = uncertain ? atLeast(seenLevel, 'consider') : seenLevel;
    rules.push({
      id: 'single-issuer',
      level,
      value: largestIssuer ? value : null,
      threshold: s.singleIssuerConsider,
      message: !largestIssuer
        ? NO_EQUITY
        : `Your largest single company, ${largestIssuer.issuer}, is ${percentText(value)} of the portfolio counting what you hold through funds; ${
            uncertain
              ? `with the ${percentText(unseen)} Breadth cannot see it could be above your ${percentText(seenLevel === 'ok' ? s.singleIssuerConsider : s.singleIssuerCaution, 0)} ${seenLevel === 'ok' ? '' : 'caution '}limit.`
              : seenLevel === 'ok'
                ? `that is within your ${percentText(s.singleIssuerConsider, 0)} limit.`
                : `above ${percentText(s.singleIssuerConsider, 0)}, one company's bad year becomes yours.`
          }`,
    });
  }

  // 3. Closet indexing: active share below the threshold. With money unseen, active share on the
  // whole could lie anywhere between "the unseen part is the index" and "it shares nothing with it".
  {
    const u = equity + unseen > 0 ? unseen / (equity + unseen) : 0;
    const low = activeShare == null ? null : activeShare * (1 - u);
    const high = activeShare == null ? null : activeShare * (1 - u) + u;
    const closet = (v: number) => v < s.activeShareMin - EPSILON;
    const uncertain = bounded && low != null && high != null && closet(low) !== closet(high);
    const level: RuleLevel = uncertain || (activeShare != null && closet(activeShare)) ? 'consider' : 'ok';
    rules.push({
      id: 'closet-indexing',
      level,
      value: activeShare,
      threshold: s.activeShareMin,
      message:
        activeShare == null
          ? NO_EQUITY
          : uncertain
            ? `Active share is ${percentText(activeShare)} on the stocks Breadth can see; with the ${percentText(unseen)} it cannot, it lies between ${percentText(low!)} and ${percentText(high!)}, on both sides of your ${percentText(s.activeShareMin, 0)} line.`
            : level === 'consider'
            ? `Active share is ${percentText(activeShare)}: below ${percentText(s.activeShareMin, 0)} your stocks largely mirror the S&P 500, its mega-cap concentration included.`
            : `Active share is ${percentText(activeShare)}: your stocks differ from the S&P 500 enough not to simply mirror its concentration.`,
    });
  }

  // 4. No mid- or small-cap exposure.
  {
    const value = tiers.sp400 + tiers.sp600;
    const level: RuleLevel = hasEquity && value <= 0 ? s.noMidSmallLevel : 'ok';
    rules.push({
      id: 'no-mid-small',
      level,
      value: hasEquity ? value : null,
      threshold: 0,
      message: !hasEquity
        ? NO_EQUITY
        : value <= 0
          ? `You hold nothing in the S&P 400 mid-caps or S&P 600 small-caps${bounded ? ` that Breadth can see (the ${percentText(unseen)} it cannot may hold some)` : ''}: if the market broadens beyond the giants, none of it reaches you.`
          : `${percentText(value)} of your money is in S&P 400 mid-caps and S&P 600 small-caps, the part of the market the giants have left behind.`,
    });
  }

  // 5. Sector tilts against the S&P 500, financials always named.
  {
    const classified = sectors.filter((x) => x.sector !== 'Unclassified');
    const widest = classified.reduce<(typeof classified)[number] | undefined>(
      (w, x) => (!w || Math.abs(x.portfolio - x.benchmark) > Math.abs(w.portfolio - w.benchmark) ? x : w),
      undefined,
    );
    const tilt = widest ? widest.portfolio - widest.benchmark : 0;
    const seenLevel: RuleLevel = !widest ? 'ok' : above(Math.abs(tilt), s.sectorTiltCaution) ? 'caution' : above(Math.abs(tilt), s.sectorTiltConsider) ? 'consider' : 'ok';
    // The unseen money could sit in any sector: the widest tilt it could make, on the US stocks plus it.
    const u = usEquity + unseen > 0 ? unseen / (usEquity + unseen) : 0;
    const worstPossible = classified.reduce((m, x) => Math.max(m, Math.abs(x.portfolio * (1 - u) - x.benchmark), Math.abs(x.portfolio * (1 - u) + u - x.benchmark)), 0);
    const uncertain = bounded && !!widest && seenLevel === 'ok' && above(worstPossible, s.sectorTiltConsider);
    const level: RuleLevel = uncertain ? 'consider' : seenLevel;
    const fin = classified.find((x) => x.sector === 'Financials');
    const finText = fin
      ? ` Financials: ${percentText(fin.portfolio)} of your stocks against ${percentText(fin.benchmark)} in the index (${ppText(fin.portfolio - fin.benchmark)}).`
      : '';
    rules.push({
      id: 'sector-tilt',
      level,
      value: widest ? Math.abs(tilt) : null,
      threshold: s.sectorTiltConsider,
      message: !widest
        ? NO_EQUITY
        : `Your widest sector tilt is ${widest.sector} at ${ppText(tilt)} against the S&P 500${
            uncertain
              ? ` on the stocks Breadth can see; the ${percentText(unseen)} it cannot see could tilt it past your limit.`
              : level === 'ok'
                ? ', within your limit.'
                : ': a bet on one part of the economy, whether you meant it or not.'
          }${finText}`,
    });
  }

  // 6. What Breadth could not see: every figure above is a bound until it can.
  rules.push({
    id: 'unseen-money',
    level: bounded ? 'consider' : 'ok',
    value: unseen,
    threshold: UNSEEN_BOUND_THRESHOLD,
    message: bounded
      ? `Breadth cannot see into ${percentText(unseen)} of your money (${audit.exposure.topTen.unseenHoldings.slice(0, 3).map((h) => `${h.name}: ${h.reason ?? h.category}`).join('; ')}${audit.exposure.topTen.unseenHoldings.length > 3 ? '; …' : ''}), so figures that depend on it are shown as bounds. To fix it, ${FIX_UNSEEN}.`
      : unseen > 0
        ? `Breadth sees through all but ${percentText(unseen)} of your money (${unseenNames(audit)}): too little to change a figure by more than that.`
        : 'Breadth sees through every holding it read.',
  });

  // 7. The sources' own totals against the rows read.
  {
    const checks = audit.portfolio.reconciliation;
    const failed = checks.filter((c) => !c.ok);
    rules.push({
      id: 'source-totals',
      level: failed.length ? 'caution' : 'ok',
      value: failed.length ? Math.max(...failed.map((c) => Math.abs(c.difference) / Math.max(1, Math.abs(c.stated)))) : checks.length ? 0 : null,
      threshold: 0.001,
      message: failed.length
        ? `${failed[0]!.message}${failed.length > 1 ? ` (and ${failed.length - 1} more total${failed.length > 2 ? 's' : ''} that do not match)` : ''} ${failed[0]!.difference > 0 ? 'Check the file or page: rows counted twice make every figure here too high.' : 'Check the file or page: rows the source counts were not read, so figures here may be off.'}`
        : checks.length
          ? `Every total the sources state (${checks.length}) matches the rows read.`
          : 'No source stated a total to check the rows against.',
    });
  }
  return rules;
}
