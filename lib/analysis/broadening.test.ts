import { describe, expect, it } from 'vitest';
import type { DailyPrice } from '../providers/prices/cboe';
import { broadeningMonitor, relativeSeries, spreadSentence } from './broadening';

const series = (rows: [string, number][]): DailyPrice[] => rows.map(([date, close]) => ({ date, close, high: close }));

// asOf Monday 2026-11-23. Window starts: 3 m 2026-08-23 (Sun → Fri 08-21), 6 m 2026-05-23 (Sat → Fri 05-22),
// 12 m 2025-11-23 (Sun → Fri 11-21), 18 m 2025-05-23 (Fri).
const asOf = new Date('2026-11-23T21:00:00Z');
const DAYS = ['2025-05-23', '2025-11-21', '2026-05-22', '2026-08-21', '2026-11-23'];
const SPY = series(DAYS.map((d, i) => [d, [100, 110, 120, 125, 130][i]!]));
const RSP = series(DAYS.map((d, i) => [d, [50, 52, 54, 56, 60][i]!]));
// IJH listed (for this test) in January 2026: no 12- or 18-month figure.
const IJH = series([['2026-01-02', 10], ['2026-05-22', 10], ['2026-08-21', 10], ['2026-11-23', 10.4]]);
// IJR's file stops on 2026-10-01: too stale for any window ending 2026-11-23.
const IJR = series([['2025-05-23', 20], ['2025-11-21', 20], ['2026-05-22', 20], ['2026-08-21', 20], ['2026-10-01', 20]]);

