import * as z from 'zod/mini';
import { Fraction, RuleLevelSchema, ShortText } from './common';

/** What one badge beside a symbol on the page says. Built in the background, drawn by the content script. */
export const BadgeSchema = z.object({
  kind: z.enum(['top10', 'sp500', 'sp400', 'sp600', 'fund', 'international', 'otherEquity', 'unresolvedFund', 'unrecognised', 'cash', 'nonEquity']),
  /** Short text on the badge: `TOP-10`, `S&P 500`, `MID`, `SMALL`, `FUND 39% TOP-10`. */
  text: ShortText(40),
  /** Tooltip: one or two plain sentences. */
  title: ShortText(400),
});
export type Badge = z.infer<typeof BadgeSchema>;

/** The background's answer to a page read: badges per shown symbol and the page summary chip. */
export const PageAuditSchema = z.object({
  /** One per symbol, the symbol exactly as the reader reported it. (An array, not a record: zod's
   * record support would cost the content script ~2 KB.) */
  badges: z.array(z.object({ symbol: ShortText(64), badge: BadgeSchema })),
  summary: z.nullable(
    z.object({
      topTenShare: z.number(),
      benchmarkShare: Fraction,
      level: RuleLevelSchema,
      /** e.g. "Top-10 exposure 47 % (index 39 %)". */
      text: ShortText(200),
    }),
  ),
  /** Said to the user instead of numbers when nothing could be read. */
  message: z.optional(ShortText(300)),
});
export type PageAudit = z.infer<typeof PageAuditSchema>;
