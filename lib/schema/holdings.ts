import * as z from 'zod/mini';
import { IsoDateTime, RowAmount, ShortText } from './common';

/** What an adapter or file importer hands over for one row. Untrusted: re-parsed in the background. */
export const RawHoldingSchema = z.object({
  /** Symbol as shown (normalised later by lib/reference/tickers); CUSIPs and option symbols allowed. */
  symbol: z.optional(ShortText(64)),
  description: z.optional(ShortText(300)),
  quantity: z.optional(z.nullable(RowAmount)),
  price: z.optional(z.nullable(RowAmount)),
  /** Market value in USD (|x| ≤ 1e13). `null` when the source shows none (e.g. `--`). */
  marketValue: z.nullable(RowAmount),
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

/**
 * A total the source itself states (an `Account Total` line, a grand total, a page's account header
 * value). Readers report these next to the rows they read; the audit compares them
 * (lib/analysis/reconcile.ts), so a lot row or a total line read as a holding shows as a caution.
 * A stated total covers every row the reader emitted for that account (positions, cash, pending).
 */
export const StatedTotalSchema = z.object({
  /** The masked account label, exactly as on the holdings it covers; absent = every account of the read. */
  account: z.optional(ShortText(120)),
  /** What the source calls it ("Account Total", "Grand total", "Net Account Value"). */
  label: ShortText(120),
  /** USD. */
  value: RowAmount,
  /** 1-based line (file) or row (page) it was read from. */
  row: z.optional(z.number().check(z.gte(0))),
});
export type StatedTotal = z.infer<typeof StatedTotalSchema>;

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
  /** Totals the source states (per account and overall), for reconciliation. */
  statedTotals: z.optional(z.array(StatedTotalSchema).check(z.maxLength(1_000))),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;
