/**
 * IndexedDB through Dexie: the only place the extension keeps data. Every record is re-parsed with
 * its schema when read, so a corrupted or tampered row is dropped (and reported) rather than shown.
 * Keep every old `version()` block when the schema changes: Dexie upgrades step by step.
 */
import Dexie, { type EntityTable } from 'dexie';
import * as z from 'zod/mini';
import { StoredAccountSchema, type StoredAccount } from './schema/portfolio';
import { AuditSnapshotSchema, type AuditSnapshot } from './schema/audit';
import { DashboardSchema, type Dashboard } from './schema/dashboard';
import { ScanSourceSchema } from './schema/holdings';

/** Log of reads (metadata only): what was read, from where, when. The holdings live in `accounts`. */
export const ReadLogEntrySchema = z.object({
  id: z.optional(z.number()),
  readAt: z.string(),
  source: ScanSourceSchema,
  accountKeys: z.array(z.string()),
  holdings: z.number(),
  skipped: z.number(),
});
export type ReadLogEntry = z.infer<typeof ReadLogEntrySchema>;

/** The latest audit per scope: `household` or `account:<key>`. */
export interface StoredAudit {
  id: string;
  audit: AuditSnapshot;
}

export class BreadthDb extends Dexie {
  accounts!: EntityTable<StoredAccount, 'key'>;
  reads!: EntityTable<ReadLogEntry, 'id'>;
  audits!: EntityTable<StoredAudit, 'id'>;

  constructor(name = 'breadth') {
    super(name);
    this.version(1).stores({
      accounts: 'key, readAt',
      reads: '++id, readAt',
      audits: 'id',
    });
  }
}

export const HOUSEHOLD_AUDIT_ID = 'household';
export const accountAuditId = (key: string) => `account:${key}`;

let instance: BreadthDb | undefined;
export function db(): BreadthDb {
  instance ??= new BreadthDb();
  return instance;
}

/** Stores the accounts of one read; an account read before is replaced, never doubled. */
export async function saveAccounts(accounts: StoredAccount[], log: Omit<ReadLogEntry, 'id' | 'accountKeys'>): Promise<void> {
  const valid = accounts.map((a) => StoredAccountSchema.parse(a));
  await db().transaction('rw', db().accounts, db().reads, async () => {
    await db().accounts.bulkPut(valid);
    await db().reads.add({ ...log, accountKeys: valid.map((a) => a.key) });
  });
}

/** All stored accounts that still parse; the rest are reported and left out of the audit. */
export async function loadAccounts(): Promise<StoredAccount[]> {
  const rows = await db().accounts.toArray();
  return rows.flatMap((row) => {
    const parsed = StoredAccountSchema.safeParse(row);
    if (!parsed.success) console.warn('Breadth: dropped an unreadable stored account', row?.key);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Replaces the stored audits with a fresh set (household + one per account). */
export async function saveAudits(household: AuditSnapshot | null, byAccount: AuditSnapshot[]): Promise<void> {
  await db().transaction('rw', db().audits, async () => {
    await db().audits.clear();
    const rows: StoredAudit[] = byAccount.map((a) => ({ id: accountAuditId(a.scope.accountKey ?? ''), audit: a }));
    if (household) rows.push({ id: HOUSEHOLD_AUDIT_ID, audit: household });
    await db().audits.bulkPut(rows);
  });
}

export async function loadHouseholdAudit(): Promise<AuditSnapshot | null> {
  const row = await db().audits.get(HOUSEHOLD_AUDIT_ID);
  const parsed = AuditSnapshotSchema.safeParse(row?.audit);
  return parsed.success ? parsed.data : null;
}

/** Everything the popup draws, in one read, re-parsed on the way out. */
export async function loadDashboard(): Promise<Dashboard> {
  const [accounts, audits] = await Promise.all([loadAccounts(), db().audits.toArray()]);
  let household: AuditSnapshot | null = null;
  const byAccount: Record<string, AuditSnapshot> = {};
  for (const row of audits) {
    const parsed = AuditSnapshotSchema.safeParse(row.audit);
    if (!parsed.success) continue;
    if (row.id === HOUSEHOLD_AUDIT_ID) household = parsed.data;
    else if (parsed.data.scope.accountKey) byAccount[parsed.data.scope.accountKey] = parsed.data;
  }
  return DashboardSchema.parse({
    household,
    byAccount,
    accounts: accounts
      .sort((a, b) => a.label.localeCompare(b.label))
      .map(({ key, label, source, readAt, complete, note, skipped }) => ({ key, label, source, readAt, complete, note, skipped })),
  });
}

/** Removes one account (its audits are recomputed by the caller). */
export async function deleteAccount(key: string): Promise<void> {
  await db().accounts.delete(key);
}

/** Deletes everything Breadth stored. Nothing is left behind. */
export async function deleteAllData(): Promise<void> {
  await db().transaction('rw', db().accounts, db().reads, db().audits, async () => {
    await Promise.all([db().accounts.clear(), db().reads.clear(), db().audits.clear()]);
  });
}
