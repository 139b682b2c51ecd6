import * as z from 'zod/mini';
import { FiniteNumber, Fraction, IsoDate, IsoDateTime, RuleLevelSchema, ShortText, type RuleLevel } from './common';
import { FundTrackingSchema, IndexIdSchema, SectorSchema } from './reference';

export const AUDIT_SCHEMA_ID = 'breadth.audit/v2';
/** Above this share of the money unseen, the top-10 figure is a bound, not a fact (`topTen.bounded`). */
export const UNSEEN_BOUND_THRESHOLD = 0.02;

/** Files and stored rows written before international funds, bounds and reconciliation (read, migrated). */
export const AUDIT_SCHEMA_ID_V1 = 'breadth.audit/v1';

export { RuleLevelSchema, type RuleLevel };

export const RuleIdSchema = z.enum([
  'top-ten-above-index',
  'single-issuer',
  'closet-indexing',
  'no-mid-small',
  'sector-tilt',
  'source-totals',
  'unseen-money',
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
 * - `fund`: a fund seen through (its index, its own holdings, or another fund's: `seenThrough`);
 * - `international`: a stock fund investing outside the US (real equity, outside the US top 10);
 * - `otherEquity`: a listed operating company outside the S&P 1500;
 * - `unresolvedFund`: a fund Breadth cannot see into (target-date, active, unknown index);
 * - `unrecognised`: a symbol the security directory does not know: never guessed;
 * - `cash`: cash and money-market funds; `nonEquity`: bonds and bond funds, CUSIP-only lines,
 *   options, crypto and commodity trusts, ETNs.
 */
export const HoldingCategorySchema = z.enum([
  'top10',
  'sp500',
  'sp400',
  'sp600',
  'fund',
  'international',
  'otherEquity',
  'unresolvedFund',
  'unrecognised',
  'cash',
  'nonEquity',
]);
export type HoldingCategory = z.infer<typeof HoldingCategorySchema>;

/**
 * Where a fund's look-through came from: its own holdings file, its index's, or — for another share
 * class or another fund on the same index — another fund's ("seen through VTI's holdings").
 */
export const SeenThroughSchema = z.object({
  /** `index`: the bundled index data; `holdings`: a fund's published holdings. */
  kind: z.enum(['index', 'holdings']),
  /** The fund or index whose holdings were used ("VTI", "S&P 500"). */
  source: z.string(),
  publisher: z.optional(z.string()),
  asOf: IsoDate,
  /** Why this source stands for the fund: its own file, a share class of it, or a fund on the same index. */
  relation: z.enum(['own', 'share-class', 'same-index']),
  /** One line for people: "seen through VTI's holdings (Vanguard, 2025-10-31): same index". */
  text: z.string(),
});
export type SeenThrough = z.infer<typeof SeenThroughSchema>;

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
  /** For funds: what the fund is (its name as the directory or fund list knows it). */
  fundName: z.optional(z.string()),
  /** For funds: whose holdings Breadth looked through, dated. */
  seenThrough: z.optional(SeenThroughSchema),
  /** Why a fund or symbol was put where it is, in a few words ("bond fund", "not in the directory"). */
  reason: z.optional(z.string()),
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
  /** Stock funds investing outside the US. */
  international: FiniteNumber,
  /** Funds Breadth cannot see into. */
  unresolved: FiniteNumber,
  /** Symbols the security directory does not know. */
  unrecognised: FiniteNumber,
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

/**
 * One comparison of a total the source states with the rows read (lib/analysis/reconcile.ts).
 * `ok` when they differ by at most $1 or 0.1 % of the stated total.
 */
export const ReconciliationCheckSchema = z.object({
  /** `account`: one account's stated total; `read`: a total over every account of one read. */
  scope: z.enum(['account', 'read']),
  accountKey: z.optional(z.string()),
  /** The account's label, or the source's ("Schwab positions file"). */
  label: z.string(),
  /** What the source calls the total ("Account Total", "Grand total"). */
  statedLabel: z.string(),
  stated: FiniteNumber,
  read: FiniteNumber,
  /** read − stated, USD. */
  difference: FiniteNumber,
  ok: z.boolean(),
  /** One sentence for people, with a likely cause when one is seen ("2 rows look like lot rows"). */
  message: z.string(),
});
export type ReconciliationCheck = z.infer<typeof ReconciliationCheckSchema>;

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
    /** Net USD: every row read (shorts and debt subtracted), pending activity excluded. */
    totalValue: FiniteNumber,
    /**
     * Σ of the rows with a positive value: the base of every share in the audit, so no share
     * exceeds 100 % or vanishes when shorts or margin debt are large.
     */
    grossLongValue: FiniteNumber,
    /** Σ |value| of short positions and other negative non-cash rows, shown apart (not in any tier). */
    shortValue: FiniteNumber,
    /** Σ |value| of negative cash rows (margin debt), shown apart (not in any tier). */
    debtValue: FiniteNumber,
    holdingsCount: z.int().check(z.gte(0)),
    accounts: z.array(AuditAccountSchema),
    /** Rows seen but not understood, with reasons. */
    unreadRows: z.int().check(z.gte(0)),
    /** Every total the sources state, against the rows read. */
    reconciliation: z.array(ReconciliationCheckSchema),
  }),
  exposure: z.object({
    topTen: z.object({
      /** What Breadth could see: a lower bound when `unseen` > 0. */
      share: FiniteNumber,
      benchmarkShare: Fraction,
      issuers: z.array(TopTenIssuerSchema),
      /** Money Breadth cannot see into (unresolved funds + unrecognised symbols), as a fraction. */
      unseen: Fraction,
      /** share + unseen × benchmarkShare: the figure if the unseen money held what the S&P 500 holds. */
      shareIfUnseenLikeIndex: FiniteNumber,
      /** share + unseen: the most it could be. */
      shareAtMost: FiniteNumber,
      /** True when the unseen money is above 2 % of the total: show the figure as a bound, not a fact. */
      bounded: z.boolean(),
      /** The largest unseen holdings by value (symbol or name), for "what is missing" lines. */
      unseenHoldings: z.array(z.object({ name: z.string(), share: FiniteNumber, category: z.enum(['unresolvedFund', 'unrecognised']), reason: z.optional(z.string()) })),
    }),
    tiers: TiersSchema,
    sectors: z.array(SectorWeightSchema),
    /** ½ Σ|w_p − w_b| over issuers of the look-through equity sleeve; null without equity. */
    activeShare: z.nullable(Fraction),
    /** Equity sleeve ÷ (equity sleeve + unresolved funds + unrecognised symbols); null without any. */
    coverage: z.nullable(Fraction),
    /** Every look-through source this audit used, dated (fund files differ in date from the index data). */
    lookThroughSources: z.array(z.object({ source: z.string(), publisher: z.optional(z.string()), asOf: IsoDate, usedFor: z.array(z.string()) })),
    largestIssuer: z.nullable(z.object({ issuer: z.string(), share: FiniteNumber })),
  }),
  rules: z.array(RuleResultSchema),
  holdings: z.array(AuditedHoldingSchema),
});
export type AuditSnapshot = z.infer<typeof AuditSnapshotSchema>;
