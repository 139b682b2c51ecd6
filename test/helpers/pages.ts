/** Fixture-page helpers for adapter tests (jsdom). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';

export const PAGES_ROOT = resolve(import.meta.dirname, '../fixtures/pages');

export function loadPage(adapterId: string, name: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(PAGES_ROOT, adapterId, name), 'utf8'), 'text/html');
}

/**
 * Compares with the reviewed golden file next to the fixture. UPDATE_GOLDEN=1 (or a missing file)
 * writes it: review the diff like code before committing.
 */
export function expectGolden(adapterId: string, name: string, actual: unknown): void {
  const path = resolve(PAGES_ROOT, adapterId, name.replace(/\.html$/, '.expected.json'));
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
