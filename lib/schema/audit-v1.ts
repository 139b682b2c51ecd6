/**
 * Audits written before `breadth.audit/v2` (history files, kept audits in IndexedDB) read on as v2:
 * v1 had no international or unrecognised tier (both 0), no bounds (its unresolved funds were the
 * money it could not see), no reconciliation and no look-through sources. Every v1 figure keeps
 * its value; nothing is recomputed.
 */
import * as z from 'zod/mini';
import { AUDIT_SCHEMA_ID, AUDIT_SCHEMA_ID_V1, AuditSnapshotSchema, UNSEEN_BOUND_THRESHOLD, type AuditSnapshot } from './audit';


type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A v1 audit object rewritten in the v2 shape (anything else is returned as it is). */
export function migrateAuditV1(input: unknown): unknown {
  if (!isObject(input) || input.schema !== AUDIT_SCHEMA_ID_V1) return input;
  const exposure = isObject(input.exposure) ? input.exposure : {};
  const portfolio = isObject(input.portfolio) ? input.portfolio : {};
  const tiers = isObject(exposure.tiers) ? exposure.tiers : {};
  const topTen = isObject(exposure.topTen) ? exposure.topTen : {};
  const holdings = Array.isArray(input.holdings) ? input.holdings : [];
  const unresolved = typeof tiers.unresolved === 'number' ? tiers.unresolved : 0;
  const unseen = Math.min(1, Math.max(0, unresolved));
  const share = typeof topTen.share === 'number' ? topTen.share : 0;
  const benchmark = typeof topTen.benchmarkShare === 'number' ? topTen.benchmarkShare : 0;
  return {
    ...input,
    schema: AUDIT_SCHEMA_ID,
    // v1 took shares of the net total; where it had no negative rows that is the gross long value.
    portfolio: { ...portfolio, reconciliation: [], grossLongValue: portfolio.totalValue, shortValue: 0, debtValue: 0 },
    exposure: {
      ...exposure,
      tiers: { ...tiers, international: 0, unrecognised: 0 },
      topTen: {
        ...topTen,
        unseen,
        shareIfUnseenLikeIndex: share + unseen * benchmark,
        shareAtMost: share + unseen,
        bounded: unseen > UNSEEN_BOUND_THRESHOLD,
        unseenHoldings: holdings
          .filter((h): h is Json => isObject(h) && h.category === 'unresolvedFund')
          .map((h) => ({ name: String(h.symbol ?? h.description ?? 'fund'), share: typeof h.share === 'number' ? h.share : 0, category: 'unresolvedFund' as const }))
          .slice(0, 20),
      },
      lookThroughSources: [],
    },
  };
}

/** Parses a stored or imported audit of any known version as the current one. */
export function parseAnyAudit(input: unknown): ReturnType<typeof AuditSnapshotSchema.safeParse> {
  return AuditSnapshotSchema.safeParse(migrateAuditV1(input));
}

export type { AuditSnapshot };

/** A schema that reads any known version as the current one (history files, stored rows). */
export const AnyVersionAuditSchema = z.pipe(z.transform((x: unknown) => migrateAuditV1(x)), AuditSnapshotSchema);
