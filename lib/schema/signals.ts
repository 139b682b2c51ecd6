import * as z from 'zod/mini';

/**
 * A broken-growth score as it is kept in IndexedDB and read back by the popup (the held screen and
 * the S&P 400/600 screen alike). Built by lib/analysis/broken-growth.ts; re-parsed when read.
 */
export const BrokenGrowthCriterionSchema = z.object({
  id: z.enum(['beaten-down', 'still-growing', 'margin-intact', 'temporary-cause', 'cash-positive']),
  label: z.string(),
  pass: z.nullable(z.boolean()),
  value: z.string(),
  evidence: z.nullable(z.object({ source: z.string(), url: z.optional(z.string()), fetchedAt: z.string() })),
});

export const BrokenGrowthResultSchema = z.object({
  ticker: z.string(),
  name: z.string(),
  criteria: z.array(BrokenGrowthCriterionSchema),
  passed: z.number(),
  known: z.number(),
  verdict: z.enum(['candidate', 'unknown', 'not']),
});
export type StoredBrokenGrowthResult = z.infer<typeof BrokenGrowthResultSchema>;
