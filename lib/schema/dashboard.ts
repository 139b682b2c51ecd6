import * as z from 'zod/mini';
import { AuditSnapshotSchema } from './audit';
import { IsoDateTime, ShortText } from './common';
import { ScanSourceSchema } from './holdings';

/** One account as the popup lists it (no holdings: those live in the audit). */
export const AccountSummarySchema = z.object({
  key: z.string(),
  label: ShortText(160),
  source: ScanSourceSchema,
  readAt: IsoDateTime,
  complete: z.boolean(),
  note: z.optional(ShortText(300)),
  /** Rows the reader saw but could not understand, with reasons. */
  skipped: z.array(z.object({ row: z.number(), reason: z.string() })),
  /** The demo page's invented account: never in the real household or its history. */
  demo: z.optional(z.boolean()),
});
export type AccountSummary = z.infer<typeof AccountSummarySchema>;

/** Everything the popup and report draw: read from IndexedDB, re-parsed on the way out. */
export const DashboardSchema = z.object({
  household: z.nullable(AuditSnapshotSchema),
  /** Per-account audits, keyed by account key. */
  byAccount: z.record(z.string(), AuditSnapshotSchema),
  accounts: z.array(AccountSummarySchema),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
