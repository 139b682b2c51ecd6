import { describe, expect, it } from 'vitest';
import { hasCashMarker, isCusip, isOptionSymbol, issuerKeyFromName, normaliseTicker } from './tickers';

describe('ticker normalisation', () => {
  it('reads the forms brokerages and fund files show', () => {
    expect(['BRK.B', 'BRK-B', 'brk/b', 'BRK B', 'BRKB', ' $BRK.B '].map(normaliseTicker)).toEqual(Array(6).fill('BRK.B'));
    expect(normaliseTicker('HOLX US')).toBe('HOLX');
    expect(normaliseTicker('SPAXX**')).toBe('SPAXX');
    expect(normaliseTicker('912797LN5')).toBeNull();
    expect(normaliseTicker('Apple Inc')).toBeNull();
    expect(hasCashMarker('SPAXX** ')).toBe(true);
    expect(hasCashMarker('SPAXX')).toBe(false);
    expect(isCusip(' 912797LN5 ')).toBe(true);
    expect(isOptionSymbol(' -AAPL250117C150')).toBe(true);
    expect(isOptionSymbol('AAPL 01/17/2025 150.00 C')).toBe(true);
    expect(issuerKeyFromName('Alphabet  Inc   Class C')).toBe('ALPHABET INC');
  });

  // Hardening: 40,000 characters took 0.7 s in each of these (backtracking on long runs of spaces or stars).
  it('takes linear time on a megabyte of spaces or stars', () => {
    const huge = [`A${' '.repeat(1_000_000)}x`, `A${'*'.repeat(1_000_000)}x`, `A${' '.repeat(1_000_000)}US`];
    const start = performance.now();
    for (const text of huge) {
      expect(normaliseTicker(text)).toBeNull();
      expect(hasCashMarker(text)).toBe(false);
      expect(isOptionSymbol(text)).toBe(false);
      expect(isCusip(text)).toBe(false);
      issuerKeyFromName(text);
    }
    expect(performance.now() - start).toBeLessThan(3_000);
  });
});
