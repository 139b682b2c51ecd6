import { describe, expect, it } from 'vitest';
import { buildAudit } from './audit';
import { account, h } from './__fixtures__/mini-reference';
import { MINI_WITH_FUNDS } from './__fixtures__/mini-funds';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import { AuditSnapshotSchema } from '../schema/audit';
import type { RawHolding } from '../schema/holdings';

const at = new Date('2026-11-24T12:00:00Z');
const audit = (holdings: RawHolding[]) =>
  buildAudit({ accounts: [account(holdings)], reference: MINI_WITH_FUNDS, settings: DEFAULT_RULE_SETTINGS, generatedAt: at });
const rule = (a: ReturnType<typeof audit>, id: string) => a.rules.find((r) => r.id === id)!;

describe('look-through of the funds people hold (hand-computed on the mini reference)', () => {
  // VTIM 10,000 → top 10 3,500, S&P 400 1,000, S&P 600 1,000, other stocks 4,000, cash 500;
  // QQQM 5,000 → top 10 3,000, other 2,000; VXUSM 3,000 international; BNDM 2,000 bond. Total 20,000.
  const portfolio = [h('VTIM', 10_000), h('QQQM', 5_000), h('VXUSM', 3_000), h('BNDM', 2_000)];

  it('sees a total-market + Nasdaq-100 + international + bond portfolio through', () => {
    const a = audit(portfolio);
    expect(AuditSnapshotSchema.safeParse(a).success).toBe(true);
    expect(a.portfolio.totalValue).toBe(20_000);
    const t = a.exposure.tiers;
    expect(t.top10).toBeCloseTo(0.325, 12);
    expect(t.sp400).toBeCloseTo(0.05, 12);
    expect(t.sp600).toBeCloseTo(0.05, 12);
    expect(t.otherEquity).toBeCloseTo(0.3, 12);
    expect(t.international).toBeCloseTo(0.15, 12);
    expect(t.nonEquity).toBeCloseTo(0.1, 12);
    expect(t.cash).toBeCloseTo(0.025, 12);
    expect(t.unresolved + t.unrecognised).toBe(0);
    expect(a.exposure.topTen.share).toBeCloseTo(0.325, 12);
    // Alpha: VTIM (AAA 10 % + AAB 5 %) 1,500 + QQQM (AAA 20 %) 1,000 = 2,500 of 20,000.
    expect(a.exposure.topTen.issuers.find((i) => i.issuer === 'Alpha')!.share).toBeCloseTo(0.125, 12);
    expect(a.exposure.topTen.bounded).toBe(false);
    expect(a.exposure.coverage).toBe(1);
    // Largest issuer is a company, never a fund: Alpha 12.5 % beats Beta (VTIM 500 + QQQM 1,500 = 10 %).
    expect(a.exposure.largestIssuer).toEqual({ issuer: 'Alpha', share: 0.125 });
  });

  it('says which holdings saw each fund through, with dates', () => {
    const a = audit(portfolio);
    const byType = Object.fromEntries(a.holdings.map((x) => [x.symbol, x]));
    expect(byType.VTIM!.seenThrough).toMatchObject({ source: 'VTIM', asOf: '2025-10-31', relation: 'own' });
    expect(byType.QQQM!.seenThrough).toMatchObject({ source: 'Mini Nasdaq index', relation: 'same-index' });
    expect(byType.QQQM!.seenThrough!.text).toContain('the Mini Nasdaq index');
    expect(byType.VXUSM!.category).toBe('international');
    expect(byType.BNDM!.category).toBe('nonEquity');
    expect(byType.BNDM!.reason).toBe('bond fund');
    expect(a.exposure.lookThroughSources.map((s) => [s.source, s.asOf, s.usedFor])).toEqual([
      ['Mini Nasdaq index', '2026-06-29', ['QQQM']],
      ['VTIM', '2025-10-31', ['VTIM']],
    ]);
  });

  it('audits a share class exactly as the fund it belongs to (VTSAX = VTI)', () => {
    const a = audit(portfolio);
    const b = audit([h('VTSAXM', 10_000), ...portfolio.slice(1)]);
    expect(b.exposure.tiers).toEqual(a.exposure.tiers);
    expect(b.exposure.topTen.share).toBe(a.exposure.topTen.share);
    expect(b.exposure.activeShare).toBe(a.exposure.activeShare);
    expect(b.exposure.sectors).toEqual(a.exposure.sectors);
    const vtsax = b.holdings.find((x) => x.symbol === 'VTSAXM')!;
    expect(vtsax.category).toBe('fund');
    expect(vtsax.seenThrough).toMatchObject({ source: 'VTIM', relation: 'share-class' });
    expect(vtsax.seenThrough!.text).toContain('a share class of VTIM');
  });

  it('sees share classes of index funds and of international funds too', () => {
    const a = audit([h('VFIAXM', 1_000), h('VTIAXM', 1_000)]);
    expect(a.holdings.find((x) => x.symbol === 'VFIAXM')!.fundTracks).toBe('sp500');
    expect(a.holdings.find((x) => x.symbol === 'VTIAXM')!.category).toBe('international');
  });

  it('never calls a fund a company, and never guesses an unknown symbol', () => {
    const a = audit([h('ACME', 1_000), h('WHATX', 1_000), h('QWERTY', 1_000), h('ACTV', 1_000), h('GLDM', 500), h('MMKXX', 500), h('NOTEN', 500)]);
    const cat = Object.fromEntries(a.holdings.map((x) => [x.symbol, x.category]));
    expect(cat).toEqual({ ACME: 'otherEquity', WHATX: 'unrecognised', QWERTY: 'unrecognised', ACTV: 'unresolvedFund', GLDM: 'nonEquity', MMKXX: 'cash', NOTEN: 'nonEquity' });
    expect(a.exposure.largestIssuer?.issuer).toBe('ACME');
  });

  it('classifies an unknown fund by its row description', () => {
    const a = audit([
      h('ABCDX', 1_000, { description: 'SOMEFUND TOTAL INTL STOCK INDEX ADMIRAL' }),
      h('ABCEX', 1_000, { description: 'SOMEFUND US BOND INDEX FUND' }),
      h('ABCFX', 1_000, { description: 'SOMEFUND TARGET RETIREMENT 2050 FUND' }),
    ]);
    const cat = Object.fromEntries(a.holdings.map((x) => [x.symbol, x.category]));
    expect(cat).toEqual({ ABCDX: 'international', ABCEX: 'nonEquity', ABCFX: 'unresolvedFund' });
  });
});

