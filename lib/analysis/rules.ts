/**
 * The audit's rules: each measures one thing, compares it with a threshold the user can change
 * (lib/schema/settings.ts) and says in one plain sentence what it found and why it matters.
 */
import type { AuditSnapshot, RuleLevel, RuleResult } from '../schema/audit';
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

export function evaluateRules(audit: AuditSnapshot, s: RuleSettings): RuleResult[] {
  const { topTen, tiers, activeShare, sectors, largestIssuer } = audit.exposure;
  const equity = tiers.top10 + tiers.restOfSp500 + tiers.sp400 + tiers.sp600 + tiers.otherEquity;
  const hasEquity = equity > 0;
  const rules: RuleResult[] = [];

  // 1. Top-10 exposure against the index's own share.
  {
    const over = topTen.share - topTen.benchmarkShare;
    const level: RuleLevel = !hasEquity ? 'ok' : above(over, s.topTenCautionMargin) ? 'caution' : above(over, s.topTenConsiderMargin) ? 'consider' : 'ok';
    rules.push({
      id: 'top-ten-above-index',
      level,
      value: hasEquity ? topTen.share : null,
      threshold: topTen.benchmarkShare + s.topTenConsiderMargin,
      message: !hasEquity
        ? NO_EQUITY
        : level === 'ok'
          ? `${percentText(topTen.share)} of your money is in the S&P 500's ten largest companies, no more than the index's own ${percentText(topTen.benchmarkShare)}.`
          : `${percentText(topTen.share)} of your money is in the S&P 500's ten largest companies, against ${percentText(topTen.benchmarkShare)} in the index itself: a setback at a handful of companies would hit you harder than the market.`,
    });
  }

  // 2. One issuer, directly and through funds.
  {
    const value = largestIssuer?.share ?? 0;
    const level: RuleLevel = above(value, s.singleIssuerCaution) ? 'caution' : above(value, s.singleIssuerConsider) ? 'consider' : 'ok';
    rules.push({
      id: 'single-issuer',
      level,
      value: largestIssuer ? value : null,
      threshold: s.singleIssuerConsider,
      message: !largestIssuer
        ? NO_EQUITY
        : `Your largest single company, ${largestIssuer.issuer}, is ${percentText(value)} of the portfolio counting what you hold through funds; ${
            level === 'ok' ? `that is within your ${percentText(s.singleIssuerConsider, 0)} limit.` : `above ${percentText(s.singleIssuerConsider, 0)}, one company's bad year becomes yours.`
          }`,
    });
  }

  // 3. Closet indexing: active share below the threshold.
  {
    const level: RuleLevel = activeShare != null && activeShare < s.activeShareMin - EPSILON ? 'consider' : 'ok';
    rules.push({
      id: 'closet-indexing',
      level,
      value: activeShare,
      threshold: s.activeShareMin,
      message:
        activeShare == null
          ? NO_EQUITY
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
          ? 'You hold nothing in the S&P 400 mid-caps or S&P 600 small-caps: if the market broadens beyond the giants, none of it reaches you.'
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
    const level: RuleLevel = !widest ? 'ok' : above(Math.abs(tilt), s.sectorTiltCaution) ? 'caution' : above(Math.abs(tilt), s.sectorTiltConsider) ? 'consider' : 'ok';
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
            level === 'ok' ? ', within your limit.' : ': a bet on one part of the economy, whether you meant it or not.'
          }${finText}`,
    });
  }
  return rules;
}
