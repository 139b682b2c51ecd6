/**
 * One reading of analysts' consensus EPS for a company's next fiscal year, as a source gave it on a
 * date. Breadth keeps every reading with its date, so it builds its own revision history over time
 * even from a source that only tells today's consensus.
 */
import * as z from 'zod/mini';

export const EstimateReadingSchema = z.object({
  /** Canonical ticker (`GOOGL`, `BRK.B`). */
  ticker: z.string().check(z.maxLength(16)),
  /** When the reading was taken (ISO instant): the day the source was asked or the CSV row's date. */
  readAt: z.string(),
  /** End of the fiscal year the estimate is for (`YYYY-MM-DD`), when the source says. */
  fiscalYearEnd: z.nullable(z.string()),
  /** Consensus (average) EPS estimate, USD per share. */
  eps: z.number(),
  /** The same consensus as the source reports it 30 and 90 days before `readAt`, when it does. */
  eps30DaysAgo: z.nullable(z.number()),
  eps90DaysAgo: z.nullable(z.number()),
  /** Counts of analysts revising up / down over the last 30 days, when the source gives them. */
  upLast30Days: z.nullable(z.number()),
  downLast30Days: z.nullable(z.number()),
  analysts: z.nullable(z.number()),
  /** "Alpha Vantage EARNINGS_ESTIMATES", "estimates.csv (your import)". */
  source: z.string().check(z.maxLength(120)),
});
export type EstimateReading = z.infer<typeof EstimateReadingSchema>;
