import { describe, expect, it } from 'vitest';
import { buildAudit } from '../analysis/audit';
import { bundledReference } from '../reference';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import type { RawHolding } from '../schema/holdings';
import type { StoredAccount } from '../schema/portfolio';
import { diffSnapshots } from './diff';
import { snapshotsPastRetention } from './retention';
import { BreadthFileError, historyToJson, historyFileName, parseBreadthFile } from './files';
import { auditToJson } from '../export/holdings-csv';

const account = (holdings: RawHolding[]): StoredAccount => ({
  key: 'test:ira',
  label: 'IRA',
  source: { kind: 'file', readerId: 'plain-csv', label: 'test file' },
  readAt: '2026-11-01T00:00:00.000Z',
  holdings,
  skipped: [],
  complete: true,
});
const audit = (holdings: RawHolding[], at: string) =>
  buildAudit({ accounts: [account(holdings)], reference: bundledReference(), settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date(at) });

describe('diff of two kept audits', () => {
  // Before: NVDA 10 sh = $4,700, AAPL 10 sh = $3,000 (top-10 both), cash $300 → top-10 7,700 / 8,000 = 96.25 %.
  const before = audit(
    [
      { symbol: 'NVDA', quantity: 10, marketValue: 4_700 },
      { symbol: 'AAPL', quantity: 10, marketValue: 3_000 },
      { symbol: 'SPAXX**', marketValue: 300 },
    ],
    '2026-08-01T00:00:00Z',
  );
  // After: NVDA trimmed to 5 sh ($2,600 — its price rose), AAPL same shares at a lower price, IJH added
  // ($4,000), cash $400 → top-10 (2,600 + 2,900) / 9,900 = 55.6 %.
  const after = audit(
    [
      { symbol: 'NVDA', quantity: 5, marketValue: 2_600 },
      { symbol: 'AAPL', quantity: 10, marketValue: 2_900 },
      { symbol: 'IJH', quantity: 60, marketValue: 4_000 },
      { symbol: 'SPAXX**', marketValue: 400 },
    ],
    '2026-11-01T00:00:00Z',
  );

  it('names what was added and trimmed, telling a sale from a price move by the share count', () => {
    const d = diffSnapshots(before, after);
    expect(d.added.map((p) => p.name)).toEqual(['IJH']);
    expect(d.trimmed.map((p) => p.name)).toEqual(['NVDA']);
    expect(d.increased).toEqual([]); // AAPL: same 10 shares, lower price — not a trade
    expect(d.removed).toEqual([]);
    expect(d.topTenShare.from).toBeCloseTo(7_700 / 8_000, 12);
    expect(d.topTenShare.to).toBeCloseTo(5_500 / 9_900, 12);
    expect(d.tiers.sp400.to).toBeCloseTo(4_000 / 9_900, 12);
    expect(d.summary).toMatch(/^top-10 exposure 96 % → 56 %; active share \d+ % → \d+ %; added IJH; trimmed NVDA$/);
  });

  it('says "sold" for a position that is gone, and falls back to weights without share counts', () => {
    const a = audit([{ symbol: 'MSFT', marketValue: 5_000 }, { symbol: 'JPM', marketValue: 5_000 }], '2026-08-01T00:00:00Z');
    const b = audit([{ symbol: 'MSFT', marketValue: 8_000 }], '2026-09-01T00:00:00Z');
    const d = diffSnapshots(a, b);
    expect(d.removed.map((p) => p.name)).toEqual(['JPM']);
    expect(d.increased.map((p) => p.name)).toEqual(['MSFT']); // 50 % → 100 % of the portfolio
    expect(d.summary).toContain('sold JPM');
  });
});

describe('retention', () => {
  const kept = [
    { id: 1, generatedAt: '2024-01-01T00:00:00.000Z' },
    { id: 2, generatedAt: '2025-06-01T00:00:00.000Z' },
    { id: 3, generatedAt: '2026-11-01T00:00:00.000Z' },
  ];
  it('drops audits older than the setting', () => {
    expect(snapshotsPastRetention(kept, 730, new Date('2026-11-25T00:00:00Z'))).toEqual([1]);
    expect(snapshotsPastRetention(kept, 3650, new Date('2026-11-25T00:00:00Z'))).toEqual([]);
  });
  it('never drops the newest, however old', () => {
    expect(snapshotsPastRetention(kept, 30, new Date('2030-01-01T00:00:00Z'))).toEqual([1, 2]);
    expect(snapshotsPastRetention([], 30, new Date())).toEqual([]);
  });
});

describe('Breadth files coming back in', () => {
  const one = audit([{ symbol: 'VOO', marketValue: 1_000 }], '2026-11-01T00:00:00Z');
  it('reads an exported audit and an exported history', () => {
    expect(parseBreadthFile(auditToJson(one))).toEqual({ kind: 'audit', audit: one });
    expect(parseBreadthFile(historyToJson([one], new Date('2026-11-25T10:00:00Z')))).toEqual({ kind: 'history', snapshots: [one] });
    expect(historyFileName(new Date('2026-11-25T10:00:00Z'))).toBe('breadth-history-2026-11-25.json');
  });
  it('refuses a newer schema version by name', () => {
    const newer = JSON.stringify({ ...one, schema: 'breadth.audit/v3' });
    expect(() => parseBreadthFile(newer, 'a.json')).toThrow('a.json was written by a newer version of Breadth (breadth.audit/v3); update Breadth to import it. Nothing was changed.');
  });
  it('refuses other JSON, broken JSON and a tampered audit with one line', () => {
    expect(() => parseBreadthFile('{"hello":1}', 'x.json')).toThrow(/x\.json is not a Breadth audit or history file/);
    expect(() => parseBreadthFile('<html>', 'x.json')).toThrow('x.json is not JSON: it is not a Breadth audit or history file.');
    const tampered = JSON.parse(auditToJson(one));
    tampered.exposure.topTen.share = 'a lot';
    expect(() => parseBreadthFile(JSON.stringify(tampered), 'x.json')).toThrow(BreadthFileError);
    expect(() => parseBreadthFile(JSON.stringify(tampered), 'x.json')).toThrow(/exposure\.topTen\.share is not valid/);
  });
});
