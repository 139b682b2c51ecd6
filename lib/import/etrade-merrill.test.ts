import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPositionsFile } from './index';
import { buildAudit } from '../analysis/audit';
import { accountsFromScan } from '../analysis/accounts';
import { bundledReference } from '../reference';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../../test/fixtures/files', name), 'utf8');
const NOW = new Date('2026-11-24T18:00:00Z');

describe('E*TRADE PortfolioDownload.csv', () => {
  const scan = importPositionsFile(read('etrade/PortfolioDownload.csv'), 'PortfolioDownload.csv', NOW);
  it('reads positions once, skipping their lot rows, with CASH as cash and TOTAL dropped', () => {
    expect(scan.source.readerId).toBe('etrade-portfolio-csv');
    expect(scan.holdings.map((h) => [h.symbol, h.quantity, h.marketValue, h.rowKind])).toEqual([
      ['AMZN', 20, 4887.8, 'position'],
      ['IJR', 25, 2960, 'position'],
      ['JPM', 13, 3770, 'position'],
      ['CASH', null, 812.5, 'cash'],
    ]);
    // 4,887.80 + 2,960 + 3,770 + 812.50 = 12,430.30, the file's own TOTAL.
    expect(scan.holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0)).toBeCloseTo(12_430.3, 6);
    expect(new Set(scan.holdings.map((h) => h.account))).toEqual(new Set(['Brokerage -5678']));
  });
  it('reads the CASH line as cash in the audit, not as Pathward Financial (ticker CASH)', () => {
    const audit = buildAudit({ accounts: accountsFromScan(scan), reference: bundledReference(), settings: DEFAULT_RULE_SETTINGS, generatedAt: NOW });
    expect(audit.holdings.find((h) => h.symbol === 'CASH')?.category).toBe('cash');
  });
});

describe('Merrill holdings file', () => {
  const scan = importPositionsFile(read('merrill/Holdings_11242026.csv'), 'Holdings_11242026.csv', NOW);
  it('reads every account, masks account numbers, and reads parentheses as negatives', () => {
    expect(scan.source.readerId).toBe('merrill-holdings-csv');
    expect(new Set(scan.holdings.map((h) => h.account))).toEqual(new Set(['IRA-Edge ••1111', 'Kids College ••2222']));
    expect(JSON.stringify(scan)).not.toMatch(/AA-11111|BB-22222/);
    const option = scan.holdings.find((h) => h.symbol === 'MSFT#A1527C450000')!;
    expect(option).toMatchObject({ quantity: -1, marketValue: -1200 });
    expect(scan.holdings.find((h) => h.symbol === '912797QY1')?.marketValue).toBe(4935); // CUSIP when there is no ticker
    expect(scan.holdings.filter((h) => h.rowKind === 'cash').map((h) => h.marketValue)).toEqual([2486.98, 1258.53]);
    expect(scan.skipped).toEqual([{ row: 8, reason: 'line 8: Value ($) "n.a." is not a number' }]);
  });
  it('audits the option as non-equity and the sweep as cash', () => {
    const audit = buildAudit({ accounts: accountsFromScan(scan), reference: bundledReference(), settings: DEFAULT_RULE_SETTINGS, generatedAt: NOW });
    expect(audit.holdings.find((h) => h.symbol === 'MSFT#A1527C450000')?.category).toBe('nonEquity');
    expect(audit.exposure.tiers.cash * audit.portfolio.grossLongValue).toBeCloseTo(2486.98 + 1258.53, 6);
  });
});
