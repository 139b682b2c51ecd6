import { describe, expect, it } from 'vitest';
import { buildAudit } from '../analysis/audit';
import { MINI } from '../analysis/__fixtures__/mini-reference';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import { topTenOverlap } from './overlap';

describe('top-10 overlap: direct and through each fund', () => {
  it('splits each issuer by fund, and the parts add up to its look-through share', () => {
    // Mini reference: ALPHA is 25 % of the S&P 500 (two share classes), BETA 15 %; 12 issuers in all (ALPHA, BETA, GAMMA, D1–D7, E1, E2).
    // $1,000 direct AAA, $2,000 in VOO (S&P 500), $1,000 in RSP (equal weight: 1/12 each), $1,000 in IJH.
    const audit = buildAudit({
      accounts: [
        {
          key: 'k', label: 'A', source: { kind: 'file', readerId: 'plain-csv', label: 'f' }, readAt: '2026-11-25T00:00:00.000Z', skipped: [], complete: true,
          holdings: [
            { symbol: 'AAA', marketValue: 1_000 },
            { symbol: 'VOO', marketValue: 2_000 },
            { symbol: 'RSP', marketValue: 1_000 },
            { symbol: 'IJH', marketValue: 1_000 },
          ],
        },
      ],
      reference: MINI,
      settings: DEFAULT_RULE_SETTINGS,
      generatedAt: new Date('2026-11-25T00:00:00Z'),
    });
    const { funds, issuers } = topTenOverlap(audit);
    expect(funds).toEqual(['VOO', 'RSP']); // IJH holds none of the top 10
    const alpha = issuers.find((i) => i.issuer === 'Alpha')!;
    expect(alpha.direct).toBeCloseTo(1_000 / 5_000, 12);
    expect(alpha.viaFund.VOO).toBeCloseTo((2_000 * 0.25) / 5_000, 12);
    expect(alpha.viaFund.RSP).toBeCloseTo(1_000 / 12 / 5_000, 12);
    for (const i of issuers) {
      const parts = Object.values(i.viaFund).reduce((s, x) => s + x, 0);
      expect(i.direct + parts).toBeCloseTo(i.total, 12);
    }
  });
});
