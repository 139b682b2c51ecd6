import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPositionsFile } from './index';
import { parseOfx } from './ofx-positions';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../../test/fixtures/files/ofx', name), 'utf8');
const NOW = new Date('2026-11-24T18:00:00Z');

describe('OFX / QFX positions', () => {
  it('reads an OFX 1 (SGML) statement: positions named through SECLIST, CUSIP for bonds, available cash', () => {
    const scan = importPositionsFile(read('fidelity-like.ofx'), 'Statement.ofx', NOW);
    expect(scan.source.readerId).toBe('ofx-positions');
    expect(scan.holdings.map((h) => [h.symbol, h.description, h.quantity ?? null, h.marketValue, h.rowKind])).toEqual([
      ['NVDA', 'NVIDIA CORP', 100, 18_050, 'position'],
      ['FXAIX', 'FIDELITY 500 INDEX FUND', 100, 22_000, 'position'],
      ['912797QY1', 'UNITED STATES TREAS BILLS 0.000% 03/26/2027', 5_000, 4_935, 'position'],
      ['Cash', 'Available cash', null, 2_500, 'cash'],
    ]);
    expect(new Set(scan.holdings.map((h) => h.account))).toEqual(new Set(['fidelity.com ••5678']));
    expect(JSON.stringify(scan)).not.toContain('X12345678');
  });

  it('reads an OFX 2 (XML) statement and counts a position without a value as unread', () => {
    const scan = importPositionsFile(read('td-like-v2.ofx'), 'td.ofx', NOW);
    expect(scan.holdings.map((h) => [h.symbol, h.marketValue])).toEqual([['IJR', 2960], ['JPM', 2900], ['Cash', 140]]);
    expect(scan.holdings[0]!.description).toBe('ISHARES CORE S&P SMALL-CAP ETF');
    expect(scan.skipped).toEqual([{ row: 3, reason: 'position 3 (000000000): no market value' }]);
  });

  it('refuses a bank statement with a reason', () => {
    expect(() => importPositionsFile(read('bank-statement.qfx'), 'bank.qfx', NOW)).toThrow(/bank or card statement, not positions/);
  });

  it('closes SGML leaves at the next tag and aggregates at their closing tag', () => {
    const root = parseOfx('<OFX><A><B>1<C>two</A><D>3</OFX>');
    const ofx = root.children[0]!;
    expect(ofx.children.map((c) => c.tag)).toEqual(['A', 'D']);
    expect(ofx.children[0]!.children.map((c) => [c.tag, c.text])).toEqual([['B', '1'], ['C', 'two']]);
  });
});
