import * as z from 'zod/mini';
import { IsoDateTime, ShortText } from './common';
import { RawHoldingSchema, ScanSourceSchema, SkippedRowSchema, StatedTotalSchema } from './holdings';

/**
 * One account as last read from one source (page or file). The same key seen again replaces it.
 * Holdings are kept as read (RawHolding); the engine classifies them each time it runs, so a
 * newer reference or a changed fund map re-classifies old reads correctly.
 */
export const StoredAccountSchema = z.object({
  /** `<readerId>:<masked label>`: stable across reads of the same account. */
  key: ShortText(200),
  /** Masked label shown to the user (`ROTH IRA ••2222`). */
  label: ShortText(160),
  source: ScanSourceSchema,
  readAt: IsoDateTime,
  holdings: z.array(RawHoldingSchema),
  skipped: z.array(SkippedRowSchema),
  complete: z.boolean(),
  note: z.optional(ShortText(300)),
  /**
   * Totals the source states for this account and, on the read's first account only, the read's
   * overall totals (no `account`) with how many accounts that read held, so the audit can tell when
   * a later read replaced some of them and the overall total no longer applies.
   */
  statedTotals: z.optional(z.array(StatedTotalSchema)),
  /** Read from Breadth's own demo page: an invented portfolio, kept apart from the real household. */
  demo: z.optional(z.boolean()),
  readAccounts: z.optional(z.int().check(z.gte(1))),
});
export type StoredAccount = z.infer<typeof StoredAccountSchema>;
