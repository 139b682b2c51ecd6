/**
 * The portfolio a new user tried (issue "Right numbers on the portfolios people actually hold"): the
 * funds most Americans own, in a plain CSV without descriptions. Breadth said 5.1 % top-10 exposure
 * and called VTI a company; the funds' own holdings files put it near 37 %.
 */
import { describe, expect, it } from 'vitest';
import { importPositionsFile } from '../import';
import { accountsFromScan } from './accounts';
import { buildAudit } from './audit';
import { bundledFundHoldings, bundledReference } from '../reference';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';

const CSV = `Account,Symbol,Quantity,Market Value
Brokerage,VTI,100,30000
Brokerage,QQQ,20,12000
Brokerage,VXUS,100,7000
Brokerage,VUG,10,4000
Brokerage,SCHD,100,2800
Brokerage,AAPL,10,2300
Brokerage,XLK,10,2500
IRA,VTSAX,50,7000
IRA,FSKAX,50,8000
IRA,SCHB,100,2500
IRA,VOO,10,5500
IRA,BND,50,3600
`;

describe('the funds people hold, seen through', () => {
  const reference = bundledReference();
  const audit = buildAudit({ accounts: accountsFromScan(importPositionsFile(CSV, 'positions.csv', new Date('2026-12-01T00:00:00Z'))), reference, settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date('2026-12-01T00:00:00Z') });

  it('matches what the funds’ own holdings files give, within 3 pp', () => {
    // Independently of the engine: each fund's top-10 weight read straight from its file.
    const topTickers = new Set(reference.topTen.flatMap((i) => i.tickers));
    const fileTopTen = (id: string) => bundledFundHoldings().find((f) => f.id === id)!.holdings.filter(([t]) => topTickers.has(t)).reduce((s, [, w]) => s + w / 100, 0);
    const indexTopTen = reference.topTen.reduce((s, i) => s + i.weight, 0);
    const expected =
      ((30_000 + 7_000 + 8_000 + 2_500) * fileTopTen('VTI') + 12_000 * fileTopTen('NDX') + 4_000 * fileTopTen('VUG') + 2_800 * fileTopTen('SCHD') + 2_500 * fileTopTen('XLK') + 5_500 * indexTopTen + 2_300) / 87_200;
    expect(expected).toBeGreaterThan(0.34);
    expect(expected).toBeLessThan(0.4);
    expect(Math.abs(audit.exposure.topTen.share - expected)).toBeLessThan(0.03);
    expect(audit.portfolio.totalValue).toBe(87_200);
  });

  it('calls no fund a company or "other stocks", and leaves nothing unseen', () => {
    const funds = audit.holdings.filter((h) => h.symbol !== 'AAPL');
    for (const h of funds) expect(['fund', 'international', 'nonEquity'], h.symbol ?? '').toContain(h.category);
    expect(audit.exposure.largestIssuer?.issuer).toBe('Apple Inc.');
    expect(audit.exposure.tiers.unresolved + audit.exposure.tiers.unrecognised).toBe(0);
    expect(audit.exposure.tiers.international).toBeCloseTo(7_000 / 87_200, 12);
    expect(audit.exposure.tiers.nonEquity).toBeCloseTo(3_600 / 87_200, 12);
    expect(audit.exposure.topTen.bounded).toBe(false);
    expect(audit.holdings.find((h) => h.symbol === 'FSKAX')!.seenThrough!.text).toMatch(/^seen through VTI's holdings \(Vanguard, 2025-10-31\)/);
    // Sectors come from the index data: almost all of the US stocks have one.
    const unclassified = audit.exposure.sectors.find((s) => s.sector === 'Unclassified')?.portfolio ?? 0;
    expect(unclassified).toBeLessThan(0.1);
  });
});
