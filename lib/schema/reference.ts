import * as z from 'zod/mini';
import { Fraction, IsoDate, ShortText } from './common';

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
  layout: z.enum(['ishares-classic', 'ishares-2026']),
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

/** What a fund tracks, for look-through. `sp500-equal` = S&P 500 Equal Weight (each issuer 1/N). */
export const FundTrackingSchema = z.enum(['sp500', 'sp400', 'sp600', 'sp500-equal']);
export type FundTracking = z.infer<typeof FundTrackingSchema>;

export const FundSchema = z.object({
  ticker: ShortText(16),
  name: ShortText(160),
  tracks: FundTrackingSchema,
  kind: z.enum(['etf', 'mutual-fund']),
});
export type Fund = z.infer<typeof FundSchema>;
