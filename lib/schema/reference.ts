import * as z from 'zod/mini';
import { Fraction, IsoDate, IsoDateTime, ShortText } from './common';

export const IndexIdSchema = z.enum(['sp500', 'sp400', 'sp600']);
export type IndexId = z.infer<typeof IndexIdSchema>;

export const INDEX_LABELS: Record<IndexId, string> = {
  sp500: 'S&P 500',
  sp400: 'S&P MidCap 400',
  sp600: 'S&P SmallCap 600',
};

/** The eleven GICS sectors, by their full names. */
export const GICS_SECTORS = [
  'Communication Services',
  'Consumer Discretionary',
  'Consumer Staples',
  'Energy',
  'Financials',
  'Health Care',
  'Industrials',
  'Information Technology',
  'Materials',
  'Real Estate',
  'Utilities',
] as const;
export const SectorSchema = z.enum(GICS_SECTORS);
export type Sector = z.infer<typeof SectorSchema>;

export const ConstituentSchema = z.object({
  /** Canonical ticker (`BRK.B`, `GOOGL`). */
  ticker: ShortText(16),
  /** Issuer key shared by every share class of one company (`ALPHABET INC`). */
  issuer: ShortText(120),
  /** Display name of the issuer (`Alphabet Inc.`). */
  name: ShortText(160),
  sector: SectorSchema,
  index: IndexIdSchema,
  /** Weight within its index, from market values: the weights of one index sum to 1. */
  weight: Fraction,
  /** Weight (%) exactly as the fund published it (two decimals), kept for the canonical test. */
  publishedWeightPct: z.number(),
});
export type Constituent = z.infer<typeof ConstituentSchema>;

export const ReferenceSourceSchema = z.object({
  index: IndexIdSchema,
  /** The tracking fund whose holdings file stands in for the index. */
  fund: ShortText(16),
  publisher: ShortText(80),
  file: ShortText(200),
  asOf: IsoDate,
  layout: z.enum(['ishares-classic', 'ishares-2026', 'spdr-xlsx']),
  /** Sum of the published Weight (%) over the equity rows kept (e.g. 99.74 for IVV). */
  publishedWeightSumPct: z.number(),
});
export type ReferenceSource = z.infer<typeof ReferenceSourceSchema>;

export const ReferenceSnapshotSchema = z.object({
  schema: z.literal('breadth.reference/v1'),
  /** The oldest as-of date among the sources: what every figure depends on. */
  asOf: IsoDate,
  sources: z.array(ReferenceSourceSchema),
  constituents: z.array(ConstituentSchema),
});
export type ReferenceSnapshot = z.infer<typeof ReferenceSnapshotSchema>;

/**
 * What a fund tracks, for look-through. `sp500-equal` = S&P 500 Equal Weight (each issuer 1/N);
 * `holdings` = its own published holdings, imported by the user (a sector or growth ETF, QQQ…).
 */
export const FundTrackingSchema = z.enum(['sp500', 'sp400', 'sp600', 'sp500-equal', 'holdings']);
export type FundTracking = z.infer<typeof FundTrackingSchema>;

/** One stock in a fund's published holdings: canonical ticker and its weight in the fund (0 … 1). */
export const FundHoldingWeightSchema = z.object({ ticker: ShortText(16), weight: Fraction });

export const FundSchema = z.object({
  ticker: ShortText(16),
  name: ShortText(160),
  tracks: FundTrackingSchema,
  kind: z.enum(['etf', 'mutual-fund']),
  /** `holdings` funds: the stocks and weights from the file the user imported. */
  holdings: z.optional(z.array(FundHoldingWeightSchema)),
  /** `holdings` funds: the file's as-of date and publisher. */
  asOf: z.optional(IsoDate),
  publisher: z.optional(ShortText(80)),
});
export type Fund = z.infer<typeof FundSchema>;

export const REFERENCE_STATE_SCHEMA_ID = 'breadth.reference-state/v1';

/**
 * The reference data in use after the user refreshed it: the index constituents (the bundled ones
 * with any index whose holdings file was imported replaced) and the funds imported for look-through.
 * Kept versioned in IndexedDB; the previous version stays for a one-click rollback.
 */
export const ReferenceStateSchema = z.object({
  schema: z.literal(REFERENCE_STATE_SCHEMA_ID),
  importedAt: IsoDateTime,
  /** One line on what this version changed, for the options page. */
  change: ShortText(600),
  snapshot: ReferenceSnapshotSchema,
  funds: z.array(FundSchema),
});
export type ReferenceState = z.infer<typeof ReferenceStateSchema>;