describe('a figure Breadth cannot fully see is a bound', () => {
  // VOO 8,000 (top 10 = 0.9 of it: 7,200); a target-date fund 1,500 and an unknown symbol 500 unseen.
  const a = audit([h('VOO', 8_000), h('TDFM', 1_500), h('WHATX', 500)]);

  it('states the top-10 figure as at least / if like the index / at most', () => {
    const t = a.exposure.topTen;
    expect(t.share).toBeCloseTo(0.72, 12);
    expect(t.unseen).toBeCloseTo(0.2, 12);
    expect(t.shareIfUnseenLikeIndex).toBeCloseTo(0.72 + 0.2 * 0.9, 12);
    expect(t.shareAtMost).toBeCloseTo(0.92, 12);
    expect(t.bounded).toBe(true);
    expect(t.unseenHoldings.map((u) => [u.name, u.category])).toEqual([['TDFM', 'unresolvedFund'], ['WHATX', 'unrecognised']]);
    expect(a.exposure.coverage).toBeCloseTo(0.8, 12);
  });

  it('never says ok when the unseen money could change the verdict, and says how to fix it', () => {
    // Seen: 72 % against the index's 90 % (ok); at most 92 %: above it. So: consider, with the bound.
    const top = rule(a, 'top-ten-above-index');
    expect(top.level).toBe('consider');
    expect(top.message).toContain('At least 72.0 %');
    expect(top.message).toContain('90.0 % if the 20.0 % Breadth cannot see (TDFM, WHATX)');
    expect(top.message).toContain('options page');
    const unseen = rule(a, 'unseen-money');
    expect(unseen.level).toBe('consider');
    expect(unseen.message).toContain('TDFM: target-date or balanced fund');
  });

  it('puts active share and the largest company between bounds too', () => {
    // BTA alone: active share 0.85 on what is seen; with 30 % unseen it lies in [0.85 × 0.7, 0.85 × 0.7 + 0.3] = [0.595, 0.895]: both sides of 60 %.
    const b = audit([h('BTA', 7_000), h('TDFM', 3_000)]);
    const closet = rule(b, 'closet-indexing');
    expect(closet.level).toBe('consider');
    expect(closet.message).toBe('Active share is 85.0 % on the stocks Breadth can see; with the 30.0 % it cannot, it lies between 59.5 % and 89.5 %, on both sides of your 60 % line.');
    // VOO 7,000: Alpha 7,000 × 0.25 = 17.5 % (consider); with 30 % unseen up to 47.5 %: past the 20 % caution line.
    const c = audit([h('VOO', 7_000), h('TDFM', 3_000)]);
    const single = rule(c, 'single-issuer');
    expect(single.level).toBe('consider');
    expect(single.message).toContain('it could be above your 20 % caution limit.');
  });

  it('keeps a verdict the unseen money cannot change, and says nothing is unseen when nothing is', () => {
    const clear = audit([h('VOO', 9_900), h('WHATX', 100)]);
    expect(clear.exposure.topTen.bounded).toBe(false);
    expect(rule(clear, 'unseen-money').level).toBe('ok');
    expect(rule(audit([h('VOO', 1_000)]), 'unseen-money').message).toBe('Breadth sees through every holding it read.');
  });
});

