import { describe, expect, it } from 'vitest';
import { auditFileName, auditToJson, csvField, holdingsToCsv } from './holdings-csv';
import { buildAudit } from '../analysis/audit';
import { MINI, account, h } from '../analysis/__fixtures__/mini-reference';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import { AuditSnapshotSchema } from '../schema/audit';
import { parseCsv } from '../import/csv';
import { importPositionsFile } from '../import';
import { accountsFromScan } from '../analysis/accounts';
import { bundledReference } from '../reference';
import { boundedAudit } from '../ui/__fixtures__/audits-v2';

const audit = buildAudit({
  accounts: [account([h('BTA', 750, { description: 'Beta, "the" company' }), h('VOO', 250), h('=HYPERLINK("x")', 0, { description: '@SUM(A1)' })])],
  reference: MINI,
  settings: DEFAULT_RULE_SETTINGS,
  generatedAt: new Date('2026-11-24T12:00:00Z'),
});

describe('exports', () => {
  it('writes one CSV row per holding with its tier, readable back', () => {
    const records = parseCsv(holdingsToCsv(audit)).filter((r) => r.fields.some(Boolean));
    expect(records).toHaveLength(4);
    expect(records[1]!.fields.slice(1, 6)).toEqual(['BTA', 'Beta, "the" company', '750.00', '0.750000', 'Top 10']);
    expect(records[2]!.fields[9]).toBe('0.900000');
  });
  it('reads its own holdings CSV back: same accounts, values, tiers and share counts', () => {
    const reference = bundledReference();
    const before = buildAudit({
      accounts: [
        account([h('NVDA', 4_000, { quantity: 20 }), h('IJH', 1_000, { quantity: 15 }), h('SPAXX**', 500, { description: 'HELD IN MONEY MARKET' })], 'file:IRA ••1111'),
        account([h('VOO', 2_500, { quantity: 4 }), h('912797QY1', 900, { description: 'UNITED STATES TREAS BILLS' })], 'file:Roth ••2222'),
      ],
      reference,
      settings: DEFAULT_RULE_SETTINGS,
      generatedAt: new Date('2026-11-24T12:00:00Z'),
    });
    const scan = importPositionsFile(holdingsToCsv(before), 'breadth-holdings-2026-11-24.csv');
    expect(scan.source.label).toBe('Breadth holdings file');
    const after = buildAudit({ accounts: accountsFromScan(scan), reference, settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date('2026-11-24T12:00:00Z') });
    expect(after.portfolio.totalValue).toBe(before.portfolio.totalValue);
    expect(after.exposure.tiers).toEqual(before.exposure.tiers);
    expect(after.portfolio.accounts.map((a) => [a.label, a.totalValue])).toEqual(before.portfolio.accounts.map((a) => [a.label, a.totalValue]));
    expect(after.holdings.map((x) => x.quantity)).toEqual(before.holdings.map((x) => x.quantity));
  });

  it('adds "Seen through" as the last column (source and date), and names the new categories', () => {
    const records = parseCsv(holdingsToCsv(boundedAudit)).filter((r) => r.fields.some(Boolean));
    const header = records[0]!.fields;
    expect(header).toEqual(['Account', 'Symbol', 'Description', 'Market value (USD)', 'Share of portfolio', 'Tier', 'Issuer', 'Index', 'Fund tracks', 'Top-10 look-through', 'Quantity', 'Seen through']);
    const bySymbol = Object.fromEntries(records.slice(1).map((r) => [r.fields[1], r.fields]));
    expect(bySymbol.VTSAX![5]).toBe('Fund (seen through)');
    expect(bySymbol.VTSAX![11]).toBe('VTI’s holdings (Vanguard, 2025-10-31): share class');
    expect(bySymbol.VTI![11]).toBe('VTI’s holdings (Vanguard, 2025-10-31)');
    expect(bySymbol.VXUS![5]).toBe('International fund');
    expect(bySymbol.ZZQX![5]).toBe('Unrecognised symbol');
    expect(bySymbol.VFIFX![5]).toBe('Fund not seen through');
    expect(bySymbol.NVDA![11]).toBe('');
    expect(records.every((r) => r.fields.length === header.length)).toBe(true);
  });

  it('the new column leaves the holdings file readable back: accounts, values, cash and share counts', () => {
    const scan = importPositionsFile(holdingsToCsv(boundedAudit), 'breadth-holdings-2026-11-24.csv');
    expect(scan.source.label).toBe('Breadth holdings file');
    expect(scan.skipped).toEqual([]);
    const rows = scan.holdings.map((x) => [x.account, x.symbol, x.marketValue, x.quantity ?? null, x.rowKind]);
    expect(rows).toEqual(
      boundedAudit.holdings.map((x) => [
        boundedAudit.portfolio.accounts.find((a) => a.key === x.accountKey)!.label,
        x.symbol,
        x.marketValue,
        x.quantity ?? null,
        x.category === 'cash' ? 'cash' : 'position',
      ]),
    );
  });

  it('defuses spreadsheet formulas coming from pages', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvField(-5)).toBe('-5');
  });
  // Hardening: '-500.00' (a market value as toFixed text) came out as text in a spreadsheet.
  it('leaves plain numbers as numbers, sign and all, and guards only formula-like text (holdings file)', () => {
    const negative = buildAudit({ accounts: [account([h('BTA', 1_000), h('MARGIN', -500, { description: 'Margin debit' })])], reference: MINI, settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date('2026-11-24T12:00:00Z') });
    expect(holdingsToCsv(negative)).toMatch(/,-500\.00,/);
  });
  it('exports JSON that parses with the schema and names files by date', () => {
    expect(AuditSnapshotSchema.parse(JSON.parse(auditToJson(audit)))).toEqual(audit);
    expect(auditFileName(audit, 'audit', 'json')).toBe('breadth-audit-2026-11-24.json');
    expect(auditFileName(audit, 'holdings', 'csv')).toBe('breadth-holdings-2026-11-24.csv');
  });
});
