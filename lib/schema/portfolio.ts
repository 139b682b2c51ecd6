import * as z from 'zod/mini';
import { IsoDateTime, ShortText } from './common';
import { RawHoldingSchema, ScanSourceSchema, SkippedRowSchema } from './holdings';

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
});
export type StoredAccount = z.infer<typeof StoredAccountSchema>;
