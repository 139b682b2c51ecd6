import * as z from 'zod/mini';
import { FiniteNumber, Fraction, IsoDate, IsoDateTime, RuleLevelSchema, ShortText, type RuleLevel } from './common';
import { FundTrackingSchema, IndexIdSchema, SectorSchema } from './reference';

export const AUDIT_SCHEMA_ID = 'breadth.audit/v1';

export { RuleLevelSchema, type RuleLevel };

export const RuleIdSchema = z.enum([
  'top-ten-above-index',
  'single-issuer',
  'closet-indexing',
  'no-mid-small',
  'sector-tilt',
]);
export type RuleId = z.infer<typeof RuleIdSchema>;

export const RuleResultSchema = z.object({
  id: RuleIdSchema,
  level: RuleLevelSchema,
  /** What was measured (a fraction), or null when the rule does not apply (e.g. no equity). */
  value: z.nullable(FiniteNumber),
  /** The threshold the value was held against (a fraction). */
  threshold: FiniteNumber,
  /** One plain sentence: what was measured and why it matters. */
  message: z.string(),
});
export type RuleResult = z.infer<typeof RuleResultSchema>;

/**
 * How one holding was understood.
 * - `top10` / `sp500` / `sp400` / `sp600`: a stock in the bundled reference;
 * - `fund`: a fund in the fund map, looked through to its index;
 * - `otherEquity`: a stock outside the S&P 1500; `unresolvedFund`: a fund not in the map;
 * - `cash`: cash and money-market sweep; `nonEquity`: bonds, CUSIP-only lines, options, crypto.
 */
export const HoldingCategorySchema = z.enum([
  'top10',
  'sp500',
  'sp400',
  'sp600',
  'fund',
  'otherEquity',
  'unresolvedFund',
  'cash',
  'nonEquity',
]);
export type HoldingCategory = z.infer<typeof HoldingCategorySchema>;

export const AuditedHoldingSchema = z.object({
  symbol: z.nullable(z.string()),
  description: z.string(),
  accountKey: z.string(),
  /** Shares or units, when the source shows them (history diffs tell "trimmed" from a price move). */
  quantity: z.optional(z.nullable(FiniteNumber)),
  marketValue: FiniteNumber,
  /** marketValue / portfolio total. */
  share: FiniteNumber,
  category: HoldingCategorySchema,
  issuer: z.optional(z.string()),
  index: z.optional(IndexIdSchema),
  fundTracks: z.optional(FundTrackingSchema),
  /** For funds: the share of this holding's value that sits in the top-10 issuers. */
  topTenLookThrough: z.optional(Fraction),
  /** For funds seen through their own imported holdings: weight of each top-10 issuer (by name). */
  topTenByIssuer: z.optional(z.record(z.string(), Fraction)),
});
export type AuditedHolding = z.infer<typeof AuditedHoldingSchema>;

export const TopTenIssuerSchema = z.object({
  issuer: z.string(),
  tickers: z.array(z.string()),
  /** direct + viaFunds, as fractions of the portfolio. */
  share: FiniteNumber,
  direct: FiniteNumber,
  viaFunds: FiniteNumber,
  /** The issuer's weight in the S&P 500. */
  benchmark: Fraction,
});
export type TopTenIssuer = z.infer<typeof TopTenIssuerSchema>;

export const TiersSchema = z.object({
  top10: FiniteNumber,
  restOfSp500: FiniteNumber,
  sp400: FiniteNumber,
  sp600: FiniteNumber,
  otherEquity: FiniteNumber,
  unresolved: FiniteNumber,
  cash: FiniteNumber,
  nonEquity: FiniteNumber,
});
export type Tiers = z.infer<typeof TiersSchema>;
export type TierId = keyof Tiers;
/** The tiers in the order they are shown: from the giants down to cash and bonds. */
export const TIER_IDS = Object.keys(TiersSchema.shape) as TierId[];

export const SectorWeightSchema = z.object({
  /** A GICS sector, or `Unclassified` for stocks outside the reference. */
  sector: z.union([SectorSchema, z.literal('Unclassified')]),
  /** Share of the look-through equity sleeve (not of the whole portfolio). */
  portfolio: Fraction,
  /** Share of the S&P 500. */
  benchmark: Fraction,
});
export type SectorWeight = z.infer<typeof SectorWeightSchema>;

export const AuditAccountSchema = z.object({
  key: z.string(),
  label: z.string(),
  sourceLabel: z.string(),
  readAt: IsoDateTime,
  totalValue: FiniteNumber,
});
export type AuditAccount = z.infer<typeof AuditAccountSchema>;

export const AuditSnapshotSchema = z.object({
  schema: z.literal(AUDIT_SCHEMA_ID),
  generatedAt: IsoDateTime,
  referenceAsOf: IsoDate,
  referenceSource: z.string(),
  scope: z.object({
    kind: z.enum(['household', 'account']),
    label: ShortText(200),
    accountKey: z.optional(z.string()),
  }),
  portfolio: z.object({
    /** USD, cash and non-equity included, pending activity excluded. */
    totalValue: FiniteNumber,
    holdingsCount: z.int().check(z.gte(0)),
    accounts: z.array(AuditAccountSchema),
    /** Rows seen but not understood, with reasons. */
    unreadRows: z.int().check(z.gte(0)),
  }),
  exposure: z.object({
    topTen: z.object({
      share: FiniteNumber,
      benchmarkShare: Fraction,
      issuers: z.array(TopTenIssuerSchema),
    }),
    tiers: TiersSchema,
    sectors: z.array(SectorWeightSchema),
    /** ½ Σ|w_p − w_b| over issuers of the look-through equity sleeve; null without equity. */
    activeShare: z.nullable(Fraction),
    /** Equity value resolved to constituents ÷ equity-looking value; null without equity. */
    coverage: z.nullable(Fraction),
    largestIssuer: z.nullable(z.object({ issuer: z.string(), share: FiniteNumber })),
  }),
  rules: z.array(RuleResultSchema),
  holdings: z.array(AuditedHoldingSchema),
});
export type AuditSnapshot = z.infer<typeof AuditSnapshotSchema>;
