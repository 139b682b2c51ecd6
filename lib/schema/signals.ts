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

/** Where the worker keeps the household's signals and the S&P 400/600 screen (IndexedDB providerCache). */
export const SIGNALS_KEY = 'signals:household';
export const UNIVERSE_KEY = 'signals:universe';

/** The household's online signals as kept and as the popup reads them back (re-parsed). */
export const StoredSignalsSchema = z.object({
  generatedAt: z.string(),
  providers: z.array(z.enum(['sec', 'prices', 'estimates'])),
  brokenGrowth: z.array(BrokenGrowthResultSchema),
  broadening: z.nullable(z.object({ asOf: z.string(), to: z.string(), windows: z.array(z.object({ months: z.number(), from: z.string(), to: z.string(), sentence: z.string() })) })),
  broadeningChart: z.optional(z.nullable(z.array(z.object({ key: z.enum(['rsp', 'ijh', 'ijr']), points: z.array(z.object({ date: z.string(), value: z.number() })) })))),
  sizeContext: z.optional(z.nullable(z.object({ period: z.string(), sp1000Float: z.number(), covered: z.number(), total: z.number(), largest: z.object({ name: z.string(), float: z.number() }), sentence: z.string() }))),
  problems: z.array(z.string()),
});
export type StoredSignals = z.infer<typeof StoredSignalsSchema>;

/** The last S&P 400/600 screen as kept. */
export const StoredUniverseScreenSchema = z.object({
  generatedAt: z.string(),
  screened: z.number(),
  withFundamentals: z.number(),
  requests: z.number(),
  candidates: z.array(BrokenGrowthResultSchema),
});
export type StoredUniverseScreen = z.infer<typeof StoredUniverseScreenSchema>;
