import * as z from 'zod/mini';

/**
 * The parts of SEC EDGAR's public JSON that Breadth reads. Objects are not strict: EDGAR adds fields
 * over time, and unknown keys are dropped rather than refused.
 */

/** `YYYY-MM-DD`: the fact and filing dates are compared as strings, so the format must hold. */
const EdgarDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** `www.sec.gov/files/company_tickers.json`: `{"0": {cik_str, ticker, title}, "1": …}`. */
export const CompanyTickerSchema = z.object({
  cik_str: z.number().check(z.int(), z.gte(0)),
  ticker: z.string(),
  title: z.string(),
});
export const CompanyTickersSchema = z.record(z.string(), CompanyTickerSchema);
export type CompanyTicker = z.infer<typeof CompanyTickerSchema>;
export type CompanyTickers = z.infer<typeof CompanyTickersSchema>;

/** `filings.recent`: one array per column, row i of every array is one filing. */
export const RecentFilingsSchema = z.object({
  accessionNumber: z.array(z.string()),
  filingDate: z.array(EdgarDate),
  // Empty for filings without a period (e.g. some 8-Ks), so not a date.
  reportDate: z.array(z.string()),
  form: z.array(z.string()),
  items: z.array(z.string()),
  primaryDocument: z.array(z.string()),
});
export type RecentFilings = z.infer<typeof RecentFilingsSchema>;

/** Older filings live in extra files (`CIK##########-submissions-001.json`) listed here. */
export const SubmissionsFileRefSchema = z.object({
  name: z.string(),
  filingCount: z.optional(z.number()),
  filingFrom: z.optional(z.string()),
  filingTo: z.optional(z.string()),
});

/** `data.sec.gov/submissions/CIK##########.json`. */
export const SubmissionsSchema = z.object({
  // A string of digits today ("1318605"); a number is accepted too, it means the same.
  cik: z.union([z.string().check(z.regex(/^\d+$/)), z.number().check(z.int(), z.gte(0))]),
  name: z.string(),
  tickers: z.array(z.string()),
  filings: z.object({
    recent: RecentFilingsSchema,
    files: z.optional(z.array(SubmissionsFileRefSchema)),
  }),
});
export type Submissions = z.infer<typeof SubmissionsSchema>;

/** One reported value of an XBRL concept, as one filing reported it. `start` is absent for instants. */
export const FactSchema = z.object({
  start: z.optional(EdgarDate),
  end: EdgarDate,
  val: z.number(),
  accn: z.string(),
  // fy/fp describe the filing's period, not the fact's: kept for reference, never used to place a fact.
  fy: z.optional(z.nullable(z.number())),
  fp: z.optional(z.nullable(z.string())),
  form: z.string(),
  filed: EdgarDate,
  frame: z.optional(z.string()),
});
export type Fact = z.infer<typeof FactSchema>;

export const ConceptSchema = z.object({
  label: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
  /** Keyed by unit: `USD`, `shares`, `USD/shares`, … */
  units: z.record(z.string(), z.array(FactSchema)),
});
export type Concept = z.infer<typeof ConceptSchema>;

/** Concepts of one taxonomy, keyed by tag (`Revenues`, `GrossProfit`, …). */
export const TaxonomySchema = z.record(z.string(), ConceptSchema);
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/** `data.sec.gov/api/xbrl/companyfacts/CIK##########.json`. Other taxonomies (ifrs-full, srt, …) are dropped. */
export const CompanyFactsSchema = z.object({
  cik: z.number().check(z.int(), z.gte(0)),
  entityName: z.string(),
  facts: z.object({
    'us-gaap': z.optional(TaxonomySchema),
    dei: z.optional(TaxonomySchema),
  }),
});
export type CompanyFacts = z.infer<typeof CompanyFactsSchema>;

/** One company's value in a frame. `start` is absent for instant frames (`CY2023Q4I`). */
export const FrameRowSchema = z.object({
  accn: z.string(),
  cik: z.number().check(z.int(), z.gte(0)),
  entityName: z.string(),
  loc: z.optional(z.nullable(z.string())),
  start: z.optional(EdgarDate),
  end: EdgarDate,
  val: z.number(),
});
export type FrameRow = z.infer<typeof FrameRowSchema>;

/** `data.sec.gov/api/xbrl/frames/{taxonomy}/{tag}/{unit}/{period}.json`: one value per company for one period. */
export const FrameSchema = z.object({
  taxonomy: z.string(),
  tag: z.string(),
  ccp: z.string(),
  uom: z.string(),
  label: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
  pts: z.number(),
  data: z.array(FrameRowSchema),
});
export type Frame = z.infer<typeof FrameSchema>;
