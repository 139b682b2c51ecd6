/**
 * IndexedDB through Dexie: the only place the extension keeps data. Every record is re-parsed with
 * its schema when read, so a corrupted or tampered row is dropped (and reported) rather than shown.
 * Keep every old `version()` block when the schema changes: Dexie upgrades step by step.
 */
import Dexie, { type EntityTable } from 'dexie';
import * as z from 'zod/mini';
import { StoredAccountSchema, type StoredAccount } from './schema/portfolio';
import { AUDIT_SCHEMA_ID, AUDIT_SCHEMA_ID_V1, AuditSnapshotSchema, type AuditSnapshot } from './schema/audit';
import { AnyVersionAuditSchema } from './schema/audit-v1';
import { DashboardSchema, type Dashboard } from './schema/dashboard';
import { ScanSourceSchema } from './schema/holdings';
import { SnapshotSummarySchema, type SnapshotSummary } from './schema/history';
import { auditFingerprint, summariseAudit } from './history/summary';
import { snapshotsPastRetention } from './history/retention';
import { ReferenceStateSchema, type ReferenceState } from './schema/reference';
import { EstimateReadingSchema, type EstimateReading } from './providers/estimates/types';
import { SIGNALS_KEY, StoredSignalsSchema, StoredUniverseScreenSchema, UNIVERSE_KEY, type StoredSignals, type StoredUniverseScreen } from './schema/signals';

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

/** A kept audit's figures (history list and chart) and what tells a re-read from a change. */
export type StoredSnapshot = SnapshotSummary & { fingerprint: string };
/**
 * The full kept audit, under its summary's id, as the UTF-8 bytes of its JSON (it passed
 * AuditSnapshotSchema when it was stored). Bytes, not an object: the history export hands a hundred
 * of them to one Blob without re-serialising or re-encoding 40 MB (budget: 200 ms, measured by
 * `npm run bench`); a diff decodes and re-parses the two it needs.
 */
export interface StoredSnapshotAudit {
  id: number;
  utf8: Uint8Array;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
/** What every stored audit's bytes start with: a cheap check that a row is what was written. */
const AUDIT_PREFIX = utf8.encode(`{"schema":"${AUDIT_SCHEMA_ID}"`);
/** Audits kept before v2: exported after migration (lib/schema/audit-v1.ts). */
const AUDIT_PREFIX_V1 = utf8.encode(`{"schema":"${AUDIT_SCHEMA_ID_V1}"`);

/** Reference data the user refreshed; the newest is in use, the one before it is the rollback. */
export interface StoredReferenceVersion {
  id?: number;
  state: ReferenceState;
}

/** What a provider answered, reduced to what Breadth uses, with when it was fetched. */
export interface StoredProviderEntry {
  /** `<provider>:<what>`, e.g. `sec:facts:1318605`. */
  key: string;
  provider: string;
  fetchedAt: string;
  value: unknown;
}

/** A provider's health, for the options page: last success, last error, requests made. */
export interface StoredProviderStatus {
  provider: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  requests: number;
}

export class BreadthDb extends Dexie {
  accounts!: EntityTable<StoredAccount, 'key'>;
  reads!: EntityTable<ReadLogEntry, 'id'>;
  audits!: EntityTable<StoredAudit, 'id'>;
  snapshots!: EntityTable<StoredSnapshot, 'id'>;
  snapshotAudits!: EntityTable<StoredSnapshotAudit, 'id'>;
  referenceVersions!: EntityTable<StoredReferenceVersion, 'id'>;
  providerCache!: EntityTable<StoredProviderEntry, 'key'>;
  providerStatus!: EntityTable<StoredProviderStatus, 'provider'>;
  estimateReadings!: EntityTable<EstimateReading & { id?: number }, 'id'>;

