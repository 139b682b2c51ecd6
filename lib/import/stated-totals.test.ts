import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPositionsFile } from './index';
import { accountsFromScan } from '../analysis/accounts';
import { reconcileAccounts } from '../analysis/reconcile';
import { ScanResultSchema, type ScanResult } from '../schema/holdings';

const FILES = resolve(import.meta.dirname, '../../test/fixtures/files');
const NOW = new Date('2026-12-01T18:00:00Z');
const scanOf = (name: string) => importPositionsFile(readFileSync(resolve(FILES, name), 'utf8'), name.split('/').pop(), NOW);
const sum = (scan: ScanResult) => scan.holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0);
const checksOf = (scan: ScanResult) => reconcileAccounts(accountsFromScan(scan));

describe('the two cases of the issue', () => {
  it('reads a Schwab All-Accounts export ending in a grand total line at its true value, and it reconciles', () => {
    const scan = scanOf('schwab/All-Accounts-Positions-2026-12-01.csv');
    expect(ScanResultSchema.safeParse(scan).success).toBe(true);
    expect(scan.source.readerId).toBe('schwab-positions-csv');
    // 7,450 + 4,100 + 7,950 + 500 = 20,000 and 7,220 + 3,040 + 240 = 10,500: 30,500, not 61,000.
    expect(sum(scan)).toBeCloseTo(30_500, 6);
    expect(scan.holdings.map((h) => h.symbol)).toEqual(['AAPL', 'MSFT', 'SCHX', 'Cash & Cash Investments', 'NVDA', 'SWPPX', 'Cash and Money Market']);
    expect(scan.statedTotals).toEqual([
      { account: 'Individual ...4321', label: 'Account Total', value: 20_000, row: 9 },
      { account: 'Roth Contributory IRA ...8765', label: 'Account Total', value: 10_500, row: 15 },
      { label: 'Grand Total', value: 30_500, row: 16 },
    ]);
    const checks = checksOf(scan);
    expect(checks).toHaveLength(3);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('recognises an E*TRADE download of a custom view (Quantity, Market Value) and does not count its lot rows', () => {
    const scan = scanOf('etrade/PortfolioDownload-custom-view.csv');
    expect(scan.source.readerId).toBe('etrade-portfolio-csv');
    expect(scan.holdings.map((h) => [h.symbol, h.quantity, h.price, h.marketValue, h.rowKind])).toEqual([
      ['AAPL', 30, 298, 8_940, 'position'],
      ['JNJ', 40, 155, 6_200, 'position'],
      ['KO', 16, 66.25, 1_060, 'position'],
      ['VOO', 13, 632, 8_216, 'position'],
      ['CASH', null, null, 584, 'cash'],
    ]);
    // 8,940 + 6,200 + 1,060 + 8,216 + 584 = 25,000 (the four lot rows, 10,000 more, are not holdings).
    expect(sum(scan)).toBeCloseTo(25_000, 6);
    expect(new Set(scan.holdings.map((h) => h.account))).toEqual(new Set(['Individual Brokerage -4321']));
    expect(scan.statedTotals).toEqual([
      { account: 'Individual Brokerage -4321', label: 'Net Account Value', value: 25_000, row: 3 },
      { label: 'TOTAL', value: 25_000, row: 21 },
    ]);
    const checks = checksOf(scan);
    expect(checks).toHaveLength(2);
    expect(checks.every((c) => c.ok)).toBe(true);
  });
});

describe('what each format states', () => {
  it.each([
    // [fixture, stated totals as (account or "*" for the whole file, value), Σ read]
    ['schwab/All-Accounts-Positions-2026-11-24.csv', [['Brokerage ••5678', 10_001], ['Roth Contributory IRA ••1111', 6_930]], 16_931],
    ['schwab/Individual-Positions-2026-11-24.csv', [['Individual ...789', 27_000]], 27_000],
    ['etrade/PortfolioDownload.csv', [['Brokerage -5678', 12_430.3], ['*', 12_430.3]], 12_430.3],
    ['plain-positions.csv', [['*', 16_757.8]], 16_757.8],
    ['fidelity-statement/Statement10312026.csv', [['Individual ••5678', 42_235.5], ['ROTH IRA ••2222', 20_520]], 62_755.5],
    ['ofx/etrade-like.qfx', [['etrade.com ••5678', 10_000]], 10_000],
    // USD account: 4,888 + 5,800 + 4,440 positions, 1,250.50 cash and 12.25 dividend accruals.
    ['ibkr/activity-statement-usd.csv', [['Interactive Brokers ••4321', 16_390.75]], 16_390.75],
  ] as const)('%s', (name, stated, read) => {
    const scan = scanOf(name);
    expect(ScanResultSchema.safeParse(scan).success).toBe(true);
    expect((scan.statedTotals ?? []).map((t) => [t.account ?? '*', t.value])).toEqual(stated);
    expect(sum(scan)).toBeCloseTo(read, 6);
    const checks = checksOf(scan);
    expect(checks).toHaveLength(stated.length);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it.each([
    'Portfolio_Positions_Nov-24-2026.csv',
    'merrill/Holdings_11242026.csv',
    'vanguard/OfxDownload.csv',
    'ofx/fidelity-like.ofx',
    'ibkr/flex-open-positions.xml',
    'breadth/breadth-holdings-2026-11-24.csv',
  ])('%s states no total, and none is made up', (name) => {
    expect(scanOf(name).statedTotals).toBeUndefined();
  });

  it('reads an IBKR USD account’s cash and accruals from Net Asset Value, and its lots not at all', () => {
    const scan = scanOf('ibkr/activity-statement-usd.csv');
    expect(scan.holdings.map((h) => [h.symbol ?? h.description, h.marketValue, h.rowKind])).toEqual([
      ['AMZN', 4_888, 'position'],
      ['JPM', 5_800, 'position'],
      ['IJR', 4_440, 'position'],
      ['Cash', 1_250.5, 'cash'],
      ['Dividend Accruals', 12.25, 'pending'],
    ]);
  });

  it('states no OFX total when a margin balance makes it more than positions and cash', () => {
    const text = readFileSync(resolve(FILES, 'ofx/etrade-like.qfx'), 'utf8').replace('<MARGINBALANCE>0', '<MARGINBALANCE>-1500.00');
    expect(importPositionsFile(text, 'margin.qfx', NOW).statedTotals).toBeUndefined();
  });
});

describe('formats recognised by their structure', () => {
  it('takes a positions table with Fidelity’s disclaimer footer for Fidelity’s, whatever its columns', () => {
    const text = [
      'Symbol,Description,Quantity,Last Price,Current Value',
      'NVDA,NVIDIA CORPORATION COM,10,$180.50,$1805.00',
      'Account Total,,,,$1805.00',
      '',
      '"The data and information in this spreadsheet is provided to you solely for your use and is not for distribution."',
      '"Date downloaded Dec-01-2026 6:17 p.m ET"',
    ].join('\n');
    const scan = importPositionsFile(text, 'Portfolio_Positions_Dec-01-2026.csv', NOW);
    expect(scan.source.readerId).toBe('fidelity-positions-csv');
    expect(scan.holdings.map((h) => [h.symbol, h.marketValue, h.account])).toEqual([['NVDA', 1805, undefined]]);
    expect(scan.statedTotals).toEqual([{ label: 'Account Total', value: 1805, row: 3 }]);
    expect(checksOf(scan).map((c) => c.ok)).toEqual([true]);
  });

  it('reads a Schwab export of an account group ("Positions for <group> as of …")', () => {
    const text = [
      '"Positions for Family accounts as of 04:10 PM ET, 2026/12/01"',
      '',
      'Joint ...2468',
      '"Symbol","Description","Qty (Quantity)","Price","Mkt Val (Market Value)",',
      '"KO","COCA-COLA CO","20","$66.25","$1,325.00",',
      '"Cash & Cash Investments","","","","$175.00",',
      '"Account Total","","","","$1,500.00",',
    ].join('\r\n');
    const scan = importPositionsFile(text, 'Family-Positions-2026-12-01.csv', NOW);
    expect(scan.source.readerId).toBe('schwab-positions-csv');
    expect(scan.statedTotals).toEqual([{ account: 'Joint ...2468', label: 'Account Total', value: 1_500, row: 7 }]);
    expect(checksOf(scan).map((c) => c.ok)).toEqual([true]);
  });
});
