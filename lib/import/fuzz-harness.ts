/**
 * Fuzzing of file import, shared by the unit test (lib/import/fuzz.test.ts, a few hundred cases per
 * target) and `npx tsx scripts/fuzz.ts` (ten thousand and more). Each importer is fed mutations of
 * the fixture files it reads (byte flips, line duplication and deletion, huge cells, control
 * characters, random numbers); the number parser random and adversarial texts. A case passes when
 * the import either throws the typed ImportError or gives a scan that passes its schema, with only
 * finite numbers, whose audit has finite figures and tiers summing to 1 when its total is positive.
 * Test-only: nothing in the extension imports this file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { ImportError, importPositionsFile, POSITIONS_FORMATS } from './index';
import { decodeFileBytes } from './decode';
import { parseCsv, stripBom } from './csv';
import { ScanResultSchema } from '../schema/holdings';
import { accountsFromScan } from '../analysis/accounts';
import { buildAudit } from '../analysis/audit';
import { bundledReference } from '../reference';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import { MAX_MONEY_USD, parseNumber } from '../format/number';

const NOW = new Date('2026-12-01T18:00:00Z');

export type Outcome = 'ok' | 'typed-error' | 'crash' | 'invalid-scan' | 'non-finite';

export interface CaseResult {
  outcome: Outcome;
  /** What went wrong, for a failing outcome. */
  detail?: string;
}

/** One fixture file and the format that recognises it. */
export interface Seed {
  file: string;
  formatId: string;
  text: string;
}

/** The format importPositionsFile would pick for this text, or null. */
function detectedFormat(text: string): string | null {
  const body = stripBom(text);
  let records = null;
  try {
    records = parseCsv(body);
  } catch {
    records = null;
  }
  return POSITIONS_FORMATS.find((f) => f.detect({ text: body, records }))?.id ?? null;
}

/** Every fixture under `dir`, with the format that recognises it. */
export function fixtureSeeds(dir: string): Seed[] {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dir);
  return files
    .sort()
    .map((path) => {
      const text = decodeFileBytes(readFileSync(path));
      return { file: relative(dir, path), formatId: detectedFormat(text) ?? '', text };
    })
    .filter((seed) => seed.formatId !== '');
}

/** The fuzz targets: one per format in POSITIONS_FORMATS, each with the fixtures it reads. */
export function importTargets(dir: string): { formatId: string; seeds: Seed[] }[] {
  const seeds = fixtureSeeds(dir);
  return POSITIONS_FORMATS.map((format) => ({ formatId: format.id, seeds: seeds.filter((s) => s.formatId === format.id) }));
}

/** Numbers a cell may hold, the adversarial ones included. */
export const numberText = fc.oneof(
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.integer().map((n) => n.toLocaleString('en-US')),
  fc.constantFrom('9'.repeat(400), `-${'9'.repeat(309)}`, '-0', '-0.00', '(0.00)', '-$0', '1e400', '-1e400', 'NaN', 'Infinity', '1e308', '0x10', '1,000,000,000,000,000', '10000000000000.01', '.', '-', '(', '$'),
  fc.stringMatching(/^[-+($\u2212]{0,2}[0-9,]{1,40}(\.[0-9]{0,8})?\)?%?$/),
);

const C0_C1 = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
/** Characters whose long runs made a regex or a scan quadratic before. */
const HUGE_UNITS = [' ', '*', ':', '9', '"', '""', '<', '<A>', '</B>', '<A', 'a', '-a', 'a=', ',', '\t', '\u00a0', '\n', '\r\n', '=', '(', '1,'];

export type Mutation =
  | { kind: 'byte-flip'; at: number; mask: number }
  | { kind: 'char'; at: number; char: string }
  | { kind: 'duplicate-line'; at: number; times: number }
  | { kind: 'delete-line'; at: number }
  | { kind: 'huge-cell'; at: number; unit: string; length: number }
  | { kind: 'control'; at: number; text: string }
  | { kind: 'number'; at: number; text: string };

/** Where in the text, as a fraction of its length (evenly spread; fc.double would crowd near 0). */
const position = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

