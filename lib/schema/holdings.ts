import * as z from 'zod/mini';
import { FiniteNumber, IsoDateTime, ShortText } from './common';

/** What an adapter or file importer hands over for one row. Untrusted: re-parsed in the background. */
export const RawHoldingSchema = z.object({
  /** Symbol as shown (normalised later by lib/reference/tickers); CUSIPs and option symbols allowed. */
  symbol: z.optional(ShortText(64)),
  description: z.optional(ShortText(300)),
  quantity: z.optional(z.nullable(FiniteNumber)),
  price: z.optional(z.nullable(FiniteNumber)),
  /** Market value in USD. `null` when the source shows none (e.g. `--`). */
  marketValue: z.nullable(FiniteNumber),
  /** Account label, already masked (last 4 digits only) by the reader. */
  account: z.optional(ShortText(120)),
  /** A reader's hint when the source says what the row is. */
  rowKind: z.optional(z.enum(['position', 'cash', 'pending'])),
});
export type RawHolding = z.infer<typeof RawHoldingSchema>;

/** A row the reader saw but could not understand; counted and shown, never guessed. */
export const SkippedRowSchema = z.object({
  /** 1-based row (page) or line (file) number. */
  row: z.number().check(z.gte(0)),
  reason: ShortText(300),
});
export type SkippedRow = z.infer<typeof SkippedRowSchema>;

export const ScanSourceSchema = z.object({
  kind: z.enum(['page', 'file']),
  /** Adapter id (`generic`, `fidelity`, …) or file format id (`fidelity-positions-csv`, …). */
  readerId: ShortText(64),
  /** Human name of the source: "Fidelity positions page", "Generic table on example.com". */
  label: ShortText(200),
  /** Page origin + path (never the query string, which may carry identifiers). */
  url: z.optional(ShortText(500)),
  fileName: z.optional(ShortText(260)),
});
export type ScanSource = z.infer<typeof ScanSourceSchema>;

/** One read of a page or a file. */
export const ScanResultSchema = z.object({
  source: ScanSourceSchema,
  readAt: IsoDateTime,
  holdings: z.array(RawHoldingSchema).check(z.maxLength(20_000)),
  skipped: z.array(SkippedRowSchema).check(z.maxLength(20_000)),
  /** False when the reader knows it saw only part of the positions (virtualised grids). */
  complete: z.boolean(),
  /** Why the read is partial or empty, in words for the user. */
  note: z.optional(ShortText(300)),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;
