/**
 * Generates lib/reference/snapshot.json — the index data Breadth ships — from the iShares
 * holdings files in ../shared/reference (IVV = S&P 500, IJH = S&P 400, IJR = S&P 600), with the
 * same iShares importer the extension uses. Display names of S&P 500 companies come from the
 * S&P 500 membership list beside them. Deterministic: running it twice gives the same bytes.
 *
 *   npm run generate:reference            # writes the file
 *   npm run generate:reference -- --check # exits 1 if the committed file differs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSnapshot, serialiseSnapshot, type SourceFile } from '../lib/reference/build-snapshot';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_REFERENCE = resolve(root, '../shared/reference');
export const SNAPSHOT_PATH = resolve(root, 'lib/reference/snapshot.json');

export const SOURCE_FILES: Omit<SourceFile, 'text'>[] = [
  { index: 'sp500', fund: 'IVV', file: 'ishares_IVV_holdings_2026-06-19.csv' },
  { index: 'sp400', fund: 'IJH', file: 'ishares_IJH_holdings_2026-06-19.csv' },
  { index: 'sp600', fund: 'IJR', file: 'ishares_IJR_holdings_2026-06-19.csv' },
];
export const NAMES_FILE = 'datasets_sp500_constituents_2026-08-08.csv';

export function generate(): string {
  const sources = SOURCE_FILES.map((s) => ({ ...s, text: readFileSync(resolve(SHARED_REFERENCE, s.file), 'utf8') }));
  const names = readFileSync(resolve(SHARED_REFERENCE, NAMES_FILE), 'utf8');
  return serialiseSnapshot(buildSnapshot(sources, names));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generate();
  if (process.argv.includes('--check')) {
    const same = readFileSync(SNAPSHOT_PATH, 'utf8') === text;
    console.log(same ? 'reference snapshot is up to date' : 'reference snapshot differs: run npm run generate:reference');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(SNAPSHOT_PATH, text);
  console.log(`wrote ${SNAPSHOT_PATH}`);
}
