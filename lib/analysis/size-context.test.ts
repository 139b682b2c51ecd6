import { describe, expect, it } from 'vitest';
import { MINI } from './__fixtures__/mini-reference';
import { sizeContext } from './size-context';
import { publicFloatYear } from '../providers/sec/client';

// Mini reference: S&P 400 = MDA, MDB; S&P 600 = SMA; the S&P 500's issuers include ALPHA (AAA/AAB) and BETA.
const ciks = { MDA: 1, MDB: 2, SMA: 3, AAA: 10, AAB: 10, BTA: 11 };

describe('the S&P 1000 beside the largest company', () => {
  it('adds up the public float of the mid and small caps, each issuer once, against the largest', () => {
    const floats = { '1': 400e9, '2': 300e9, '3': 200e9, '10': 1.5e12, '11': 2e12 };
    const c = sizeContext(MINI, ciks, floats, 'CY2025Q2I')!;
    expect(c).toMatchObject({ sp1000Float: 900e9, covered: 3, total: 3, largest: { name: 'Beta', float: 2e12 } });
    expect(c.sentence).toBe('All 3 S&P 400 and 600 companies Breadth found together: $0.9 tn in public float, only 0.5× the float of Beta alone ($2 tn; mid-2025, SEC).');
  });

  it('says nothing when too few companies are found to speak for the whole', () => {
    expect(sizeContext(MINI, ciks, { '1': 400e9, '11': 2e12 }, 'CY2025Q2I')).toBeNull();
  });

  it('uses the latest mid-year float every 10-K has reported', () => {
    expect(publicFloatYear(new Date('2026-11-25T00:00:00Z'))).toBe(2025);
    expect(publicFloatYear(new Date('2026-02-01T00:00:00Z'))).toBe(2024);
  });
});
