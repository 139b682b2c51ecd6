/**
 * The hardening issue's findings on file import: amounts beyond what a row can hold, fields and
 * files beyond the schema's limits, quadratic parsing on adversarial input, UTF-16 files and a
 * blank line inside a plain table. Each test failed before its fix.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ImportError, importPositionsFile } from './index';
import { decodeFileBytes } from './decode';
import { parseCsv } from './csv';
import { parseOfx } from './ofx-positions';
import { ScanResultSchema, type ScanResult } from '../schema/holdings';
import { MAX_MONEY_USD } from '../format/number';

const FILES = resolve(__dirname, '../../test/fixtures/files');
const NOW = new Date('2026-11-24T18:00:00Z');

/** Imports, and returns either the scan or the typed error; anything else is thrown (a crash). */
function attempt(text: string): ScanResult | ImportError {
  try {
    return importPositionsFile(text, 'positions.csv', NOW);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
}

describe('amounts (finding 1)', () => {
  it('skips a row whose value is beyond what a row can hold, with a reason, and reads the rest', () => {
    const scan = importPositionsFile(`Symbol,Market Value\nAAPL,${'9'.repeat(400)}\nMSFT,100\nNVDA,-${'9'.repeat(20)}\n`, 'p.csv', NOW);
    expect(ScanResultSchema.safeParse(scan).success).toBe(true);
    expect(scan.holdings.map((h) => h.symbol)).toEqual(['MSFT']);
    expect(scan.skipped.map((s) => s.row)).toEqual([2, 4]);
    expect(scan.skipped[0]!.reason).toMatch(/^line 2: value "9{20}.*" is beyond the 10 trillion USD a row can hold$/);
  });

  it('never hands over -0, NaN or ±Infinity from OFX or Flex XML', () => {
    const ofx = readFileSync(resolve(FILES, 'ofx/fidelity-like.ofx'), 'utf8').replace(/<MKTVAL>[^<]*/, `<MKTVAL>${'9'.repeat(400)}`);
    const scan = importPositionsFile(ofx, 'x.ofx', NOW);
    expect(ScanResultSchema.safeParse(scan).success).toBe(true);
    expect(scan.skipped[0]!.reason).toMatch(/beyond the 10 trillion USD/);
    const flex = readFileSync(resolve(FILES, 'ibkr/flex-open-positions.xml'), 'utf8').replace('positionValue="12200"', `positionValue="1e400"`).replace('positionValue="4470"', 'positionValue="-0"');
    const read = importPositionsFile(flex, 'flex.xml', NOW);
    expect(ScanResultSchema.safeParse(read).success).toBe(true);
    expect(read.holdings.some((h) => Object.is(h.marketValue, -0))).toBe(false);
    expect(read.skipped.some((s) => /beyond/.test(s.reason))).toBe(true);
  });
});

describe('schema limits (finding 2)', () => {
  it('cuts over-long fields to the schema, says so and counts them', () => {
    const long = 'x'.repeat(500);
    const scan = importPositionsFile(`Account,Symbol,Description,Market Value\nIRA ${long},AAPL${long},${long},100\nIRA,MSFT,Microsoft,50\n`, 'p.csv', NOW);
    expect(ScanResultSchema.safeParse(scan).success).toBe(true);
    expect(scan.holdings).toHaveLength(2);
    expect(scan.holdings[0]!.symbol).toHaveLength(64);
    expect(scan.holdings[0]!.description).toHaveLength(300);
    expect(scan.holdings[0]!.account!.length).toBeLessThanOrEqual(120);
    expect(scan.note).toMatch(/3 fields were longer than Breadth keeps and were cut/);
  });

  it('refuses a file of more than 20,000 rows with one line naming the limit', () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `S${i},${i + 1}`).join('\n');
    const error = attempt(`Symbol,Market Value\n${rows}\n`);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).reason).toMatch(/20,001 positions.*at most 20,000/);
    expect((error as ImportError).reason).not.toContain('\n');
    const fits = attempt(`Symbol,Market Value\n${rows.split('\n').slice(1).join('\n')}\n`);
    expect(ScanResultSchema.safeParse(fits).success).toBe(true);
  });

  it('keeps at most 20,000 skipped rows, the last one saying how many more there were', () => {
    const bad = Array.from({ length: 20_500 }, (_, i) => `B${i},junk`).join('\n');
    const scan = importPositionsFile(`Symbol,Market Value\nAAPL,1\n${bad}\n`, 'p.csv', NOW);
    expect(ScanResultSchema.safeParse(scan).success).toBe(true);
    expect(scan.skipped).toHaveLength(20_000);
    expect(scan.skipped.at(-1)!.reason).toMatch(/and 501 more rows skipped/);
  });

  it('always gives a scan that passes its schema (any cell, any length)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 400, size: 'max' }),
      fc.string({ unit: fc.constantFrom('9', ',', '.', '-', '(', ')', '$'), maxLength: 400, size: 'max' }),
      fc.constantFrom('', 'Total', 'Account Total', '01/02/2024', '--', '-0', '1e400'),
    );
    const row = fc.tuple(cell, cell, cell, cell, cell);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const text = ['Account,Symbol,Description,Quantity,Market Value', ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n');
        const result = attempt(text);
        if (result instanceof ImportError) return;
        const parsed = ScanResultSchema.safeParse(result);
        expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 2))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Bound loose enough for a loaded 2-core machine, tight enough to catch a return to quadratic. */
