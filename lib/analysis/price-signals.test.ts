import { describe, expect, it } from 'vitest';
import type { DailyPrice } from '../providers/prices/cboe';
import { addMonths, closeOnOrBefore, coverWindow, drawdownFromHigh, fiftyTwoWeekHigh, totalReturn } from './price-signals';

const p = (date: string, close: number, high = close): DailyPrice => ({ date, close, high });
const at = (day: string) => new Date(`${day}T12:00:00Z`);

// asOf 2026-11-24: the 52-week window is the days after 2025-11-24 up to 2026-11-24.
const SERIES: DailyPrice[] = [
  p('2025-06-02', 190, 200), // before the window: its 200 must not count
  p('2025-11-20', 90, 91),
  p('2025-11-25', 100, 101),
  p('2026-03-02', 120, 125), // the 52-week high
  p('2026-07-01', 80, 82),
  p('2026-11-23', 75, 76),
];
const asOf = at('2026-11-24');

describe('price signals', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths('2026-11-24', -3)).toBe('2026-08-24');
    expect(addMonths('2026-11-24', -18)).toBe('2025-05-24');
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('finds the 52-week high inside the year only', () => {
    expect(fiftyTwoWeekHigh(SERIES, asOf)).toEqual({ high: 125, date: '2026-03-02', fullYear: true });
    // A listing younger than a year: the high since listing, flagged.
    expect(fiftyTwoWeekHigh(SERIES.slice(3), asOf)).toEqual({ high: 125, date: '2026-03-02', fullYear: false });
    // A close above a (bad) high counts; on a tie the later day.
    expect(fiftyTwoWeekHigh([p('2026-01-05', 50, 40), p('2026-02-05', 49, 50), p('2025-01-01', 1)], asOf)).toEqual({ high: 50, date: '2026-02-05', fullYear: true });
    expect(fiftyTwoWeekHigh([], asOf)).toBeNull();
    expect(fiftyTwoWeekHigh(SERIES, new Date('nonsense'))).toBeNull();
  });

  it('measures the drawdown of the last close from that high', () => {
    // 1 − 75 / 125 = 0.4
    const d = drawdownFromHigh(SERIES, asOf)!;
    expect(d).toMatchObject({ high: 125, highDate: '2026-03-02', last: 75, lastDate: '2026-11-23', fullYear: true });
    expect(d.drawdown).toBeCloseTo(0.4, 12);
    // At the high: 0, never negative (the last close is the high itself).
    expect(drawdownFromHigh([...SERIES, p('2026-11-24', 130)], asOf)).toMatchObject({ high: 130, last: 130, drawdown: 0 });
    // asOf in the past: only what was known then. On 2026-07-01 the high was 125 and the close 80 → 0.36.
    expect(drawdownFromHigh(SERIES, at('2026-07-01'))!.drawdown).toBeCloseTo(1 - 80 / 125, 12);
    // The series stopped more than 10 days before asOf: no "last close".
    expect(drawdownFromHigh(SERIES, at('2026-12-10'))).toBeNull();
    expect(drawdownFromHigh([], asOf)).toBeNull();
  });

  it('computes the return between the last closes on/before each date', () => {
    // 2025-11-24 → close of 2025-11-20 (90); 2026-11-24 → close of 2026-11-23 (75): 75/90 − 1
    expect(totalReturn(SERIES, at('2025-11-24'), asOf)).toBeCloseTo(75 / 90 - 1, 12);
    expect(totalReturn(SERIES, at('2026-03-02'), at('2026-07-01'))).toBeCloseTo(-1 / 3, 12);
    expect(totalReturn(SERIES, at('2025-11-25'), at('2026-03-02'))).toBeCloseTo(0.2, 12);
  });

  it('returns null when the data does not cover the window', () => {
    expect(totalReturn(SERIES, at('2025-01-01'), asOf)).toBeNull(); // starts after `from`
    expect(totalReturn(SERIES, at('2025-11-24'), at('2027-06-01'))).toBeNull(); // stops long before `to`
    expect(totalReturn(SERIES, at('2025-10-01'), asOf)).toBeNull(); // last close before `from` is 4 months old
    expect(totalReturn(SERIES, asOf, at('2025-11-24'))).toBeNull(); // backwards
    expect(totalReturn([], at('2025-11-24'), asOf)).toBeNull();
    expect(coverWindow(SERIES, '2025-01-01', '2026-11-24')).toEqual({ ok: false, reason: 'history starts 2025-06-02, after 2025-01-01' });
    expect(coverWindow(SERIES, '2025-11-24', '2027-06-01')).toEqual({ ok: false, reason: 'prices stop at 2026-11-23, more than 10 days before 2027-06-01' });
    expect(coverWindow(SERIES, '2025-10-01', '2026-11-24')).toEqual({ ok: false, reason: 'no close within 10 days before 2025-10-01 (last 2025-06-02)' });
  });

  it('reads the last close on or before a day whatever the order', () => {
    expect(closeOnOrBefore([...SERIES].reverse(), '2026-07-15')).toEqual(p('2026-07-01', 80, 82));
    expect(closeOnOrBefore(SERIES, '2025-01-01')).toBeNull();
  });
});
