import { beforeEach, describe, expect, it } from 'vitest';
import { isDemoPage, receiveRead, recomputeAudits, toolbarBadge } from './service';
import { db, deleteAllData, deleteDemoAccounts, deleteSnapshot, importSnapshots, listSnapshots, loadAccounts, loadDashboard, loadSnapshotAudits, loadSnapshotBytes } from '../db';
import { historyToJson, parseBreadthFile } from '../history/files';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import type { ScanResult } from '../schema/holdings';

const deps = { getSettings: async () => DEFAULT_RULE_SETTINGS, now: () => new Date('2026-11-24T12:00:00Z') };
const scan = (holdings: ScanResult['holdings'], readAt = '2026-11-24T11:00:00.000Z'): ScanResult => ({
  source: { kind: 'page', readerId: 'generic', label: 'Generic table on broker.example', url: 'https://broker.example/positions' },
  readAt,
  holdings,
  skipped: [{ row: 4, reason: 'market value "abc" is not a number' }],
  complete: true,
});

beforeEach(async () => {
  await deleteAllData();
});

describe('background service (real Dexie on fake-indexeddb)', () => {
  it('stores a page read, audits it and answers with badges and the page chip', async () => {
    const answer = await receiveRead(
      scan([
        { symbol: 'NVDA', marketValue: 5_000, account: 'Brokerage X12345678' },
        { symbol: 'IJR', marketValue: 5_000, account: 'Brokerage X12345678' },
      ]),
      deps,
    );
    const badge = (symbol: string) => answer.badges.find((b) => b.symbol === symbol)?.badge;
    expect(badge('NVDA')?.text).toBe('TOP-10');
    expect(badge('IJR')?.text).toBe('FUND SMALL');
    expect(answer.summary?.topTenShare).toBeCloseTo(0.5, 12);
    const accounts = await loadAccounts();
    expect(accounts.map((a) => a.label)).toEqual(['Brokerage ••5678']); // masked before storage
    const dashboard = await loadDashboard();
    expect(dashboard.household?.portfolio.totalValue).toBe(10_000);
    expect(dashboard.household?.portfolio.unreadRows).toBe(1);
    expect(Object.keys(dashboard.byAccount)).toEqual([accounts[0]!.key]);
    // NVDA alone is 50 % of the money: single-issuer caution → red badge "50%".
    expect(toolbarBadge(dashboard.household)).toMatchObject({ text: '50%', color: '#b3261e' });
  });

  it('replaces an account read again instead of doubling it', async () => {
    await receiveRead(scan([{ symbol: 'NVDA', marketValue: 5_000, account: 'IRA ••1111' }]), deps);
    await receiveRead(scan([{ symbol: 'NVDA', marketValue: 7_000, account: 'IRA ••1111' }], '2026-11-24T11:30:00.000Z'), deps);
    const dashboard = await loadDashboard();
    expect(dashboard.accounts).toHaveLength(1);
    expect(dashboard.household?.portfolio.totalValue).toBe(7_000);
  });

  it('refuses a forged payload without touching what is stored', async () => {
    await receiveRead(scan([{ symbol: 'VOO', marketValue: 1_000 }]), deps);
    const answer = await receiveRead({ source: { kind: 'page' }, holdings: [{ symbol: 'X', marketValue: 'NaN' }] }, deps);
    expect(answer.message).toMatch(/could not use/);
    expect((await loadDashboard()).household?.portfolio.totalValue).toBe(1_000);
  });

  it('keeps the store clean of amounts that could overflow: 1e308 rows are refused, what was stored stays', async () => {
    await receiveRead(scan([{ symbol: 'VOO', marketValue: 1_000 }]), deps);
    const answer = await receiveRead(scan([{ symbol: 'AAPL', marketValue: 1e308, account: 'A' }, { symbol: 'MSFT', marketValue: 1e308, account: 'A' }], '2026-11-24T11:30:00.000Z'), deps);
    expect(answer.accountsStored).toBe(0);
    expect(answer.message).toMatch(/could not use/);
    const dashboard = await loadDashboard();
    expect(dashboard.household?.portfolio.totalValue).toBe(1_000);
    expect(await loadAccounts()).toHaveLength(1);
  });

  it('shows a held stock beside margin debt larger than it, never "no stocks"', async () => {
    await receiveRead(scan([{ symbol: 'AAPL', marketValue: 100, account: 'Margin ••1111' }, { symbol: 'CASH', description: 'MARGIN BALANCE', marketValue: -150, account: 'Margin ••1111', rowKind: 'cash' }]), deps);
    const household = (await loadDashboard()).household!;
    expect(household.exposure.topTen.share).toBeCloseTo(1, 12);
    expect(household.portfolio.debtValue).toBe(150);
    expect(household.rules.every((r) => !r.message.startsWith('No stocks'))).toBe(true);
  });

  it('says so when a page has no holdings', async () => {
    const answer = await receiveRead({ ...scan([]), note: 'No holdings found on this page' }, deps);
    expect(answer.summary).toBeNull();
    expect(answer.message).toBe('Breadth: No holdings found on this page');
  });

  it('drops a corrupted stored row instead of showing it', async () => {
    await receiveRead(scan([{ symbol: 'VOO', marketValue: 1_000, account: 'A' }]), deps);
    await db().accounts.put({ key: 'bad', label: 5 } as never);
    expect((await loadAccounts()).map((a) => a.label)).toEqual(['A']);
    expect((await recomputeAudits(deps))?.portfolio.totalValue).toBe(1_000);
  });

  it('leaves nothing after delete-all', async () => {
    await receiveRead(scan([{ symbol: 'VOO', marketValue: 1_000 }]), deps);
    await deleteAllData();
    const dashboard = await loadDashboard();
    expect(dashboard).toEqual({ household: null, byAccount: {}, accounts: [] });
    expect(await db().reads.count()).toBe(0);
    expect(await db().snapshots.count()).toBe(0);
    expect(await db().snapshotAudits.count()).toBe(0);
  });

  it('keeps each changed household audit in the history, not a re-read of the same holdings', async () => {
    await receiveRead(scan([{ symbol: 'NVDA', quantity: 10, marketValue: 5_000, account: 'IRA' }]), deps);
    await receiveRead(scan([{ symbol: 'NVDA', quantity: 10, marketValue: 5_000, account: 'IRA' }]), deps); // the same page again
    expect(await listSnapshots()).toHaveLength(1);
    await receiveRead(scan([{ symbol: 'NVDA', quantity: 5, marketValue: 2_500, account: 'IRA' }, { symbol: 'IJH', marketValue: 2_500, account: 'IRA' }]), deps);
    const kept = await listSnapshots();
    expect(kept.map((k) => k.topTenShare)).toEqual([1, 0.5]);
    expect(kept[1]!.tiers.sp400).toBe(0.5);
  });

  it('round-trips the history: export → delete all → import gives identical audits', async () => {
    await receiveRead(scan([{ symbol: 'NVDA', quantity: 10, marketValue: 5_000, account: 'IRA' }]), deps);
    await receiveRead(scan([{ symbol: 'VOO', quantity: 3, marketValue: 1_800, account: 'IRA' }]), deps);
    const before = await loadSnapshotAudits();
    const file = historyToJson(before, new Date('2026-11-25T00:00:00Z'));
    await deleteAllData();
    const parsed = parseBreadthFile(file);
    if (parsed.kind !== 'history') throw new Error('expected a history file');
    expect(await importSnapshots(parsed.snapshots)).toEqual({ added: 2, skipped: 0 });
    expect(await loadSnapshotAudits()).toEqual(before);
    // Importing the same file again adds nothing.
    expect(await importSnapshots(parsed.snapshots)).toEqual({ added: 0, skipped: 2 });
  });

  it('leaves a tampered kept audit out of the export and the diff instead of passing it on', async () => {
    await receiveRead(scan([{ symbol: 'NVDA', marketValue: 1_000, account: 'IRA' }]), deps);
    await receiveRead(scan([{ symbol: 'NVDA', marketValue: 2_000, account: 'IRA' }]), deps);
    const [first] = await listSnapshots();
    await db().snapshotAudits.put({ id: first!.id, utf8: new TextEncoder().encode('{"hello":"world"}') });
    expect(await loadSnapshotBytes()).toHaveLength(1);
    expect(await loadSnapshotAudits([first!.id])).toEqual([]);
  });

  it('stores nothing from a brokerage the user turned off, and says so on the page', async () => {
    const off = { ...deps, getSettings: async () => ({ ...DEFAULT_RULE_SETTINGS, disabledSites: ['schwab' as const] }) };
    const schwab = { ...scan([{ symbol: 'NVDA', marketValue: 1_000 }]), source: { kind: 'page' as const, readerId: 'schwab', label: 'Schwab positions page', url: 'https://client.schwab.com/app/accounts/positions/summary' } };
    const answer = await receiveRead(schwab, off);
    expect(answer).toMatchObject({ badges: [], summary: null, accountsStored: 0, message: 'Breadth is turned off for Charles Schwab (Breadth options → Brokerages): nothing on this page was stored.' });
    expect(await loadAccounts()).toEqual([]);
    // Other sites are still read.
    expect((await receiveRead(scan([{ symbol: 'NVDA', marketValue: 1_000 }]), off)).accountsStored).toBe(1);
  });

  it('deletes one kept audit, summary and full audit both', async () => {
    await receiveRead(scan([{ symbol: 'NVDA', marketValue: 1_000, account: 'IRA' }]), deps);
    await receiveRead(scan([{ symbol: 'NVDA', marketValue: 2_000, account: 'IRA' }]), deps);
    const [first, second] = await listSnapshots();
    await deleteSnapshot(first!.id);
    expect((await listSnapshots()).map((s) => s.id)).toEqual([second!.id]);
    expect(await db().snapshotAudits.count()).toBe(1);
  });

  it('applies the retention setting but always keeps the newest audit', async () => {
    const at = (iso: string) => ({ ...deps, now: () => new Date(iso), getSettings: async () => ({ ...DEFAULT_RULE_SETTINGS, historyKeepDays: 30 }) });
    await receiveRead(scan([{ symbol: 'NVDA', marketValue: 1_000, account: 'IRA' }]), at('2026-01-01T00:00:00Z'));
    await receiveRead(scan([{ symbol: 'NVDA', marketValue: 2_000, account: 'IRA' }]), at('2026-01-20T00:00:00Z'));
    await receiveRead(scan([{ symbol: 'NVDA', marketValue: 3_000, account: 'IRA' }]), at('2026-02-15T00:00:00Z'));
    // 2026-01-01 is 45 days before the last audit: dropped; 2026-01-20 (26 days) stays.
    expect((await listSnapshots()).map((k) => k.generatedAt.slice(0, 10))).toEqual(['2026-01-20', '2026-02-15']);
  });

  it('shows no toolbar figure before anything was read', () => {
    expect(toolbarBadge(null).text).toBe('');
  });
});

