import { beforeEach, describe, expect, it } from 'vitest';
import { receiveRead, recomputeAudits, toolbarBadge } from './service';
import { db, deleteAllData, loadAccounts, loadDashboard } from '../db';
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
  });

  it('shows no toolbar figure before anything was read', () => {
    expect(toolbarBadge(null).text).toBe('');
  });
});
