import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPositionsFile } from './index';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../../test/fixtures/files/vanguard', name), 'utf8');
const NOW = new Date('2026-11-24T18:00:00Z');

describe('Vanguard OfxDownload.csv', () => {
  it('reads the holdings section and stops before the transactions', () => {
    const scan = importPositionsFile(read('OfxDownload.csv'), 'OfxDownload.csv', NOW);
    expect(scan.source.readerId).toBe('vanguard-ofx-csv');
    expect(scan.holdings.map((h) => h.symbol)).toEqual(['VMFXX', 'VOO', 'VTSAX', 'AAPL', 'VFIAX']);
    expect(scan.holdings[0]!.rowKind).toBe('cash');
    // 1,520.33 + 15,250 + 6,075 + 2,980 = 25,825.33 and 6,860 in the second account.
    const by = (a: string) => scan.holdings.filter((h) => h.account === a).reduce((s, h) => s + (h.marketValue ?? 0), 0);
    expect(by('Vanguard ••5678')).toBeCloseTo(25_825.33, 6);
    expect(by('Vanguard ••5432')).toBe(6_860);
  });

  it('reads a 529 account whose funds have no ticker', () => {
    const scan = importPositionsFile(read('OfxDownload-529.csv'), undefined, NOW);
    expect(scan.holdings).toEqual([
      { symbol: undefined, description: 'Vanguard Target Enrollment 2040/2041 Portfolio', quantity: 348.5265, price: 9.45, marketValue: 3293.58, account: 'Vanguard ••1101', rowKind: 'position' },
    ]);
  });
});