describe('broadening monitor', () => {
  const report = broadeningMonitor({ rsp: RSP, cap: SPY, ijh: IJH, ijr: IJR }, asOf);
  const byMonths = (m: number) => report.windows.find((w) => w.months === m)!;

  it('ends every window on the last close the current series share', () => {
    expect(report.asOf).toBe('2026-11-23');
    expect(report.to).toBe('2026-11-23'); // IJR (stale) does not drag the end back
    expect(report.windows.map((w) => [w.months, w.from])).toEqual([
      [3, '2026-08-23'],
      [6, '2026-05-23'],
      [12, '2025-11-23'],
      [18, '2025-05-23'],
    ]);
  });

  it('computes each return from the closes on/before the window ends', () => {
    const w3 = byMonths(3);
    expect(w3.returns.cap).toMatchObject({ startDate: '2026-08-21', endDate: '2026-11-23' });
    expect(w3.returns.cap.value).toBeCloseTo(130 / 125 - 1, 12); // +4 %
    expect(w3.returns.rsp.value).toBeCloseTo(60 / 56 - 1, 12); // +7.14 %
    expect(w3.returns.ijh.value).toBeCloseTo(0.04, 12);
    expect(byMonths(18).returns.cap.value).toBeCloseTo(0.3, 12);
    expect(byMonths(18).returns.rsp.value).toBeCloseTo(0.2, 12);
  });

  it('gives spreads in percentage points with one sentence per window', () => {
    // 3 m: (60/56 − 1 − 0.04) × 100 = 3.142857 pp
    const w3 = byMonths(3);
    expect(w3.spreads.equalWeight.pp).toBeCloseTo((60 / 56 - 1 - 0.04) * 100, 10);
    expect(w3.sentence).toBe('Equal-weight has beaten cap-weight by 3.1 pp over 3 months.');
    expect(w3.spreads.midCap).toMatchObject({ sentence: 'Mid caps have kept pace with cap-weight over 3 months.' });
    expect(w3.spreads.midCap.pp).toBeCloseTo(0, 10);

    // 6 m: RSP 60/54 − 1 = 11.11 %, SPY 130/120 − 1 = 8.33 % → +2.78 pp; IJH 4 % → −4.33 pp
    const w6 = byMonths(6);
    expect(w6.spreads.equalWeight.pp).toBeCloseTo((60 / 54 - 130 / 120) * 100, 10);
    expect(w6.sentence).toBe('Equal-weight has beaten cap-weight by 2.8 pp over 6 months.');
    expect(w6.spreads.midCap).toMatchObject({ sentence: 'Mid caps have trailed cap-weight by 4.3 pp over 6 months.' });

    // 12 m: 60/52 − 130/110 = −2.797 pp; 18 m: 20 % − 30 % = −10 pp
    expect(byMonths(12).sentence).toBe('Equal-weight has trailed cap-weight by 2.8 pp over 12 months.');
    expect(byMonths(18).spreads.equalWeight.pp).toBeCloseTo(-10, 10);
    expect(byMonths(18).sentence).toBe('Equal-weight has trailed cap-weight by 10.0 pp over 18 months.');
  });

  it('leaves null entries, with the reason, where a series does not cover a window', () => {
    expect(byMonths(12).returns.ijh).toEqual({ value: null, reason: 'IJH: history starts 2026-01-02, after 2025-11-23' });
    expect(byMonths(12).spreads.midCap).toEqual({ pp: null, reason: 'IJH: history starts 2026-01-02, after 2025-11-23' });
    for (const w of report.windows) {
      expect(w.returns.ijr).toEqual({ value: null, reason: 'IJR: prices stop at 2026-10-01, more than 10 days before 2026-11-23' });
      expect(w.spreads.smallCap.pp).toBeNull();
    }
  });

  it('aligns the end on the shared last close and names the cap-weight fund used', () => {
    const rsp = series([['2026-08-20', 100], ['2026-11-20', 105], ['2026-11-23', 200]]);
    const ivv = series([['2026-08-20', 100], ['2026-11-20', 110]]);
    const r = broadeningMonitor({ rsp, cap: ivv, capTicker: 'IVV', ijh: [], ijr: [] }, asOf, [3]);
    expect(r.to).toBe('2026-11-20'); // not RSP's 2026-11-23: both legs end the same day
    const [w] = r.windows;
    expect(w!.spreads.equalWeight.pp).toBeCloseTo(-5, 10); // +5 % against +10 %
    expect(w!.sentence).toBe('Equal-weight has trailed cap-weight by 5.0 pp over 3 months.');
    expect(w!.spreads.midCap).toEqual({ pp: null, reason: 'IJH: no prices' });

    const none = broadeningMonitor({ rsp: [], cap: [], capTicker: 'IVV', ijh: [], ijr: [] }, asOf, [6]);
    expect(none.windows[0]!.sentence).toBe('No equal-weight comparison over 6 months (RSP: no prices; IVV: no prices).');
    expect(() => broadeningMonitor({ rsp: [], cap: [], ijh: [], ijr: [] }, new Date('nonsense'))).toThrow(RangeError);
  });

  it('formats spreads with one decimal, by the shown figure', () => {
    expect(spreadSentence('Equal-weight', 'has', 0.04, 6)).toBe('Equal-weight has kept pace with cap-weight over 6 months.');
    expect(spreadSentence('Equal-weight', 'has', -0.04, 6)).toBe('Equal-weight has kept pace with cap-weight over 6 months.');
    expect(spreadSentence('Small caps', 'have', -0.06, 3)).toBe('Small caps have trailed cap-weight by 0.1 pp over 3 months.');
    expect(spreadSentence('Equal-weight', 'has', 1234.56, 18)).toBe('Equal-weight has beaten cap-weight by 1,234.6 pp over 18 months.');
  });
});

describe('relativeSeries', () => {
  const a = series([['2026-01-02', 10], ['2026-01-05', 11], ['2026-01-06', 12], ['2026-01-07', 13]]);
  const b = series([['2025-12-31', 90], ['2026-01-06', 120], ['2026-01-02', 100], ['2026-01-05', 100]]);

  it('gives a / b on shared days, normalised to 1 at the start', () => {
    // Ratios 0.10, 0.11, 0.10 → 1, 1.1, 1 (2026-01-07 has no b, 2025-12-31 no a).
    const r = relativeSeries(a, b);
    expect(r.map((x) => x.date)).toEqual(['2026-01-02', '2026-01-05', '2026-01-06']);
    expect(r[0]!.value).toBe(1);
    expect(r[1]!.value).toBeCloseTo(1.1, 12);
    expect(r[2]!.value).toBeCloseTo(1, 12);
  });

  it('starts where asked, and is empty without shared days', () => {
    const r = relativeSeries(a, b, new Date('2026-01-05T00:00:00Z'));
    expect(r.map((x) => x.date)).toEqual(['2026-01-05', '2026-01-06']);
    expect(r[1]!.value).toBeCloseTo(0.1 / 0.11, 12); // 12/120 against 11/100
    expect(relativeSeries(a, [])).toEqual([]);
  });
});
