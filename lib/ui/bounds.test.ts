import { describe, expect, it } from 'vitest';
import { fundLines, holdingNote, seenThroughLine, seenThroughSource, topTenHeadline, topTenWords } from './bounds';
import { boundedAudit, seenAudit } from './__fixtures__/audits-v2';
import type { SeenThrough } from '../schema/audit';

const topTen = boundedAudit.exposure.topTen;

describe('topTenWords', () => {
  it('reads a bounded figure as a bound: at least, if like the index, at most, what is missing, how to fix it', () => {
    expect(topTenWords(topTen)).toEqual({
      bounded: true,
      lead: 'at least 21.8%',
      ifLikeIndex: '26.5% if the money Breadth cannot see holds what the S&P 500 holds',
      atMost: 'at most 33.8%',
      missing: 'Not seen: 12.0% of your money: VFIFX 10.0% (target-date fund), ZZQX 2.0% (not in the directory).',
      fix: 'Drop the fund’s holdings file on the options page (Index data) to see through it; check the symbols Breadth does not know.',
    });
    expect(topTenHeadline(topTen)).toBe('at least 21.8%; 26.5% if the money Breadth cannot see holds what the S&P 500 holds (at most 33.8%)');
  });

  it('says "your unseen funds" when only funds are unseen, and names the three largest, the rest summed', () => {
    const funds = ['T2030', 'T2040', 'T2050', 'ACTV', 'ABCX'].map((name, i) => ({ name, share: 0.05 - i * 0.01, category: 'unresolvedFund' as const }));
    const w = topTenWords({ ...topTen, unseen: 0.15, shareIfUnseenLikeIndex: 0.36, unseenHoldings: funds });
    expect(w.ifLikeIndex).toBe('36.0% if your unseen funds hold what the S&P 500 holds');
    expect(w.missing).toBe('Not seen: 15.0% of your money: T2030 5.0%, T2040 4.0%, T2050 3.0%, 2 more 3.0%.');
    expect(w.fix).toBe('Drop the fund’s holdings file on the options page (Index data) to see through it.');
  });

  it('points at the symbols when only unknown symbols are unseen', () => {
    const w = topTenWords({ ...topTen, unseenHoldings: [{ name: 'ZZQX', share: 0.12, category: 'unrecognised' }] });
    expect(w.ifLikeIndex).toBe('26.5% if the symbols Breadth does not know hold what the S&P 500 holds');
    expect(w.fix).toBe('Check the symbols Breadth does not know; if one is a fund, drop the fund’s holdings file on the options page (Index data).');
  });

  it('states a figure that is not bounded as it is', () => {
    expect(topTenWords(seenAudit.exposure.topTen)).toEqual({ bounded: false, lead: '21.8%', ifLikeIndex: null, atMost: null, missing: null, fix: null });
    expect(topTenHeadline(seenAudit.exposure.topTen)).toBe('21.8%');
  });
});

describe('seen-through lines', () => {
  const st: SeenThrough = { kind: 'holdings', source: 'VTI', publisher: 'Vanguard', asOf: '2025-10-31', relation: 'same-index', text: 'seen through VTI’s holdings (Vanguard, 2025-10-31): same index' };
  it('always start with "seen through" and always carry the date', () => {
    expect(seenThroughLine(st)).toBe('seen through VTI’s holdings (Vanguard, 2025-10-31): same index');
    expect(seenThroughSource(st)).toBe('VTI’s holdings (Vanguard, 2025-10-31): same index');
    expect(seenThroughLine({ ...st, text: 'VTI’s holdings' })).toBe('seen through VTI’s holdings (Vanguard, 2025-10-31)');
    expect(seenThroughSource({ ...st, text: '' })).toBe('VTI’s holdings (Vanguard, 2025-10-31)');
  });
  it('say per holding how it was seen, or why not', () => {
    const note = (symbol: string) => holdingNote(boundedAudit.holdings.find((h) => h.symbol === symbol)!);
    expect(note('VTSAX')).toBe('seen through VTI’s holdings (Vanguard, 2025-10-31): share class');
    expect(note('VFIFX')).toBe('target-date fund');
    expect(note('NVDA')).toBeNull();
  });
});

describe('fundLines', () => {
  it('lists funds and unknown symbols once per symbol across accounts, largest first', () => {
    const twice = [...boundedAudit.holdings, { ...boundedAudit.holdings.find((h) => h.symbol === 'VTSAX')!, accountKey: 'other', marketValue: 20_000, share: 0.4 }];
    expect(fundLines(twice).map((f) => [f.name, f.category, Number(f.share.toFixed(4))])).toEqual([
      ['VTSAX', 'fund', 0.48],
      ['VTI', 'fund', 0.2],
      ['VXUS', 'international', 0.16],
      ['VFIFX', 'unresolvedFund', 0.1],
      ['ZZQX', 'unrecognised', 0.02],
    ]);
  });
});
