import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPositionsFile } from './index';
import { ScanResultSchema } from '../schema/holdings';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../../test/fixtures/files/schwab', name), 'utf8');
const NOW = new Date('2026-11-24T18:00:00Z');
const sumBy = (holdings: { account?: string; marketValue: number | null }[]) =>
  holdings.reduce<Record<string, number>>((acc, h) => ({ ...acc, [h.account ?? '']: (acc[h.account ?? ''] ?? 0) + (h.marketValue ?? 0) }), {});

describe('Schwab positions file', () => {
  it('reads the All-Accounts export (2020 column names): one account per section, totals as printed', () => {
    const scan = importPositionsFile(read('All-Accounts-Positions-2026-11-24.csv'), 'All-Accounts-Positions-2026-11-24.csv', NOW);
    expect(ScanResultSchema.safeParse(scan).success).toBe(true);
    expect(scan.source.readerId).toBe('schwab-positions-csv');
    // 4,552.80 + 3,948.50 + 1,235.00 + 264.70 = 10,001.00; 4,561.87 + 1,956.00 + 412.13 = 6,930.00 (XOM unreadable).
    expect(sumBy(scan.holdings)).toEqual({ 'Brokerage ••5678': 10_001, 'Roth Contributory IRA ••1111': 6_930 });
    expect(scan.holdings.find((h) => h.symbol === 'Cash & Cash Investments')?.rowKind).toBe('cash');
    expect(scan.holdings.find((h) => h.symbol === 'Cash & Cash Investments')?.description).toBeUndefined();
    expect(scan.holdings.some((h) => h.symbol === 'Account Total')).toBe(false);
    expect(scan.skipped).toEqual([{ row: 16, reason: 'line 16: Market Value "price n/a" is not a number' }]);
  });

  it('reads a single-account export in the 2026 column names and the user’s column order', () => {
    const scan = importPositionsFile(read('Individual-Positions-2026-11-24.csv'), undefined, NOW);
    expect(scan.holdings.map((h) => [h.symbol, h.quantity, h.price, h.marketValue, h.rowKind])).toEqual([
      ['NVDA', 100, 180.5, 18_050, 'position'],
      ['RSP', 40, 190, 7_600, 'position'],
      ['Cash and Money Market', null, null, 1_350, 'cash'],
    ]);
    expect(new Set(scan.holdings.map((h) => h.account))).toEqual(new Set(['Individual ...789']));
  });

  it('refuses an account with no positions with a clear reason', () => {
    expect(() => importPositionsFile(read('empty-Positions-2026-11-24.csv'), undefined, NOW)).toThrow('the file lists no positions');
  });
});
