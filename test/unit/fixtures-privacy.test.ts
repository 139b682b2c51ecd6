/**
 * Fixtures and the demo page carry no personal data: no e-mail addresses, no account numbers that are
 * not obviously invented, no copied real-person names. Invented numbers follow a visible pattern:
 * runs of one digit (11111111), or ascending/descending sequences (12345678, 98765432).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const SCANNED = ['test/fixtures', 'entrypoints/demo', 'lib/analysis/__fixtures__', 'components/fixtures'];

function* files(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(html|csv|json|txt|ofx|qfx|xml|ts|tsx)$/i.test(name)) yield path;
  }
}

/** An account-number-looking token is fine when its digits are visibly invented. */
export function isInventedNumber(token: string): boolean {
  const digits = token.replace(/\D/g, '');
  // OFX pads amounts with zeros (+0000000000100.00000): not an identifier.
  if (/^0{5,}/.test(digits)) return true;
  // OFX timestamps (20261124, 20261124120000) are dates, not account numbers.
  if (/^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\d{6})?$/.test(digits)) return true;
  if (/^(\d)\1+$/.test(digits)) return true;
  const steps = [...digits].slice(1).map((d, i) => (Number(d) - Number(digits[i]) + 10) % 10);
  return steps.every((s) => s === 1) || steps.every((s) => s === 9);
}

const ACCOUNT_LIKE = /(?:account|acct|a\/c)[^\n]{0,40}?\b([A-Z]{0,3}[-\s]?\d[\d-]{5,15})\b/gi;
const LABELLED_NUMBER = /\b[A-Z]?\d{8,12}\b/g;
const EMAIL = /\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b/i;

describe('fixtures carry no personal data', () => {
  const all = SCANNED.flatMap((d) => [...files(resolve(root, d))]);

  it('finds fixtures to scan', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it('recognises invented numbers', () => {
    expect(isInventedNumber('X12345678')).toBe(true);
    expect(isInventedNumber('98765432')).toBe(true);
    expect(isInventedNumber('Z11111111')).toBe(true);
    expect(isInventedNumber('246813579')).toBe(false);
    expect(isInventedNumber('20261124')).toBe(true); // a date
  });

  it.each(all.map((f) => [relative(root, f), f]))('%s has no e-mail address or real-looking account number', (_, path) => {
    const text = readFileSync(path, 'utf8');
    expect(text.match(EMAIL)?.[0] ?? null).toBeNull();
    const suspicious = [
      ...[...text.matchAll(ACCOUNT_LIKE)].map((m) => m[1]!),
      ...[...text.matchAll(LABELLED_NUMBER)].map((m) => m[0]).filter((t) => /^[A-Z]/.test(t)),
    ].filter((t) => !isInventedNumber(t));
    expect(suspicious).toEqual([]);
  });
});
