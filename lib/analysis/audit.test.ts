import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAudit } from './audit';
import { MINI, account, h } from './__fixtures__/mini-reference';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import { AuditSnapshotSchema } from '../schema/audit';
import { bundledReference } from '../reference';
import type { RawHolding } from '../schema/holdings';

const at = new Date('2026-11-24T12:00:00Z');
const audit = (holdings: RawHolding[], reference = MINI) =>
  buildAudit({ accounts: [account(holdings)], reference, settings: DEFAULT_RULE_SETTINGS, generatedAt: at });
const tierSum = (t: Record<string, number>) => Object.values(t).reduce((s, v) => s + v, 0);

describe('buildAudit on a hand-checked reference', () => {
  it('sees an S&P 500 index fund as the index itself: top-10 = index share, active share 0', () => {
    const a = audit([h('VOO', 10_000)]);
    expect(a.exposure.topTen.share).toBeCloseTo(0.9, 12);
    expect(a.exposure.topTen.benchmarkShare).toBeCloseTo(0.9, 12);
    expect(a.exposure.tiers.top10).toBeCloseTo(0.9, 12);
    expect(a.exposure.tiers.restOfSp500).toBeCloseTo(0.1, 12);
    expect(a.exposure.activeShare).toBeCloseTo(0, 12);
    expect(a.exposure.coverage).toBe(1);
    for (const s of a.exposure.sectors) expect(s.portfolio).toBeCloseTo(s.benchmark, 12);
    expect(AuditSnapshotSchema.safeParse(a).success).toBe(true);
  });

  it('gives a single stock an active share of 1 minus its index weight', () => {
    const a = audit([h('BTA', 5_000)]);
    expect(a.exposure.activeShare).toBeCloseTo(0.85, 12);
    expect(a.exposure.topTen.share).toBeCloseTo(1, 12);
    expect(a.exposure.largestIssuer).toEqual({ issuer: 'Beta', share: 1 });
  });

  it('counts both share classes of one company as one issuer', () => {
    const a = audit([h('AAA', 3_000), h('AAB', 1_000)]);
    const alpha = a.exposure.topTen.issuers.find((i) => i.issuer === 'Alpha')!;
    expect(alpha.tickers).toEqual(['AAA', 'AAB']);
    expect(alpha.direct).toBeCloseTo(1, 12);
    expect(a.exposure.largestIssuer?.share).toBeCloseTo(1, 12);
  });

  it('adds look-through to direct positions, excludes pending activity, keeps cash and bonds apart', () => {
    // Hand computation in the comment of each expectation; total = 11,000 (pending 500 excluded).
    const a = audit([
      h('AAA', 3_000),
      h('AAB', 1_000),
      h('VOO', 4_000),
      h('SPAXX**', 1_000, { description: 'HELD IN MONEY MARKET' }),
      h('IJH', 1_000),
      h('Pending activity', 500),
      h('912797LN5', 1_000, { description: 'UNITED STATES TREAS BILLS' }),
    ]);
    expect(a.portfolio.totalValue).toBe(11_000);
    const alpha = a.exposure.topTen.issuers[0]!;
    expect(alpha.issuer).toBe('Alpha');
    expect(alpha.direct).toBeCloseTo(4_000 / 11_000, 12); // AAA + AAB
    expect(alpha.viaFunds).toBeCloseTo(1_000 / 11_000, 12); // 4,000 × 0.25
    expect(a.exposure.tiers.top10).toBeCloseTo(7_600 / 11_000, 12); // 4,000 + 4,000 × 0.9
    expect(a.exposure.tiers.restOfSp500).toBeCloseTo(400 / 11_000, 12);
    expect(a.exposure.tiers.sp400).toBeCloseTo(1_000 / 11_000, 12);
    expect(a.exposure.tiers.cash).toBeCloseTo(1_000 / 11_000, 12);
    expect(a.exposure.tiers.nonEquity).toBeCloseTo(1_000 / 11_000, 12);
    expect(tierSum(a.exposure.tiers)).toBeCloseTo(1, 12);
    // Active share on the 9,000 sleeve: (11 + 3 + 2 + 1.6 + 1.4 + 7 + 4) / 36 / 2 = 15/36.
    expect(a.exposure.activeShare).toBeCloseTo(15 / 36, 12);
    expect(a.exposure.topTen.share).toBeCloseTo(a.exposure.tiers.top10, 12);
    expect(a.holdings.map((x) => x.category)).toEqual(['top10', 'top10', 'fund', 'cash', 'fund', 'nonEquity']);
  });

  it('spreads an equal-weight fund evenly over the index issuers', () => {
    const a = audit([h('RSP', 1_200)]);
    expect(a.exposure.tiers.top10).toBeCloseTo(10 / 12, 12); // 12 issuers, 10 of them top-10
    expect(a.exposure.topTen.issuers[0]!.viaFunds).toBeCloseTo(1 / 12, 12);
    expect(a.holdings[0]!.topTenLookThrough).toBeCloseTo(10 / 12, 12);
  });

  it('leaves funds Breadth cannot see into unresolved and reports them in coverage', () => {
    const a = audit([h('VOO', 1_000), h('ARKK', 1_000, { description: 'ARK INNOVATION ETF' })]);
    expect(a.exposure.tiers.unresolved).toBeCloseTo(0.5, 12);
    expect(a.exposure.coverage).toBeCloseTo(0.5, 12);
    expect(a.exposure.activeShare).toBeCloseTo(0, 12); // measured on the resolved sleeve only
    expect(a.holdings[1]!.category).toBe('unresolvedFund');
  });

  it('treats a listed company outside the S&P 1500 as other equity, fully active, sector unclassified', () => {
    const a = audit([h('TSM', 1_000, { description: 'TAIWAN SEMICONDUCTOR MANUFACTURING ADR' })]);
    expect(a.exposure.tiers.otherEquity).toBe(1);
    expect(a.exposure.activeShare).toBeCloseTo(1, 12);
    expect(a.exposure.sectors.at(-1)).toEqual({ sector: 'Unclassified', portfolio: 1, benchmark: 0 });
  });

  it('counts a position without a market value as unread instead of zero', () => {
    const a = audit([h('BTA', 1_000), h('EAA', null)]);
    expect(a.portfolio.unreadRows).toBe(1);
    expect(a.portfolio.holdingsCount).toBe(1);
  });

  it('says there is nothing to measure for an empty portfolio', () => {
    const a = audit([]);
    expect(a.portfolio.totalValue).toBe(0);
    expect(a.exposure.activeShare).toBeNull();
    expect(a.exposure.coverage).toBeNull();
    expect(a.rules.every((r) => r.level === 'ok')).toBe(true);
    expect(AuditSnapshotSchema.safeParse(a).success).toBe(true);
  });

  it('audits one account on its own when asked', () => {
    const accounts = [account([h('BTA', 1_000)], 'test:One'), account([h('VOO', 3_000)], 'test:Two')];
    const one = buildAudit({ accounts, reference: MINI, settings: DEFAULT_RULE_SETTINGS, generatedAt: at, scope: { kind: 'account', accountKey: 'test:Two' } });
    expect(one.portfolio.totalValue).toBe(3_000);
    expect(one.scope).toEqual({ kind: 'account', accountKey: 'test:Two', label: 'Two' });
    const all = buildAudit({ accounts, reference: MINI, settings: DEFAULT_RULE_SETTINGS, generatedAt: at });
    expect(all.portfolio.totalValue).toBe(4_000);
  });
});

