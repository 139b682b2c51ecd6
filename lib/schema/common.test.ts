import { describe, expect, it } from 'vitest';
import { IsoDate, RowAmount } from './common';

describe('common schemas', () => {
  it.each([
    ['2026-06-19', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-6-19', false],
    ['2026-06-19T00:00:00Z', false],
  ])('IsoDate %s → %s', (text, ok) => expect(IsoDate.safeParse(text).success).toBe(ok));

  it('bounds one row amount so sums of 20,000 rows stay finite', () => {
    expect(RowAmount.safeParse(1e13).success).toBe(true);
    expect(RowAmount.safeParse(-1e13).success).toBe(true);
    expect(RowAmount.safeParse(1.0001e13).success).toBe(false);
    expect(RowAmount.safeParse(1e308).success).toBe(false);
    expect(RowAmount.safeParse(Number.NaN).success).toBe(false);
  });
});
