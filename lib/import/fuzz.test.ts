/**
 * Fuzzing every importer and the number parser, a few hundred cases per target (the long run:
 * `npx tsx scripts/fuzz.ts`). See lib/import/fuzz-harness.ts for the mutations and the checks.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseArbitrary, checkImport, checkNumber, importTargets, mutated, numberCaseArbitrary } from './fuzz-harness';

const FIXTURES = resolve(__dirname, '../../test/fixtures/files');
const RUNS_PER_TARGET = 200;

describe('fuzzing the importers', () => {
  const targets = importTargets(FIXTURES);

  it('has a fixture for every format', () => {
    expect(targets.filter((t) => t.seeds.length === 0).map((t) => t.formatId)).toEqual([]);
  });

  it.each(targets.map((t) => [t.formatId, t] as const))('%s: typed errors or valid, finite scans and audits', (_, target) => {
    fc.assert(
      fc.property(caseArbitrary(target.seeds, 5_000), (c) => {
        const result = checkImport(mutated(c), c.seed.file.split('/').pop());
        expect(['ok', 'typed-error'], result.detail).toContain(result.outcome);
      }),
      { numRuns: RUNS_PER_TARGET },
    );
  }, 60_000);

  it('parseNumber: null or a finite amount within bounds, never -0', () => {
    fc.assert(
      fc.property(numberCaseArbitrary, (text) => {
        const result = checkNumber(text);
        expect(result.outcome, result.detail).toBe('ok');
      }),
      { numRuns: 1_000 },
    );
  });
});