/** One mutation; `maxHuge` bounds the length of an inserted run (characters). */
export function mutationArbitrary(maxHuge: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('byte-flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('char' as const), at: position, char: fc.oneof(fc.constantFrom(',', '"', '\n', '\r', '<', '>', '/', '$', '-', '(', ')', '*', ' ', '\ufeff', '\u2212'), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))) }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: position, times: fc.integer({ min: 1, max: 50 }) }),
    fc.record({ kind: fc.constant('delete-line' as const), at: position }),
    fc.record({ kind: fc.constant('huge-cell' as const), at: position, unit: fc.constantFrom(...HUGE_UNITS), length: fc.integer({ min: 1, max: maxHuge }) }),
    fc.record({ kind: fc.constant('control' as const), at: position, text: fc.string({ unit: C0_C1, minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('number' as const), at: position, text: numberText }),
  );
}

/** Line boundaries around position `at` of the text. */
function lineAround(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  return { start, end: newline < 0 ? text.length : newline + 1 };
}

/** The text with one mutation applied. */
export function applyMutation(text: string, mutation: Mutation): string {
  const at = Math.floor(mutation.at * text.length);
  switch (mutation.kind) {
    case 'byte-flip': {
      const bytes = new TextEncoder().encode(text);
      if (bytes.length === 0) return text;
      const i = Math.floor(mutation.at * bytes.length);
      bytes[i] = bytes[i]! ^ mutation.mask;
      return decodeFileBytes(bytes);
    }
    case 'char':
      return text.slice(0, at) + mutation.char + text.slice(at + 1);
    case 'duplicate-line': {
      const { start, end } = lineAround(text, at);
      const line = text.slice(start, end);
      return text.slice(0, end) + (line.endsWith('\n') ? line : `\n${line}`).repeat(mutation.times) + text.slice(end);
    }
    case 'delete-line': {
      const { start, end } = lineAround(text, at);
      return text.slice(0, start) + text.slice(end);
    }
    case 'huge-cell':
      return text.slice(0, at) + mutation.unit.repeat(Math.ceil(mutation.length / mutation.unit.length)) + text.slice(at);
    case 'control':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'number': {
      // The digit run nearest after `at` (or anywhere) becomes the random number.
      const digits = /[0-9][0-9.,]*/g;
      digits.lastIndex = at;
      const match = digits.exec(text) ?? (digits.lastIndex = 0, digits.exec(text));
      if (!match) return text + mutation.text;
      return text.slice(0, match.index) + mutation.text + text.slice(match.index + match[0].length);
    }
  }
}

/** A path to the first number in `value` that is NaN or ±Infinity, or null. */
function nonFinitePath(value: unknown, path = '$'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} = ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nonFinitePath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = nonFinitePath(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

let reference: ReturnType<typeof bundledReference> | undefined;

/** Imports one text and checks everything the issue asks of the result. */
export function checkImport(text: string, fileName = 'fuzz.csv'): CaseResult {
  let scan;
  try {
    scan = importPositionsFile(text, fileName, NOW);
  } catch (error) {
    if (error instanceof ImportError) return { outcome: 'typed-error' };
    return { outcome: 'crash', detail: error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error) };
  }
  const parsed = ScanResultSchema.safeParse(scan);
  if (!parsed.success) return { outcome: 'invalid-scan', detail: JSON.stringify(parsed.error.issues.slice(0, 3)).slice(0, 500) };
  const scanNumbers = nonFinitePath(scan);
  if (scanNumbers) return { outcome: 'non-finite', detail: `scan: ${scanNumbers}` };
  let audit;
  try {
    reference ??= bundledReference();
    audit = buildAudit({ accounts: accountsFromScan(scan), reference, settings: DEFAULT_RULE_SETTINGS, generatedAt: NOW });
  } catch (error) {
    return { outcome: 'crash', detail: `buildAudit: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error)}` };
  }
  const auditNumbers = nonFinitePath(audit);
  if (auditNumbers) return { outcome: 'non-finite', detail: `audit: ${auditNumbers}` };
  if (audit.portfolio.totalValue > 0) {
    const sum = Object.values(audit.exposure.tiers).reduce((s: number, x) => s + (x ?? 0), 0);
    if (Math.abs(sum - 1) > 1e-9) return { outcome: 'non-finite', detail: `tiers sum to ${sum}, not 1 (total ${audit.portfolio.totalValue})` };
  }
  return { outcome: 'ok' };
}

/** Checks one number text: parseNumber gives null or a finite amount within bounds, never -0. */
export function checkNumber(text: string): CaseResult {
  let value;
  try {
    value = parseNumber(text);
  } catch (error) {
    return { outcome: 'crash', detail: String(error) };
  }
  if (value === null) return { outcome: 'ok' };
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MONEY_USD || Object.is(value, -0)) return { outcome: 'non-finite', detail: `${JSON.stringify(text.slice(0, 80))} → ${value}` };
  return { outcome: 'ok' };
}

/** A mutated fixture of one target: which seed, and 1–4 mutations. */
export function caseArbitrary(seeds: readonly Seed[], maxHuge: number) {
  return fc.record({
    seed: fc.constantFrom(...seeds),
    mutations: fc.array(mutationArbitrary(maxHuge), { minLength: 1, maxLength: 4 }),
  });
}

/** Text for the number target: random strings, number-like texts, and those mutated. */
export const numberCaseArbitrary = fc.oneof(
  fc.string({ maxLength: 60 }),
  numberText,
  fc.tuple(numberText, mutationArbitrary(400)).map(([text, mutation]) => applyMutation(text, mutation)),
);

export const mutated = (c: { seed: Seed; mutations: Mutation[] }) => c.mutations.reduce(applyMutation, c.seed.text);
