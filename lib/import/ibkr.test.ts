import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, importPositionsFile } from './index';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../../test/fixtures/files/ibkr', name), 'utf8');
const NOW = new Date('2026-11-24T18:00:00Z');

describe('Interactive Brokers Flex XML', () => {
  const scan = importPositionsFile(read('flex-open-positions.xml'), 'flex.xml', NOW);
  it('reads summary positions (not lots), masks the account, and converts other currencies with the statement’s rate', () => {
    expect(scan.source.readerId).toBe('ibkr-flex-xml');
    expect(scan.holdings.map((h) => [h.symbol, h.quantity, h.marketValue])).toEqual([
      ['VOO', 20, 12_200],
      ['AAPL', 15, 4_470],
      ['SAP', 20, 5_000 * 1.08], // EUR 5,000 × 1.08 to the USD base
    ]);
    expect(new Set(scan.holdings.map((h) => h.account))).toEqual(new Set(['Interactive Brokers ••4567']));
    expect(JSON.stringify(scan)).not.toContain('U1234567');
  });
});

describe('Interactive Brokers activity statement CSV', () => {
  it('reads Open Positions summary rows, the cash from Net Asset Value, and says why a non-USD row was left out', () => {
    const scan = importPositionsFile(read('activity-statement-en.csv'), 'statement.csv', NOW);
    expect(scan.source.readerId).toBe('ibkr-activity-csv');
    expect(scan.holdings.map((h) => [h.symbol, h.marketValue, h.rowKind])).toEqual([['IJH', 6_520, 'position'], ['MSFT', 3_794, 'position'], ['Cash', 500, 'cash']]);
    expect(scan.skipped).toEqual([{ row: 13, reason: 'line 13: SAP is valued in EUR; the statement gives no rate to USD' }]);
  });

  it('refuses a statement in another language with how to get an English one', () => {
    const attempt = () => importPositionsFile(read('activity-statement-it.csv'), 'estratto.csv', NOW);
    expect(attempt).toThrow(ImportError);
    expect(attempt).toThrow(/not in English \("Informazioni conto"\): set the statement language to English/);
  });
});
