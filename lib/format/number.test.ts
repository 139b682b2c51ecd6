import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_MONEY_USD, parseMoney, parseNumber, parsePercent } from './number';
import { maskAccountLabel, maskAccountNumber, accountLabel } from './account';

describe('parseNumber', () => {
  it.each([
    ['$1,234.56', 1234.56], ['(1,234.56)', -1234.56], ['($5.00)', -5], ['-$5', -5], ['+$5', 5], ['$-5', -5],
    ['.0000', 0], ['-.29', -0.29], ['1234', 1234], ['12,345,678.9', 12345678.9], ['\u22125.5', -5.5], [' $ 1,000 ', 1000],
    ['100.5%', 100.5], ['$10 USD', 10],
  ])('reads %j as %d', (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(['--', 'N/A', 'n/a', '', '-', '—', 'not applicable', 'abc', '12O0.00', '1,23', '$', '1.2.3', '(5', 'USD***', '12/26/2024'])(
    'reads %j as no value',
    (text) => expect(parseNumber(text)).toBeNull(),
  );

  const cents = fc.integer({ min: -1e12, max: 1e12 }).map((c) => c / 100);
  const money = (x: number) => Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  it('reads back any amount printed the way brokerages print it', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom('plain', 'dollar', 'parens', 'signed', 'signed-after'), (x, style) => {
        const m = money(x);
        const text =
          style === 'plain' ? `${x < 0 ? '-' : ''}${m.replace(/,/g, '')}`
          : style === 'dollar' ? `${x < 0 ? '-' : ''}$${m}`
          : style === 'parens' ? (x < 0 ? `($${m})` : `$${m}`)
          : style === 'signed' ? `${x < 0 ? '-' : '+'}$${m}`
          : `$${x < 0 ? '-' : ''}${m}`;
        expect(parseNumber(text)).toBeCloseTo(x, 6);
      }),
    );
  });

  it('never turns words into a number', () => {
    fc.assert(fc.property(fc.string().filter((s) => /[a-zA-Z]/.test(s.replace(/USD|US/gi, ''))), (s) => {
      expect(parseNumber(s)).toBeNull();
    }));
  });

  // Hardening: a 400-digit cell gave Infinity (and a ZodError in the CLI); "-0" gave -0.
  it('gives only finite amounts within ±MAX_MONEY_USD, never -0', () => {
    expect(MAX_MONEY_USD).toBe(1e13);
    expect(parseNumber('9'.repeat(400))).toBeNull();
    expect(parseNumber(`-${'9'.repeat(400)}`)).toBeNull();
    expect(parseNumber('10000000000000.01')).toBeNull();
    expect(parseNumber('10,000,000,000,000')).toBe(1e13);
    for (const zero of ['-0', '-0.00', '(0.00)', '-$0', '$-0.0', '\u22120']) expect(Object.is(parseNumber(zero), 0), zero).toBe(true);
    expect(parseMoney('9'.repeat(400))).toEqual({ kind: 'out-of-range' });
    expect(parseMoney('abc')).toEqual({ kind: 'not-a-number' });
    expect(parseMoney('--')).toEqual({ kind: 'empty' });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-+($]{0,3}[0-9,]{0,400}(\.[0-9]{0,20})?\)?$/)), (text) => {
        const value = parseNumber(text);
        if (value === null) return;
        expect(Number.isFinite(value)).toBe(true);
        expect(Math.abs(value)).toBeLessThanOrEqual(MAX_MONEY_USD);
        expect(Object.is(value, -0)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads percentages as fractions', () => {
    expect(parsePercent('+0.39%')).toBeCloseTo(0.0039, 12);
    expect(parsePercent('--')).toBeNull();
  });
});

describe('account masking', () => {
  it('keeps only the last four characters of an account number', () => {
    expect(maskAccountNumber('X12345678')).toBe('••5678');
    expect(accountLabel('ROTH IRA', '246222222')).toBe('ROTH IRA ••2222');
    expect(maskAccountLabel('Individual — Z98765432')).toBe('Individual — ••5432');
    expect(maskAccountLabel('401(k) Plan')).toBe('401(k) Plan');
  });
  it('never lets a long digit run through', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '-', 'X') }), fc.integer({ min: 10_000_000, max: 999_999_999_999 }), (words, n) => {
        expect(maskAccountLabel(`${words} ${n}`)).not.toContain(String(n));
      }),
    );
  });
});
