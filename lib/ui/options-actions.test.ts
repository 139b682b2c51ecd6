import { beforeEach, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { deleteAllData, listSnapshots, loadReferenceStates, rollBackReference } from '../db';
import { activeReference } from '../background/reference';
import { importReferenceFiles, importUserFile, referenceInUse, toggleProvider } from './options-actions';
import { iSharesCsv } from '../../test/helpers/ishares';
import { buildAudit } from '../analysis/audit';
import { bundledReference } from '../reference';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import { auditToJson } from '../export/holdings-csv';
import { historyToJson } from '../history/files';

beforeEach(async () => {
  await deleteAllData();
});

const ijh = (asOf: string) =>
  iSharesCsv('iShares Core S&P Mid-Cap ETF', asOf, [
    { ticker: 'CRS', name: 'CARPENTER TECHNOLOGY CORP', sector: 'Industrials', marketValue: 700 },
    { ticker: 'NVT', name: 'NVENT ELECTRIC PLC', sector: 'Industrials', marketValue: 300 },
  ]);
const now = () => new Date('2026-11-25T12:00:00Z');

describe('refreshing the index data from the options page (real Dexie on fake-indexeddb)', () => {
  it('stores each file as a version, the worker audits with it, and undo goes back one file', async () => {
    const results = await importReferenceFiles(
      [
        { name: 'IJH_holdings.csv', bytes: strToU8(ijh('Nov 20, 2026')) },
        { name: 'IVV_holdings.csv', bytes: strToU8('<html><body>Sorry</body></html>') },
      ],
      now,
    );
    expect(results[0]).toMatchObject({ ok: true });
    expect(results[0]!.text).toMatch(/^S&P MidCap 400 from iShares IJH: 2026-06-19 → 2026-11-20;/);
    expect(results[1]).toEqual({ name: 'IVV_holdings.csv', ok: false, text: 'not imported — this file is a web page (HTML), not a holdings file: the fund site sent an error page. Download the holdings file again.' });
    const inUse = await referenceInUse();
    expect(inUse.refreshed).toBe(true);
    expect(inUse.inUse.snapshot.sources.find((s) => s.index === 'sp400')?.asOf).toBe('2026-11-20');
    expect((await activeReference()).issuersByIndex.sp400.map((i) => i.tickers[0])).toEqual(['CRS', 'NVT']);

    await importReferenceFiles([{ name: 'IJH_holdings.csv', bytes: strToU8(ijh('Nov 24, 2026')) }], now);
    expect((await loadReferenceStates()).previous?.snapshot.sources.find((s) => s.index === 'sp400')?.asOf).toBe('2026-11-20');
    await rollBackReference();
    expect((await referenceInUse()).inUse.snapshot.sources.find((s) => s.index === 'sp400')?.asOf).toBe('2026-11-20');
    await rollBackReference();
    expect((await referenceInUse()).refreshed).toBe(false);
    expect((await activeReference()).issuersByIndex.sp400).toHaveLength(400);
  });
});

describe('turning an online data source on and off', () => {
  it('asks for exactly that source’s hosts, and records nothing when the user says no', async () => {
    const asked: string[][] = [];
    const removed: string[][] = [];
    let settings = { ...(await import('../schema/settings')).DEFAULT_RULE_SETTINGS };
    const deps = (grant: boolean) => ({
      permissions: { request: async (p: { origins: string[] }) => (asked.push(p.origins), grant), remove: async (p: { origins: string[] }) => (removed.push(p.origins), true) },
      getSettings: async () => settings,
      saveSettings: async (change: object) => void (settings = { ...settings, ...change }),
      clear: async () => {},
      recompute: async () => {},
    });
    expect(await toggleProvider('prices', true, deps(false))).toBe('Permission not granted: Cboe (daily prices) stays off and nothing is requested.');
    expect(settings.onlineData).toEqual([]);
    expect(await toggleProvider('sec', true, deps(true))).toBe('On: SEC EDGAR (company filings) is used from the next audit.');
    expect(asked).toEqual([['https://cdn.cboe.com/*'], ['https://www.sec.gov/*', 'https://data.sec.gov/*', 'https://efts.sec.gov/*']]);
    expect(settings.onlineData).toEqual(['sec']);
    await toggleProvider('sec', false, deps(true));
    expect(settings.onlineData).toEqual([]);
    expect(removed).toEqual([['https://www.sec.gov/*', 'https://data.sec.gov/*', 'https://efts.sec.gov/*']]);
  });
});

describe('importing a CSV of analysts’ estimates', () => {
  it('keeps each row as a dated reading, once', async () => {
    const csv = 'Ticker,Date,EPS estimate,EPS 90 days ago\nNVDA,2026-11-20,4.10,4.30\nMSFT,11/20/2026,15.2,15.0\nAAPL,2026-11-20,n/a\n';
    const noScan = async () => {
      throw new Error('an estimates file must not be read as positions');
    };
    expect(await importUserFile({ name: 'estimates.csv', text: csv }, noScan)).toBe(
      "Kept 2 new estimate readings for 2 companies. 1 rows skipped (line 4: " + (await import('../providers/estimates/estimates-csv')).parseEstimatesCsv(csv, 'estimates.csv').skipped[0]!.reason + "). The popup's mega-cap estimates use them.",
    );
    expect((await importUserFile({ name: 'estimates.csv', text: csv }, noScan)).startsWith('Kept 0 new estimate readings for 2 companies (2 already kept).')).toBe(true);
    const { loadEstimateReadings } = await import('../db');
    expect((await loadEstimateReadings()).map((r) => [r.ticker, r.eps, r.eps90DaysAgo, r.readAt]).sort()).toEqual([
      ['MSFT', 15.2, 15, '2026-11-20T00:00:00.000Z'],
      ['NVDA', 4.1, 4.3, '2026-11-20T00:00:00.000Z'],
    ]);
  });
});

describe('importing Breadth’s own files into the history', () => {
  const audit = (at: string, value: number) =>
    buildAudit({
      accounts: [{ key: 'k', label: 'IRA', source: { kind: 'file', readerId: 'plain-csv', label: 'f' }, readAt: at, holdings: [{ symbol: 'VOO', marketValue: value }], skipped: [], complete: true }],
      reference: bundledReference(),
      settings: DEFAULT_RULE_SETTINGS,
      generatedAt: new Date(at),
    });
  const noScan = async () => {
    throw new Error('a Breadth file must not be read as positions');
  };

  it('adds an audit file and a history file, and says how many were new', async () => {
    expect(await importUserFile({ name: 'breadth-audit-2026-08-01.json', text: auditToJson(audit('2026-08-01T00:00:00.000Z', 1_000)) }, noScan)).toBe(
      'Added 1 audit to the history. Open the report to compare them.',
    );
    const history = historyToJson([audit('2026-08-01T00:00:00.000Z', 1_000), audit('2026-11-01T00:00:00.000Z', 2_000)], now());
    expect(await importUserFile({ name: 'breadth-history.json', text: history }, noScan)).toBe('Added 1 audit to the history (1 already there). Open the report to compare them.');
    // A positions file the worker refused is reported as refused, not as "Imported … in 0 accounts".
    await expect(importUserFile({ name: 'positions.csv', text: 'Symbol,Market Value\nAAPL,100\n' }, async () => ({ accounts: 0 }))).rejects.toThrow(/^nothing was stored/);
    expect(await importUserFile({ name: 'positions.csv', text: 'Symbol,Market Value\nAAPL,100\n' }, async () => ({ accounts: 1 }))).toMatch(/^Imported 1 rows in 1 account /);
    expect((await listSnapshots()).map((s) => s.totalValue)).toEqual([1_000, 2_000]);
  });

  it('refuses a history from a newer Breadth and keeps what is stored', async () => {
    await importUserFile({ name: 'a.json', text: auditToJson(audit('2026-08-01T00:00:00.000Z', 1_000)) }, noScan);
    const newer = JSON.stringify({ schema: 'breadth.history/v2', exportedAt: '2026-11-25T00:00:00.000Z', snapshots: [] });
    await expect(importUserFile({ name: 'h.json', text: newer }, noScan)).rejects.toThrow('h.json was written by a newer version of Breadth (breadth.history/v2); update Breadth to import it. Nothing was changed.');
    expect(await listSnapshots()).toHaveLength(1);
  });
});