describe('buildAudit on the bundled reference', () => {
  const ref = bundledReference();
  it('matches the index for FXAIX and merges GOOGL with GOOG', () => {
    const a = audit([h('FXAIX', 50_000), h('GOOG', 1_000), h('GOOGL', 1_000), h('BRK-B', 1_000)], ref);
    const alphabet = a.exposure.topTen.issuers.find((i) => i.tickers.includes('GOOGL'))!;
    expect(alphabet.tickers.sort()).toEqual(['GOOG', 'GOOGL']);
    expect(alphabet.direct).toBeCloseTo(2_000 / 53_000, 12);
    expect(a.holdings.find((x) => x.symbol === 'BRK-B')?.category).toBe('top10');
    expect(a.exposure.topTen.benchmarkShare).toBeGreaterThan(0.35);
    expect(a.exposure.topTen.benchmarkShare).toBeLessThan(0.42);
  });
});

describe('engine invariants (property tests)', () => {
  const symbols = ['AAA', 'AAB', 'BTA', 'GMA', 'DA', 'DG', 'EAA', 'MDA', 'SMA', 'VOO', 'IJH', 'IJR', 'RSP', 'SPAXX**', 'QQQ', 'XYZW', '912797LN5'];
  const portfolio = fc.array(
    fc.record({ symbol: fc.constantFrom(...symbols), marketValue: fc.double({ min: 0.01, max: 1e7, noNaN: true }) }),
    { minLength: 1, maxLength: 40 },
  );
  it('tiers always sum to 1, top-10 share equals the top-10 tier, fractions stay in [0, 1]', () => {
    fc.assert(
      fc.property(portfolio, (holdings) => {
        const a = audit(holdings);
        expect(tierSum(a.exposure.tiers)).toBeCloseTo(1, 9);
        expect(a.exposure.topTen.share).toBeCloseTo(a.exposure.tiers.top10, 9);
        if (a.exposure.activeShare != null) {
          expect(a.exposure.activeShare).toBeGreaterThanOrEqual(0);
          expect(a.exposure.activeShare).toBeLessThanOrEqual(1);
        }
        expect(AuditSnapshotSchema.safeParse(a).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('does not change when every value is scaled by the same factor', () => {
    fc.assert(
      fc.property(portfolio, fc.double({ min: 0.5, max: 1000, noNaN: true }), (holdings, k) => {
        const a = audit(holdings);
        const b = audit(holdings.map((x) => ({ ...x, marketValue: x.marketValue * k })));
        expect(b.exposure.topTen.share).toBeCloseTo(a.exposure.topTen.share, 9);
        expect(b.exposure.activeShare ?? 0).toBeCloseTo(a.exposure.activeShare ?? 0, 9);
      }),
      { numRuns: 100 },
    );
  });
});