describe('shorts and margin debt are shown apart: shares are of the gross long value', () => {
  it('a −90 short beside AAPL 100 leaves AAPL at 100 % of the long holdings, not 1,000 %', () => {
    const a = audit([h('BTA', 100), h('GMA', -90)]);
    expect(a.portfolio.totalValue).toBe(10);
    expect(a.portfolio.grossLongValue).toBe(100);
    expect(a.portfolio.shortValue).toBe(90);
    expect(a.portfolio.debtValue).toBe(0);
    expect(a.exposure.topTen.share).toBeCloseTo(1, 12);
    expect(a.holdings.find((x) => x.symbol === 'GMA')!.reason).toBe('short position or other negative value');
    expect(Object.values(a.exposure.tiers).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('margin debt larger than the stocks does not make them vanish', () => {
    const a = audit([h('BTA', 100), h('CASH', -150, { rowKind: 'cash' })]);
    expect(a.portfolio.totalValue).toBe(-50);
    expect(a.portfolio.debtValue).toBe(150);
    expect(a.exposure.topTen.share).toBeCloseTo(1, 12);
    expect(a.exposure.tiers.cash).toBe(0);
    expect(rule(a, 'top-ten-above-index').message).not.toContain('No stocks');
    expect(a.exposure.activeShare).not.toBeNull();
  });
});

describe('what the page is told', () => {
  it('a badge says what the row is, from public index data, never what the household holds', async () => {
    const { badgeFor } = await import('./badges');
    const badge = badgeFor('AAA', undefined, MINI_WITH_FUNDS)!;
    expect(badge.text).toBe('TOP-10');
    expect(badge.title).toBe('Alpha is one of the S&P 500\'s ten largest companies: 25.00 % of the index.');
    expect(badge.title).not.toMatch(/your/i);
  });
});