  constructor(name = 'breadth') {
    super(name);
    this.version(1).stores({
      accounts: 'key, readAt',
      reads: '++id, readAt',
      audits: 'id',
    });
    // v2: history. Summaries and full audits apart, so the chart loads a hundred without their holdings.
    // … and refreshed reference data, newest in use.
    this.version(2).stores({
      snapshots: '++id, generatedAt',
      snapshotAudits: 'id',
      referenceVersions: '++id',
    });
    // v3: online data (opt-in): provider answers cached with their date, and provider health.
    this.version(3).stores({
      providerCache: 'key, provider',
      providerStatus: 'provider',
      // Every consensus-EPS reading with its date: Breadth's own revision history.
      estimateReadings: '++id, ticker, readAt',
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
  const parsed = AnyVersionAuditSchema.safeParse(row?.audit);
  return parsed.success ? parsed.data : null;
}

/** Everything the popup draws, in one read, re-parsed on the way out. */
export async function loadDashboard(): Promise<Dashboard> {
  const [accounts, audits] = await Promise.all([loadAccounts(), db().audits.toArray()]);
  let household: AuditSnapshot | null = null;
  const byAccount: Record<string, AuditSnapshot> = {};
  for (const row of audits) {
    const parsed = AnyVersionAuditSchema.safeParse(row.audit);
    if (!parsed.success) continue;
    if (row.id === HOUSEHOLD_AUDIT_ID) household = parsed.data;
    else if (parsed.data.scope.accountKey) byAccount[parsed.data.scope.accountKey] = parsed.data;
  }
  return DashboardSchema.parse({
    household,
    byAccount,
    accounts: accounts
      .sort((a, b) => a.label.localeCompare(b.label))
      .map(({ key, label, source, readAt, complete, note, skipped, demo }) => ({ key, label, source, readAt, complete, note, skipped, ...(demo ? { demo } : {}) })),
  });
}

/** Removes the demo page's invented accounts (their audits are recomputed by the caller). */
export async function deleteDemoAccounts(): Promise<number> {
  const keys = (await loadAccounts()).filter((a) => a.demo).map((a) => a.key);
  await db().accounts.bulkDelete(keys);
  return keys.length;
}

/** Removes one account (its audits are recomputed by the caller). */
export async function deleteAccount(key: string): Promise<void> {
  await db().accounts.delete(key);
}

/**
 * Keeps an audit in the history unless it shows the same holdings as the newest kept one (a page
 * re-read), then applies retention. Returns the new snapshot's id, or null when nothing changed.
 */
export async function keepSnapshot(audit: AuditSnapshot, keepDays: number, now: Date): Promise<number | null> {
  const valid = AuditSnapshotSchema.parse(audit);
  const fingerprint = auditFingerprint(valid);
  return db().transaction('rw', db().snapshots, db().snapshotAudits, async () => {
    const newest = await db().snapshots.orderBy('generatedAt').last();
    if (newest?.fingerprint === fingerprint) return null;
    const id = (await db().snapshots.add({ ...summariseAudit(valid), fingerprint })) as number;
    await db().snapshotAudits.put({ id, utf8: utf8.encode(JSON.stringify(valid)) });
    await applyRetention(keepDays, now);
    return id;
  });
}

/** Deletes kept audits past the retention period (the newest always stays). */
export async function applyRetention(keepDays: number, now: Date): Promise<number> {
  return db().transaction('rw', db().snapshots, db().snapshotAudits, async () => {
    const kept = (await db().snapshots.toArray()).map((s) => ({ id: s.id!, generatedAt: s.generatedAt }));
    const drop = snapshotsPastRetention(kept, keepDays, now);
    await db().snapshots.bulkDelete(drop);
    await db().snapshotAudits.bulkDelete(drop);
    return drop.length;
  });
}

/** Adds imported audits to the history (one already kept — same time, same holdings — is skipped). */
export async function importSnapshots(audits: readonly AuditSnapshot[]): Promise<{ added: number; skipped: number }> {
  const valid = audits.map((a) => AuditSnapshotSchema.parse(a));
  return db().transaction('rw', db().snapshots, db().snapshotAudits, async () => {
    const existing = new Set((await db().snapshots.toArray()).map((s) => `${s.generatedAt}\n${s.fingerprint}`));
    let added = 0;
    for (const audit of valid) {
      const fingerprint = auditFingerprint(audit);
      const key = `${audit.generatedAt}\n${fingerprint}`;
      if (existing.has(key)) continue;
      existing.add(key);
      const id = (await db().snapshots.add({ ...summariseAudit(audit), fingerprint })) as number;
      await db().snapshotAudits.put({ id, utf8: utf8.encode(JSON.stringify(audit)) });
      added += 1;
    }
    return { added, skipped: valid.length - added };
  });
}

/** The history's figures, oldest first; rows that no longer parse are left out. */
export async function listSnapshots(): Promise<(SnapshotSummary & { id: number })[]> {
  const rows = await db().snapshots.orderBy('generatedAt').toArray();
  return rows.flatMap((row) => {
    const parsed = SnapshotSummarySchema.safeParse(row);
    return parsed.success && row.id != null ? [{ ...parsed.data, id: row.id }] : [];
  });
}

/** Full kept audits by id (for a diff), or all of them oldest first; each re-parsed, unreadable ones left out. */
export async function loadSnapshotAudits(ids?: readonly number[]): Promise<AuditSnapshot[]> {
  const rows = ids
    ? (await db().snapshotAudits.bulkGet([...ids])).filter((r): r is StoredSnapshotAudit => !!r)
    : await db().snapshotAudits.toArray();
  const audits = rows.flatMap((row) => {
    let json: unknown;
    try {
      json = JSON.parse(fromUtf8.decode(row.utf8));
    } catch {
      return [];
    }
    const parsed = AnyVersionAuditSchema.safeParse(json);
    return parsed.success ? [parsed.data] : [];
  });
  return ids ? audits : audits.sort((a, b) => a.generatedAt.localeCompare(b.generatedAt));
}

/**
 * Every kept audit as stored (UTF-8 JSON), oldest first, for the history export. Each was validated
 * with its schema when stored; a row that does not start like one (tampered storage) is left out,
 * and the file is validated whole again when it is imported.
 */
export async function loadSnapshotBytes(): Promise<Uint8Array[]> {
  const [order, rows] = await Promise.all([db().snapshots.orderBy('generatedAt').primaryKeys(), db().snapshotAudits.toArray()]);
  const byId = new Map(rows.map((r) => [r.id, r.utf8]));
  return (order as number[]).flatMap((id) => {
    const bytes = byId.get(id);
    if (!(bytes instanceof Uint8Array)) return [];
    if (AUDIT_PREFIX.every((b, i) => bytes[i] === b)) return [bytes];
    if (!AUDIT_PREFIX_V1.every((b, i) => bytes[i] === b)) return [];
    try {
      const migrated = AnyVersionAuditSchema.safeParse(JSON.parse(fromUtf8.decode(bytes)));
      return migrated.success ? [utf8.encode(JSON.stringify(migrated.data))] : [];
    } catch {
      return [];
    }
  });
}

export async function deleteSnapshot(id: number): Promise<void> {
  await db().transaction('rw', db().snapshots, db().snapshotAudits, async () => {
    await db().snapshots.delete(id);
    await db().snapshotAudits.delete(id);
  });
}

/** How many versions of refreshed reference data are kept: the one in use and one to roll back to. */
const REFERENCE_VERSIONS_KEPT = 2;

/** Puts a refreshed reference in use; the previous one stays for a rollback, older ones go. */
export async function saveReferenceState(state: ReferenceState): Promise<void> {
  const valid = ReferenceStateSchema.parse(state);
  await db().transaction('rw', db().referenceVersions, async () => {
    await db().referenceVersions.add({ state: valid });
    const ids = (await db().referenceVersions.toCollection().primaryKeys()) as number[];
    await db().referenceVersions.bulkDelete(ids.sort((a, b) => a - b).slice(0, -REFERENCE_VERSIONS_KEPT));
  });
}

/** The refreshed reference in use and the one before it (each null when there is none: the bundled data). */
export async function loadReferenceStates(): Promise<{ active: (ReferenceState & { id: number }) | null; previous: (ReferenceState & { id: number }) | null }> {
  const rows = await db().referenceVersions.orderBy(':id').reverse().toArray();
  const valid = rows.flatMap((row) => {
    const parsed = ReferenceStateSchema.safeParse(row.state);
    if (!parsed.success) console.warn('Breadth: dropped unreadable reference data', row.id);
    return parsed.success && row.id != null ? [{ ...parsed.data, id: row.id }] : [];
  });
  return { active: valid[0] ?? null, previous: valid[1] ?? null };
}

/** Id of the refreshed reference in use (cheap: for the worker's cache), or null for the bundled data. */
export async function activeReferenceId(): Promise<number | null> {
  return ((await db().referenceVersions.orderBy(':id').lastKey()) as number | undefined) ?? null;
}

/** Drops the reference in use: the previous version (or the bundled data) is used again. */
export async function rollBackReference(): Promise<void> {
  const id = await activeReferenceId();
  if (id !== null) await db().referenceVersions.delete(id);
}

/** Forgets every refresh: the bundled data is used again. */
export async function resetReference(): Promise<void> {
  await db().referenceVersions.clear();
}

/** What is stored, for the options page. */
export async function storedCounts(): Promise<{ accounts: number; snapshots: number; reads: number; referenceVersions: number }> {
  const d = db();
  const [accounts, snapshots, reads, referenceVersions] = await Promise.all([d.accounts.count(), d.snapshots.count(), d.reads.count(), d.referenceVersions.count()]);
  return { accounts, snapshots, reads, referenceVersions };
}

/** Deletes everything Breadth stored — holdings, audits, history, refreshed reference data, online data. Nothing is left behind. */
export async function deleteAllData(): Promise<void> {
  const d = db();
  const tables = [d.accounts, d.reads, d.audits, d.snapshots, d.snapshotAudits, d.referenceVersions, d.providerCache, d.providerStatus, d.estimateReadings];
  await d.transaction('rw', tables, async () => {
    await Promise.all(tables.map((t) => t.clear()));
  });
}

/** Keeps estimate readings; one already kept (same ticker, day, fiscal year and source) is not doubled. Returns how many were new. */
export async function saveEstimateReadings(readings: readonly EstimateReading[]): Promise<number> {
  const valid = readings.map((r) => EstimateReadingSchema.parse(r));
  return db().transaction('rw', db().estimateReadings, async () => {
    const key = (r: EstimateReading) => `${r.ticker}|${r.readAt.slice(0, 10)}|${r.fiscalYearEnd}|${r.source}`;
    const kept = new Set((await db().estimateReadings.where('ticker').anyOf([...new Set(valid.map((r) => r.ticker))]).toArray()).map(key));
    const fresh = valid.filter((r) => !kept.has(key(r)) && (kept.add(key(r)), true));
    await db().estimateReadings.bulkAdd(fresh);
    return fresh.length;
  });
}

/** Every kept estimate reading that still parses, oldest first. */
export async function loadEstimateReadings(): Promise<EstimateReading[]> {
  const rows = await db().estimateReadings.orderBy('readAt').toArray();
  return rows.flatMap(({ id: _, ...row }) => {
    const parsed = EstimateReadingSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The household's last online signals, for the popup (re-parsed; null when none). */
export async function loadOnlineSignals(): Promise<StoredSignals | null> {
  const row = await db().providerCache.get(SIGNALS_KEY);
  const parsed = StoredSignalsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** The last S&P 400/600 screen, for the popup (re-parsed; null when none). */
export async function loadUniverseScreen(): Promise<StoredUniverseScreen | null> {
  const row = await db().providerCache.get(UNIVERSE_KEY);
  const parsed = StoredUniverseScreenSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}
