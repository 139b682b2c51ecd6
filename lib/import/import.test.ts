import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ImportError, importPositionsFile } from './index';
import { parseCsv } from './csv';
import { ScanResultSchema } from '../schema/holdings';

const FILES = resolve(__dirname, '../../test/fixtures/files');
const read = (name: string) => readFileSync(resolve(FILES, name), 'utf8');
const NOW = new Date('2026-11-24T18:00:00Z');
const total = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

describe('Fidelity Portfolio_Positions CSV', () => {
  const scan = importPositionsFile(read('Portfolio_Positions_Nov-24-2026.csv'), 'Portfolio_Positions_Nov-24-2026.csv', NOW);

  it('is recognised from its content (2026 layout with Sleeve Name, BOM, footer)', () => {
    expect(ScanResultSchema.safeParse(scan).success).toBe(true);
    expect(scan.source).toEqual({ kind: 'file', readerId: 'fidelity-positions-csv', label: 'Fidelity positions file', fileName: 'Portfolio_Positions_Nov-24-2026.csv' });
    expect(scan.holdings).toHaveLength(12);
    expect(scan.skipped).toEqual([]);
  });

  it('masks account numbers and keeps accounts apart', () => {
    expect(new Set(scan.holdings.map((h) => h.account))).toEqual(
      new Set(['Individual - TOD ••5678', 'ROTH IRA ••2222', 'Health Savings Account ••7890', 'Fidelity Crypto ••9999']),
    );
    expect(JSON.stringify(scan)).not.toMatch(/12345678|222222222|234567890/);
  });

  it('tells money market, pending activity, T-bills and unpriced rows apart', () => {
    const by = (s: string) => scan.holdings.find((h) => h.symbol === s)!;
    expect(by('SPAXX**').rowKind).toBe('cash');
    expect(by('FDRXX**').rowKind).toBe('cash');
    expect(by('Pending activity')).toMatchObject({ rowKind: 'pending', marketValue: -600 });
    expect(by('912797QY1')).toMatchObject({ marketValue: 4935, quantity: 5000 });
    expect(by('BTC').marketValue).toBeNull();
    // 58,825 + 36,000 + 2,200 (pending −600 is in the file, not a holding: the engine drops it).
    expect(total(scan.holdings.filter((h) => h.rowKind !== 'pending').map((h) => h.marketValue))).toBe(97_025);
  });

  it('reads the 2024 layout too', () => {
    const old = importPositionsFile(read('Portfolio_Positions_Mar-03-2024.csv'), undefined, NOW);
    expect(old.source.readerId).toBe('fidelity-positions-csv');
    expect(old.holdings.map((h) => h.symbol)).toEqual(['MSFT', 'IJH', 'SPAXX**', 'Pending Activity']);
    expect(old.holdings[3]!.rowKind).toBe('pending');
  });
});

describe('plain CSV', () => {
  it('reads Symbol/Quantity/Value columns and drops the total row', () => {
    const scan = importPositionsFile(read('plain-positions.csv'), 'plain-positions.csv', NOW);
    expect(scan.source.readerId).toBe('plain-csv');
    expect(scan.holdings.map((h) => [h.symbol, h.marketValue])).toEqual([
      ['AMZN', 4887.8], ['JPM', 4350], ['IJH', 6520], ['CASH', 1000],
    ]);
  });

  it('skips a row it cannot read, with its line and reason', () => {
    const scan = importPositionsFile(read('malformed-value.csv'), undefined, NOW);
    expect(scan.holdings.map((h) => h.symbol)).toEqual(['MSFT', 'VOO']);
    expect(scan.skipped).toEqual([{ row: 3, reason: 'line 3: value "12O0.00" is not a number' }]);
  });
});

describe('files that are not positions files', () => {
  it.each([
    ['saved-error-page.csv', /web page \(HTML\)/, 1],
    ['not-positions.csv', /no Symbol and Value columns/, 1],
    ['unreadable-all.csv', /no position could be read/, 2],
    ['unterminated-quote.csv', /quoted field is never closed/, 2],
    ['robinhood-activity.csv', /Robinhood offers no positions file — open robinhood\.com\/account\/investing/, 1],
  ])('refuses %s with a one-line reason and its line', (name, reason, line) => {
    const attempt = () => importPositionsFile(read(name), name, NOW);
    expect(attempt).toThrow(ImportError);
    try {
      attempt();
    } catch (error) {
      expect((error as ImportError).message).toMatch(reason);
      expect((error as ImportError).line).toBe(line);
      expect((error as ImportError).message).not.toContain('\n');
    }
  });

  it('refuses an empty file and a fund holdings file', () => {
    expect(() => importPositionsFile('\uFEFF  \n')).toThrow(/empty/);
    expect(() => importPositionsFile('iShares Core S&P 500 ETF\nFund Holdings as of,"Jun 19, 2026"\n\nTicker,Name,Sector\n"NVDA","NVIDIA CORP","IT"\n')).toThrow(/fund holdings file/);
  });
});

describe('CSV reader', () => {
  it('round-trips any fields it quoted itself', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ',', '"', '\n', ' ', '$', '\r\n') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
      }),
    );
  });

  it('numbers records by the line they start on', () => {
    expect(parseCsv('a,b\n"x\ny",z\nc,d').map((r) => r.line)).toEqual([1, 2, 4]);
  });
});

describe('format detection', () => {
  // Every fixture file is claimed by exactly the format written for it (or refused with a reason).
  const expected: Record<string, string> = {
    'Portfolio_Positions_Nov-24-2026.csv': 'fidelity-positions-csv',
    'Portfolio_Positions_Mar-03-2024.csv': 'fidelity-positions-csv',
    'plain-positions.csv': 'plain-csv',
    'malformed-value.csv': 'plain-csv',
    'schwab/All-Accounts-Positions-2026-11-24.csv': 'schwab-positions-csv',
    'schwab/Individual-Positions-2026-11-24.csv': 'schwab-positions-csv',
    'schwab/All-Accounts-Positions-2026-12-01.csv': 'schwab-positions-csv',
    'etrade/PortfolioDownload.csv': 'etrade-portfolio-csv',
    'etrade/PortfolioDownload-custom-view.csv': 'etrade-portfolio-csv',
    'breadth/breadth-holdings-2026-11-24.csv': 'breadth-holdings-csv',
    'ofx/etrade-like.qfx': 'ofx-positions',
    'ibkr/activity-statement-usd.csv': 'ibkr-activity-csv',
    'merrill/Holdings_11242026.csv': 'merrill-holdings-csv',
    'vanguard/OfxDownload.csv': 'vanguard-ofx-csv',
    'vanguard/OfxDownload-529.csv': 'vanguard-ofx-csv',
    'ofx/fidelity-like.ofx': 'ofx-positions',
    'ofx/td-like-v2.ofx': 'ofx-positions',
    'ibkr/flex-open-positions.xml': 'ibkr-flex-xml',
    'ibkr/activity-statement-en.csv': 'ibkr-activity-csv',
    'fidelity-statement/Statement10312026.csv': 'fidelity-statement-csv',
  };
  it.each(Object.entries(expected))('%s is read as %s', (name, id) => {
    expect(importPositionsFile(read(name), name, NOW).source.readerId).toBe(id);
  });
});
