import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPositionsFile } from './index';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../../test/fixtures/files/fidelity-statement', name), 'utf8');

describe('Fidelity monthly statement CSV', () => {
  const scan = importPositionsFile(read('Statement10312026.csv'), 'Statement10312026.csv', new Date('2026-11-24T18:00:00Z'));
  it('reads each account’s holdings, names accounts from the summary, and drops subtotals', () => {
    expect(scan.source.readerId).toBe('fidelity-statement-csv');
    const by = (a: string) => scan.holdings.filter((h) => h.account === a).reduce((s, h) => s + (h.marketValue ?? 0), 0);
    // The summary's Ending mkt Value per account: 42,235.50 and 20,520.00.
    expect(by('Individual ••5678')).toBeCloseTo(42_235.5, 6);
    expect(by('ROTH IRA ••2222')).toBeCloseTo(20_520, 6);
    expect(scan.holdings.some((h) => /subtotal/i.test(h.symbol ?? ''))).toBe(false);
    expect(JSON.stringify(scan)).not.toMatch(/X12345678|222222222/);
  });
  it('marks the core account as cash and keeps "not applicable" out of the figures', () => {
    expect(scan.holdings.filter((h) => h.rowKind === 'cash').map((h) => h.symbol)).toEqual(['SPAXX', 'FDRXX']);
    expect(scan.holdings.find((h) => h.symbol === 'NVDA')).toMatchObject({ quantity: 100, price: 180.5, marketValue: 18_050 });
  });
});
