import { describe, expect, it } from 'vitest';
import { buildAudit } from './audit';
import { MINI, account, h } from './__fixtures__/mini-reference';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import { revisionWatch } from './revisions';
import type { EstimateReading } from '../providers/estimates/types';

// Mini reference: ALPHA (AAA, AAB) 25 %, BETA (BTA) 15 % of the S&P 500. $6,000 direct ALPHA, $4,000 direct BETA:
// exposure ALPHA 60 %, BETA 40 %, the other eight top-10 issuers 0.
const audit = buildAudit({ accounts: [account([h('AAA', 6_000), h('BTA', 4_000)])], reference: MINI, settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date('2026-11-25T00:00:00Z') });
const reading = (ticker: string, readAt: string, eps: number, extra: Partial<EstimateReading> = {}): EstimateReading => ({
  ticker, readAt, fiscalYearEnd: '2026-12-31', eps, eps30DaysAgo: null, eps90DaysAgo: null, upLast30Days: null, downLast30Days: null, analysts: null, source: 'test', ...extra,
});

describe('mega-cap revision watch', () => {
  it('weights each issuer’s 90-day change by this portfolio’s exposure and counts the cuts', () => {
    // ALPHA: source says 90 days ago 10.00, now 9.50 → −5 %; BETA: 4.00 → 4.08 → +2 %.
    const w = revisionWatch(audit, [
      reading('AAA', '2026-11-24T00:00:00.000Z', 9.5, { eps90DaysAgo: 10, eps30DaysAgo: 9.6, upLast30Days: 1, downLast30Days: 7 }),
      reading('BTA', '2026-11-24T00:00:00.000Z', 4.08, { eps90DaysAgo: 4 }),
    ]);
    // 0.6 × −5 % + 0.4 × +2 % = −2.2 %.
    expect(w.weighted90).toBeCloseTo(-0.022, 12);
    expect([w.cut, w.known]).toEqual([1, 2]);
    expect(w.sentence).toBe('The mega-caps you hold through funds and directly: consensus down 2.2 % in 90 days; 1 of 2 cut.');
    expect(w.rule).toMatchObject({ level: 'caution', threshold: -0.02 });
    expect(w.issuers.find((i) => i.issuer === 'Alpha')).toMatchObject({ ticker: 'AAA', change30: expect.closeTo(-0.1 / 9.6, 12), up30: 1, down30: 7 });
  });

  it('builds the change from its own dated readings when the source gives only today’s consensus', () => {
    const w = revisionWatch(audit, [
      reading('AAA', '2026-08-27T00:00:00.000Z', 10), // 89 days before
      reading('AAA', '2026-10-24T00:00:00.000Z', 9.8), // 31 days before
      reading('AAA', '2026-11-24T00:00:00.000Z', 10.3),
      reading('AAA', '2026-05-01T00:00:00.000Z', 7, { fiscalYearEnd: '2025-12-31' }), // another fiscal year: ignored
    ]);
    const alpha = w.issuers.find((i) => i.issuer === 'Alpha')!;
    expect(alpha.change90).toBeCloseTo(0.03, 12);
    expect(alpha.change30).toBeCloseTo(0.5 / 9.8, 12);
    expect(w.weighted90).toBeCloseTo(0.03, 12); // BETA has no data: left out, not counted as zero
    expect(w.rule.level).toBe('ok');
  });

  it('says what is missing without estimates', () => {
    const w = revisionWatch(audit, []);
    expect(w.weighted90).toBeNull();
    expect(w.sentence).toMatch(/^No estimates for the mega-caps yet/);
    expect(w.rule).toMatchObject({ level: 'ok', value: null });
  });
});