const LINEAR_BUDGET_MS = 3_000;
const MB = 1_000_000;

function timed(run: () => unknown): number {
  const start = performance.now();
  try {
    run();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
  }
  return performance.now() - start;
}

describe('parsing time on adversarial input (finding 3)', () => {
  const flexHead = '<FlexQueryResponse queryName="x" type="AF"><FlexStatements count="1"><FlexStatement accountId="U1"><OpenPositions>\n';
  const worstCases: [string, () => unknown][] = [
    // The CSV reader trimmed the field on every quote of an unquoted field.
    ['CSV: quotes inside an unquoted field', () => importPositionsFile(`Symbol,Market Value\nAAPL,x${'"'.repeat(MB)}\n`)],
    ['CSV: 1 MB of blank lines inside a table', () => importPositionsFile(`Symbol,Market Value\nAAPL,1\n${'\n'.repeat(MB)}MSFT,2\n`)],
    ['CSV: one line of 1 MB of quoted cells', () => importPositionsFile(`Symbol,Market Value\n${'"a""b",'.repeat(MB / 7)}\n`)],
    // The Flex attribute regex backtracked over an attribute without "=".
    ['Flex XML: one attribute name of 1 MB', () => importPositionsFile(`${flexHead}<OpenPosition ${'a'.repeat(MB)}/>\n</OpenPositions></FlexStatement></FlexStatements></FlexQueryResponse>`)],
    ['Flex XML: elements never closed', () => importPositionsFile(`${flexHead}${'<OpenPosition a="1" '.repeat(MB / 20)}`)],
    // The OFX closing tag searched the whole stack, and a tag without ">" the rest of the file.
    ['OFX: unmatched closing tags under deep nesting', () => importPositionsFile(`<OFX>${'<A>'.repeat(150)}${'</B>'.repeat(MB / 4)}`)],
    ['OFX: tags never closed', () => importPositionsFile(`<OFX>${'<A'.repeat(MB / 2)}`)],
    ['OFX: 1 MB of nesting', () => importPositionsFile(`<OFX><INVSTMTRS>${'<A>'.repeat(MB / 3)}`)],
    // Ticker, total-label and issuer regexes backtracked over long runs.
    ['plain CSV: long runs of spaces, stars and colons in cells', () => importPositionsFile(`Account,Symbol,Description,Market Value\n"a${'-a'.repeat(MB / 8)}","A${' '.repeat(MB / 4)}x","${':'.repeat(MB / 4)}x",1\nX,"A${'*'.repeat(MB / 4)}x",,2\n`)],
  ];
  it.each(worstCases)('%s: well under the budget', (_, run) => {
    expect(timed(run)).toBeLessThan(LINEAR_BUDGET_MS);
  });

  it('reads OFX nested 8,000 deep as a typed error, not a stack overflow', () => {
    const deep = `<OFX>${'<A>'.repeat(8_000)}<INVSTMTRS></INVSTMTRS>${'</A>'.repeat(8_000)}</OFX>`;
    expect(() => importPositionsFile(deep)).toThrow(ImportError);
    expect(() => parseOfx(deep)).toThrow(/nests deeper than/);
  });

  it('still parses CSV quoting exactly', () => {
    expect(parseCsv('a,"b,""c"""\n  "d" ,e"f"\n').map((r) => r.fields)).toEqual([
      ['a', 'b,"c"'],
      ['d ', 'e"f"'],
    ]);
  });
});

describe('files (finding 4)', () => {
  const text = 'Symbol,Description,Market Value\nAAPL,Apple — Inc,"1,000.00"\nMSFT,Microsoft,500\n';
  const utf16 = (le: boolean) => {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
      bytes[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return bytes;
  };

  it('decodes UTF-8 with and without BOM, and UTF-16 LE and BE with BOM', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeFileBytes(utf8)).toBe(text);
    expect(decodeFileBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    expect(decodeFileBytes(utf16(true))).toBe(text);
    expect(decodeFileBytes(utf16(false))).toBe(text);
    expect(importPositionsFile(decodeFileBytes(utf16(true)), 'p.csv', NOW).holdings.map((h) => h.marketValue)).toEqual([1000, 500]);
    expect(importPositionsFile(decodeFileBytes(utf16(false)), 'p.csv', NOW).holdings).toHaveLength(2);
  });

  it('skips a blank line inside a plain table with a note, and still stops where a new block begins', () => {
    const scan = importPositionsFile('Symbol,Market Value\nAAPL,100\n\nMSFT,50\n,\nNVDA,25\n\nTransactions\nDate,Action,Amount\n01/02/2026,Buy,-100\n', 'p.csv', NOW);
    expect(scan.holdings.map((h) => h.symbol)).toEqual(['AAPL', 'MSFT', 'NVDA']);
    expect(scan.note).toMatch(/2 blank lines inside the table \(lines 3, 5\) were skipped/);
    const notes = importPositionsFile('Symbol,Market Value\nAAPL,100\n\nPrices as of the close.\n', 'p.csv', NOW);
    expect(notes.holdings).toHaveLength(1);
    expect(notes.note).toBeUndefined();
  });
});
