/**
 * Upgrades from every schema Breadth has shipped: a database as an earlier version created it, with
 * data in each of its tables, opened by the current BreadthDb. Nothing may be lost — every row reads
 * back as it was written, and the app's own loaders show what they showed before.
 */
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, deleteAllData, listSnapshots, loadDashboard, loadEstimateReadings, loadSnapshotAudits, loadSnapshotBytes, saveEstimateReadings } from './db';
import { receiveRead } from './background/service';
import { MINI } from './analysis/__fixtures__/mini-reference';
import { DEFAULT_RULE_SETTINGS } from './schema/settings';
import type { ScanResult } from './schema/holdings';

/**
 * The stores as each shipped version declared them (lib/db.ts keeps these blocks; this test pins
 * them, so a later edit to an old block fails here instead of on users' machines).
 */
const SHIPPED_SCHEMAS: Record<number, Record<string, string>> = {
  1: { accounts: 'key, readAt', reads: '++id, readAt', audits: 'id' },
  2: { snapshots: '++id, generatedAt', snapshotAudits: 'id', referenceVersions: '++id' },
  3: { providerCache: 'key, provider', providerStatus: 'provider', estimateReadings: '++id, ticker, readAt' },
};
const tablesUpTo = (version: number) => Object.entries(SHIPPED_SCHEMAS).filter(([v]) => Number(v) <= version).flatMap(([, stores]) => Object.keys(stores));

const scan = (symbol: string, value: number, readAt: string): ScanResult => ({
  source: { kind: 'page', readerId: 'generic', label: 'Generic table on broker.example', url: 'https://broker.example/positions' },
  readAt,
  holdings: [
    { symbol, marketValue: value, account: 'Brokerage X12345678' },
    { symbol: 'IJR', marketValue: 5_000, account: 'Brokerage X12345678' },
  ],
  skipped: [],
  complete: true,
});

/** Fills every table through the app's own writes (plus the provider tables, which the worker fills), and returns the rows. */
async function writeEverything(): Promise<Record<string, unknown[]>> {
  await receiveRead(scan('NVDA', 5_000, '2026-11-23T11:00:00.000Z'), { getSettings: async () => DEFAULT_RULE_SETTINGS, reference: MINI, now: () => new Date('2026-11-23T12:00:00Z') });
  await receiveRead(scan('AAPL', 7_000, '2026-11-24T11:00:00.000Z'), { getSettings: async () => DEFAULT_RULE_SETTINGS, reference: MINI, now: () => new Date('2026-11-24T12:00:00Z') });
  await db().referenceVersions.add({ state: { note: 'a refreshed reference, as stored' } as never });
  await db().providerCache.put({ key: 'sec:company:17843', provider: 'sec', fetchedAt: '2026-11-24T10:00:00.000Z', value: { name: 'Carpenter Technology Corp' } });
  await db().providerStatus.put({ provider: 'sec', lastSuccessAt: '2026-11-24T10:00:00.000Z', requests: 3 });
  await saveEstimateReadings([{ ticker: 'CRS', readAt: '2026-11-24T10:00:00.000Z', fiscalYearEnd: '2027-06-30', eps: 9.1, eps30DaysAgo: 9, eps90DaysAgo: 8.7, upLast30Days: 2, downLast30Days: 0, analysts: 7, source: 'estimates.csv (your import)' }]);
  const rows: Record<string, unknown[]> = {};
  for (const table of db().tables) rows[table.name] = await table.toArray();
  return rows;
}

/** Recreates the `breadth` database as `version` created it, holding the rows of its tables. */
async function createAsShipped(version: number, rows: Record<string, unknown[]>): Promise<void> {
  db().close();
  await Dexie.delete('breadth');
  const old = new Dexie('breadth');
  for (let v = 1; v <= version; v++) old.version(v).stores(SHIPPED_SCHEMAS[v]!);
  await old.open();
  for (const name of tablesUpTo(version)) await old.table(name).bulkAdd(rows[name]!);
  old.close();
  await db().open(); // the app's own instance, as a restarted worker or page opens it: this upgrades
}

beforeEach(async () => {
  await deleteAllData();
});

describe('opening an earlier version’s database with the current BreadthDb', () => {
  it('pins the current schema: a new version() needs its own entry above', async () => {
    await db().open();
    expect(db().verno).toBe(Math.max(...Object.keys(SHIPPED_SCHEMAS).map(Number)));
    expect(db().tables.map((t) => t.name).sort()).toEqual(tablesUpTo(Infinity).sort());
  });

  for (const version of Object.keys(SHIPPED_SCHEMAS).map(Number)) {
    it(`keeps every row of a v${version} database`, async () => {
      const written = await writeEverything();
      const before = { dashboard: await loadDashboard(), snapshots: await listSnapshots(), audits: await loadSnapshotAudits(), bytes: await loadSnapshotBytes(), estimates: await loadEstimateReadings() };
      expect(before.snapshots).toHaveLength(2); // the data really is there to lose

      await createAsShipped(version, written);

      // Every table that version had comes back row for row; the ones added since start empty.
      for (const table of db().tables) {
        const expected = tablesUpTo(version).includes(table.name) ? written[table.name] : [];
        expect(await table.toArray(), table.name).toEqual(expected);
      }
      expect(db().verno).toBe(Math.max(...Object.keys(SHIPPED_SCHEMAS).map(Number)));
      // …and through the app's loaders, what the popup and report showed before.
      expect(await loadDashboard()).toEqual(before.dashboard);
      if (version >= 2) {
        expect(await listSnapshots()).toEqual(before.snapshots);
        expect(await loadSnapshotAudits()).toEqual(before.audits);
        expect(await loadSnapshotBytes()).toEqual(before.bytes);
        // The indexes were built on upgrade: the history still sorts by date.
        expect((await db().snapshots.orderBy('generatedAt').toArray()).map((s) => s.generatedAt)).toEqual(before.snapshots.map((s) => s.generatedAt));
      }
      if (version >= 3) {
        expect(await loadEstimateReadings()).toEqual(before.estimates);
        expect(await db().estimateReadings.where('ticker').equals('CRS').count()).toBe(1);
        expect(await db().providerCache.where('provider').equals('sec').count()).toBe(1);
      }
      // The upgraded database still takes writes: a new read lands beside the old ones.
      await receiveRead(scan('MSFT', 1_000, '2026-11-25T11:00:00.000Z'), { getSettings: async () => DEFAULT_RULE_SETTINGS, reference: MINI, now: () => new Date('2026-11-25T12:00:00Z') });
      expect(await db().reads.count()).toBe(written.reads!.length + 1);
    });
  }
});
