import * as z from 'zod/mini';
import { Fraction } from './common';
import { BROKERAGE_SITE_IDS } from '../adapters/sites';
import { PROVIDER_IDS } from '../providers/registry';

/**
 * Rule thresholds. Fractions of the portfolio (0.10 = 10 %); tilts and margins in fractions too
 * (0.05 = 5 percentage points). Defaults are explained in the README glossary and the options page.
 */
export const RuleSettingsSchema = z.object({
  /** Top-10 exposure this far above the index's own share → consider. */
  topTenConsiderMargin: z._default(Fraction, 0),
  /** … and this far above → caution. */
  topTenCautionMargin: z._default(Fraction, 0.1),
  /** One issuer (direct + through funds) above this share → consider. */
  singleIssuerConsider: z._default(Fraction, 0.1),
  singleIssuerCaution: z._default(Fraction, 0.2),
  /** Active share below this → consider ("closet indexing", Cremers & Petajisto's 60 %). */
  activeShareMin: z._default(Fraction, 0.6),
  /** No S&P 400/600 exposure at all → this level. */
  noMidSmallLevel: z._default(z.enum(['ok', 'consider', 'caution']), 'consider'),
  /** A sector tilt beyond ± this → consider; beyond the caution figure → caution. */
  sectorTiltConsider: z._default(Fraction, 0.05),
  sectorTiltCaution: z._default(Fraction, 0.1),
  /** Not a rule: an account not read again for this many days is marked stale in the popup. */
  staleAfterDays: z._default(z.int().check(z.gte(1), z.lte(365)), 14),
  /** What the audit is measured against; the structure is ready for more than the S&P 500. */
  benchmark: z._default(z.enum(['sp500']), 'sp500'),
  /** Not a rule: brokerages the user turned off; their pages are not read into Breadth. */
  disabledSites: z._default(z.array(z.enum(BROKERAGE_SITE_IDS)), []),
  /** Not a rule: fetch the iShares index files weekly (opt-in; needs the www.ishares.com permission). */
  referenceAutoRefresh: z._default(z.boolean(), false),
  /** Broken-growth flags (online data): beaten down = at least this far below the 52-week high. */
  brokenGrowthMinDrawdown: z._default(Fraction, 0.35),
  /** … margin not collapsed = gross margin down by no more than this (0.05 = 5 pp). */
  brokenGrowthMaxMarginDrop: z._default(Fraction, 0.05),
  /** … a temporary cause (officer change, one bad quarter) counts within this many months. */
  brokenGrowthCauseMonths: z._default(z.int().check(z.gte(1), z.lte(36)), 12),
  /** Mega-cap revision watch: caution when the exposure-weighted 90-day change of consensus EPS is below this (−0.02 = −2 %). */
  megaCapRevisionCaution: z._default(z.number().check(z.gte(-1), z.lte(0)), -0.02),
  /** Not a rule: the user's own Alpha Vantage key for the estimates source (kept in this browser only). */
  estimatesApiKey: z._default(z.string().check(z.maxLength(64), z.regex(/^[A-Za-z0-9]*$/)), ''),
  /** Not a rule: the online data sources the user turned on (each also needs its host permission). */
  onlineData: z._default(z.array(z.enum(PROVIDER_IDS)), []),
  /** Not a rule: kept audits older than this many days are deleted (the newest is always kept). */
  historyKeepDays: z._default(z.int().check(z.gte(30), z.lte(3650)), 730),
});
export type RuleSettings = z.infer<typeof RuleSettingsSchema>;
export const DEFAULT_RULE_SETTINGS: RuleSettings = RuleSettingsSchema.parse({});
