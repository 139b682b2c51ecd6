import * as z from 'zod/mini';

/** A finite number: zod 4's number() already refuses NaN and ±Infinity, never valid money or quantities. */
export const FiniteNumber = z.number();
/**
 * The largest amount one row can hold, in USD or units: far beyond any real position, small enough
 * that 20,000 rows of it still sum to a finite number (so a hostile page cannot poison the store).
 */
export const MAX_ROW_AMOUNT = 1e13;
/** Money or a quantity read from outside: finite and within ±MAX_ROW_AMOUNT. */
export const RowAmount = z.number().check(z.gte(-MAX_ROW_AMOUNT), z.lte(MAX_ROW_AMOUNT));
/** A fraction of a whole: 0 … 1. */
export const Fraction = z.number().check(z.gte(0), z.lte(1));
/** Instant in ISO 8601 UTC as `Date.toISOString()` writes it (`2026-06-19T14:03:00.000Z`). A plain regex
 * rather than `z.iso.datetime()`: it is what the content script imports, and it must stay small. */
export const IsoDateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/));
/** Calendar date `YYYY-MM-DD`. */
export const IsoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  // A real calendar day (2026-02-31 is not): without z.iso, which costs the content scripts ~1.5 KB.
  z.refine((s) => {
    const day = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s);
  }, 'not a calendar date'),
);
/** Short human text that came from outside (page, file): bounded so a hostile page cannot bloat storage. */
export const ShortText = (max = 200) => z.string().check(z.maxLength(max));

/** How serious a rule's finding is. */
export const RuleLevelSchema = z.enum(['ok', 'consider', 'caution']);
export type RuleLevel = z.infer<typeof RuleLevelSchema>;
