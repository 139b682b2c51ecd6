import * as z from 'zod/mini';
import { FiniteNumber, Fraction, IsoDate, IsoDateTime } from './common';
import { AUDIT_SCHEMA_ID, TiersSchema } from './audit';
import { AnyVersionAuditSchema } from './audit-v1';

export const HISTORY_SCHEMA_ID = 'breadth.history/v1';

/**
 * The figures of one kept audit, small enough to load a hundred at once for the history chart.
 * The full audit (holdings included: the snapshot's inputs) is stored beside it under the same id.
 */
export const SnapshotSummarySchema = z.object({
  id: z.optional(z.int()),
  generatedAt: IsoDateTime,
  /** "All accounts", or the account's label for an imported single-account audit. */
  scopeLabel: z.string(),
  referenceAsOf: IsoDate,
  totalValue: FiniteNumber,
  holdingsCount: z.int().check(z.gte(0)),
  accountsCount: z.int().check(z.gte(0)),
  topTenShare: FiniteNumber,
  benchmarkShare: Fraction,
  activeShare: z.nullable(Fraction),
  tiers: TiersSchema,
});
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;

/** The whole history as one file (export and re-import). */
export const HistoryFileSchema = z.object({
  schema: z.literal(HISTORY_SCHEMA_ID),
  exportedAt: IsoDateTime,
  /** Audits of any known version; v1 ones are read as v2 (lib/schema/audit-v1.ts). */
  snapshots: z.array(AnyVersionAuditSchema),
});
export type HistoryFile = z.infer<typeof HistoryFileSchema>;

export { AUDIT_SCHEMA_ID };