describe('the demo page is a demo', () => {
  const demoScan = (holdings: ScanResult['holdings']): ScanResult => ({
    source: { kind: 'page', readerId: 'generic', label: 'Holdings table on the Breadth demo page', url: 'chrome-extension://abcdefghijklmnop/demo.html' },
    readAt: '2026-11-24T11:00:00.000Z',
    holdings,
    skipped: [],
    complete: true,
  });

  it('keeps its invented accounts out of the real household and the history, and one call removes them', async () => {
    await receiveRead(demoScan([{ symbol: 'NVDA', marketValue: 9_000, account: 'Demo ••0001' }]), deps);
    let dashboard = await loadDashboard();
    // Alone, the demo is its own household, clearly labelled, and never kept.
    expect(dashboard.household?.scope.label).toBe('Demo portfolio (invented)');
    expect(await listSnapshots()).toHaveLength(0);
    await receiveRead(scan([{ symbol: 'VOO', marketValue: 1_000, account: 'IRA ••1111' }]), deps);
    dashboard = await loadDashboard();
    expect(dashboard.household?.portfolio.totalValue).toBe(1_000); // the real account only
    expect(dashboard.household?.scope.label).toBe('All accounts');
    expect(dashboard.accounts.filter((a) => a.demo).map((a) => a.label)).toEqual(['Demo ••0001']);
    expect((await listSnapshots()).map((s) => s.totalValue)).toEqual([1_000]);
    expect(await deleteDemoAccounts()).toBe(1);
    await recomputeAudits(deps);
    expect((await loadDashboard()).accounts.map((a) => a.label)).toEqual(['IRA ••1111']);
  });

  it('does not take a web page for the demo', () => {
    expect(isDemoPage('chrome-extension://abcdefghijklmnop/demo.html')).toBe(true);
    expect(isDemoPage('https://broker.example/chrome-extension://x/demo.html')).toBe(false);
    expect(isDemoPage('moz-extension://0b9e/demo.html?x')).toBe(false);
  });
});
