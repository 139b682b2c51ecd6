/**
 * The long fuzz run: `npx tsx scripts/fuzz.ts [--runs 10000] [--seed N] [--huge 20000] [--targets plain-csv,parseNumber]`.
 * Feeds every importer (every format in POSITIONS_FORMATS, mutating the fixture files it reads)
 * and the number parser `--runs` cases each, and prints per target: cases, typed errors (the
 * ImportError a user sees), crashes, invalid scans (failing ScanResultSchema) and non-finite
 * figures (NaN/Infinity in a scan or its audit, or tiers not summing to 1), with the first
 * failing case of each target. Exits 1 when any case failed. lib/import/fuzz.test.ts runs a few
 * hundred per target in `npm test`.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { caseArbitrary, checkImport, checkNumber, importTargets, mutated, numberCaseArbitrary, type CaseResult } from '../lib/import/fuzz-harness';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

const runs = option('runs', 10_000);
const seed = option('seed', Date.now() % 2 ** 31);
const maxHuge = option('huge', 20_000);
const only = process.argv.includes('--targets') ? new Set(process.argv[process.argv.indexOf('--targets') + 1]!.split(',')) : null;
const wanted = (target: string) => !only || only.has(target);

interface Tally {
  target: string;
  cases: number;
  typedErrors: number;
  crashes: number;
  invalidScans: number;
  nonFinite: number;
  ms: number;
  slowestMs: number;
  /** Characters per millisecond of the slowest case relative to its size: a quadratic case stands out. */
  slowestCase?: string;
  firstFailure?: string;
}

/** Runs `runs` cases of one target, counting outcomes; never stops at a failure. */
function fuzz<T>(target: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => CaseResult, describe: (value: T) => string, size: (value: T) => number): Tally {
  const tally: Tally = { target, cases: 0, typedErrors: 0, crashes: 0, invalidScans: 0, nonFinite: 0, ms: 0, slowestMs: 0 };
  const start = performance.now();
  fc.assert(
    fc.property(arbitrary, (value) => {
      const caseStart = performance.now();
      const result = check(value);
      const ms = performance.now() - caseStart;
      if (ms > tally.slowestMs) {
        tally.slowestMs = ms;
        tally.slowestCase = `${size(value).toLocaleString('en-US')} characters: ${describe(value).slice(0, 200)}`;
      }
      tally.cases++;
      if (result.outcome === 'typed-error') tally.typedErrors++;
      else if (result.outcome === 'crash') tally.crashes++;
      else if (result.outcome === 'invalid-scan') tally.invalidScans++;
      else if (result.outcome === 'non-finite') tally.nonFinite++;
      if (!tally.firstFailure && result.outcome !== 'ok' && result.outcome !== 'typed-error') tally.firstFailure = `${result.outcome}: ${result.detail} — case ${describe(value)}`;
      return true;
    }),
    { numRuns: runs, seed },
  );
  tally.ms = performance.now() - start;
  return tally;
}

const tallies: Tally[] = [];
for (const target of importTargets(resolve(import.meta.dirname, '../test/fixtures/files'))) {
  if (!wanted(target.formatId)) continue;
  if (target.seeds.length === 0) {
    console.error(`no fixture for ${target.formatId}`);
    process.exitCode = 1;
    continue;
  }
  const tally = fuzz(
    target.formatId,
    caseArbitrary(target.seeds, maxHuge),
    (c) => checkImport(mutated(c), c.seed.file.split('/').pop()),
    (c) => `${c.seed.file} with ${JSON.stringify(c.mutations).slice(0, 300)}`,
    (c) => mutated(c).length,
  );
  tallies.push(tally);
  console.error(`${target.formatId}: ${tally.cases} cases in ${(tally.ms / 1000).toFixed(1)} s`);
}
if (wanted('parseNumber')) tallies.push(fuzz('parseNumber', numberCaseArbitrary, checkNumber, (text) => JSON.stringify(text.slice(0, 200)), (text) => text.length));

const columns = ['target', 'cases', 'typed errors', 'crashes', 'invalid scans', 'non-finite', 'slowest case'];
const rows = tallies.map((t) => [t.target, t.cases, t.typedErrors, t.crashes, t.invalidScans, t.nonFinite, `${t.slowestMs.toFixed(0)} ms`].map(String));
const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`fuzz: ${runs} cases per target, seed ${seed}, inserted runs up to ${maxHuge} characters`);
console.log(line(columns));
for (const row of rows) console.log(line(row));
console.log('\nslowest case per target:');
for (const t of tallies) console.log(`  ${t.target}: ${t.slowestMs.toFixed(0)} ms, ${t.slowestCase}`);
const failed = tallies.filter((t) => t.firstFailure);
for (const t of failed) console.log(`\n${t.target}: first failure: ${t.firstFailure}`);
if (failed.length) process.exitCode = 1;
