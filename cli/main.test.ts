import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main';
import { AuditSnapshotSchema } from '../lib/schema/audit';
import { renderAuditText } from './render-text';
import { boundedAudit, seenAudit } from '../lib/ui/__fixtures__/audits-v2';

const FILES = resolve(__dirname, '../test/fixtures/files');
const file = (name: string) => resolve(FILES, name);

function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = run(args, { out: { write: (s: string) => (out += s) } as never, err: { write: (s: string) => (err += s) } as never });
  return { code, out, err };
}

describe('breadth CLI', () => {
  it('prints exactly the audit snapshot JSON with --json', () => {
    const { code, out, err } = cli([file('Portfolio_Positions_Nov-24-2026.csv'), '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const audit = AuditSnapshotSchema.parse(JSON.parse(out));
    expect(audit.portfolio.totalValue).toBe(97_025); // hand sum of the fixture, pending activity excluded
    expect(audit.portfolio.unreadRows).toBe(1); // the crypto row shows no value
    expect(audit.portfolio.accounts).toHaveLength(4);
    expect(out).not.toMatch(/12345678|222222222|234567890/); // account numbers stay masked
  });

  it('prints a readable audit without --json', () => {
    const { code, out } = cli([file('Portfolio_Positions_Nov-24-2026.csv')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Top-10 exposure: \d+\.\d% of your money \(S&P 500 itself: 38\.9%/m);
    expect(out).toContain('← financials');
    expect(out).toContain('Index data: iShares IVV, IJH, IJR holdings as of 2026-06-19.');
  });

  it('reports each skipped row on stderr and still audits the rest', () => {
    const { code, out, err } = cli([file('malformed-value.csv'), '--json']);
    expect(code).toBe(0);
    expect(err).toBe('breadth: malformed-value.csv line 3: value "12O0.00" is not a number (row skipped)\n');
    expect(AuditSnapshotSchema.parse(JSON.parse(out)).portfolio.totalValue).toBe(5_320);
  });

  it.each([
    ['saved-error-page.csv', 'breadth: saved-error-page.csv line 1: this is a web page (HTML)'],
    ['unterminated-quote.csv', 'breadth: unterminated-quote.csv line 2: a quoted field is never closed'],
    ['missing.csv', 'breadth: missing.csv: no such file'],
  ])('exits non-zero with one line for %s', (name, start) => {
    const { code, out, err } = cli([file(name)]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.startsWith(start)).toBe(true);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('writes the full report as one standalone HTML file with --html, page text escaped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breadth-'));
    const positions = join(dir, 'positions.csv');
    writeFileSync(positions, 'Symbol,Description,Quantity,Market Value\nNVDA,NVIDIA CORP,10,"1,800.00"\nZZZZ,<img src=x onerror=alert(1)>,1,"100.00"\nIJH,iShares Core S&P Mid-Cap ETF,10,"100.00"\n');
    const out = join(dir, 'report.html');
    const { code, err } = cli([positions, '--json', '--html', out]);
    expect(code).toBe(0);
    expect(err).toBe(`breadth: report written to ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // NVDA $1,800 of $2,000 direct; ZZZZ (outside the index) and IJH hold no top-10 issuer → 90.0 %.
    expect(html).toMatch(/<span data-testid="report-top10">90\.0%<\/span>/);
    expect(html).toContain('data-chart="tiers"');
    expect(html).toContain('data-testid="holdings-table"');
    expect(html).toContain('@media print');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });

  // Hardening: a 400-digit value made the CLI exit with a ZodError stack trace.
  it('skips a value beyond what a row can hold, with its reason, and audits the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breadth-'));
    const positions = join(dir, 'positions.csv');
    writeFileSync(positions, `Symbol,Market Value\nAAPL,${'9'.repeat(400)}\nMSFT,100\n`);
    const { code, out, err } = cli([positions, '--json']);
    expect(code).toBe(0);
    expect(err).toMatch(/^breadth: positions\.csv line 2: value "9+" is beyond the 10 trillion USD a row can hold \(row skipped\)\n$/);
    expect(AuditSnapshotSchema.parse(JSON.parse(out)).portfolio.totalValue).toBe(100);
  });

  // Hardening: a UTF-16 file gave "no Symbol and Value columns".
  it('reads a UTF-16 file (Excel "Unicode Text") by its BOM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breadth-'));
    const positions = join(dir, 'positions.csv');
    writeFileSync(positions, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Symbol,Market Value\r\nAAPL,300\r\nMSFT,100\r\n', 'utf16le')]));
    const { code, out } = cli([positions, '--json']);
    expect(code).toBe(0);
    expect(AuditSnapshotSchema.parse(JSON.parse(out)).portfolio.totalValue).toBe(400);
  });

  // Hardening: cells were printed raw, escape sequences and all.
  it('prints no escape sequence or control character from the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breadth-'));
    const positions = join(dir, 'positions.csv');
    const hostile = '\x1b[2J\x1b]0;owned\x07\x9b31m\x07\x08\x0b';
    writeFileSync(positions, `Account,Symbol,Description,Market Value\nIRA${hostile},ZZQX${hostile},Evil${hostile} Corp,100\nIRA,AAPL,Apple,x${hostile}\n`);
    const control = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
    for (const args of [[positions], [positions, '--json']]) {
      const { code, out, err } = cli(args);
      expect(code).toBe(0);
      expect(out).not.toMatch(control);
      expect(err).not.toMatch(control);
      expect(err).toMatch(/line 3: value "x31m" is not a number/); // whole sequences gone (the window title too), stray C1 and C0 controls too
    }
    expect(cli([positions]).out).toMatch(/^  IRA/m);
    const json = cli([positions, '--json']).out;
    expect(JSON.parse(json).holdings.some((h: { symbol?: string }) => h.symbol?.includes('\x9b'))).toBe(true); // same data, escaped
  });

  it('says which snapshot schema --json prints', () => {
    const { code, out } = cli(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('print exactly the audit snapshot JSON (schema breadth.audit/v2)');
  });

  it('exits 2 on wrong usage', () => {
    expect(cli(['a.csv', '--html']).err).toBe('breadth: --html needs the path of the file to write (see breadth --help)\n');
    expect(cli([]).code).toBe(2);
    expect(cli(['a.csv', '--yaml']).err).toContain('unknown option --yaml');
  });

  it('runs as the package bin', () => {
    const out = execFileSync('node', [resolve(__dirname, '../bin/breadth.mjs'), file('plain-positions.csv'), '--json'], { encoding: 'utf8' });
    expect(AuditSnapshotSchema.parse(JSON.parse(out)).portfolio.totalValue).toBeCloseTo(16_757.8, 6);
    const bad = spawnSync('node', [resolve(__dirname, '../bin/breadth.mjs'), file('not-positions.csv')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^breadth: not-positions.csv line 1: no Symbol and Value columns/);
  });
});

describe('the text audit (v2 snapshots built by hand)', () => {
  const bounded = renderAuditText(boundedAudit, 'positions.csv (Fidelity positions file)');
  const seen = renderAuditText(seenAudit, 'positions.csv (Fidelity positions file)');

  it('shows a figure Breadth cannot fully see as a bound, with what is missing and how to fix it', () => {
    expect(bounded).toContain(
      'Top-10 exposure: at least 21.8% of your money; 26.5% if the money Breadth cannot see holds what the S&P 500 holds (at most 33.8%). S&P 500 itself: 38.9%.\n' +
        '  Not seen: 12.0% of your money: VFIFX 10.0% (target-date fund), ZZQX 2.0% (not in the directory).\n' +
        '  Drop the fund’s holdings file on the options page (Index data) to see through it; check the symbols Breadth does not know.\n',
    );
    expect(seen).toMatch(/^Top-10 exposure: 21\.8% of your money \(S&P 500 itself: 38\.9%, −17\.1 pp\)$/m);
    expect(seen).not.toContain('at least');
  });

  it('puts a total that does not match up front as a caution, and lists every check', () => {
    expect(bounded.split('\n').slice(0, 5)).toEqual([
      'Breadth audit — positions.csv (Fidelity positions file)',
      'Total value read: $50,000 in 2 accounts',
      '  Individual ••5678                         $38,000',
      '  IRA ••1111                                $12,000',
      'CAUTION: Individual ••5678: read $38,000, the source’s Account Total says $26,000: 2 rows look like lot rows (a symbol repeated, or a date).',
    ]);
    expect(bounded).toContain('Totals the sources state:\n  [CAUTION ] Individual ••5678: read $38,000');
    expect(bounded).toContain('  [ok      ] IRA ••1111: read $12,000, the source’s Total says $12,000.');
    expect(seen).not.toContain('CAUTION:');
  });

  it('states shorts and margin debt apart from the shares', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breadth-'));
    const path = join(dir, 'short.csv');
    writeFileSync(path, 'Symbol,Description,Market Value\nAAPL,APPLE INC,10000\nTSLA,TESLA INC SHORT,-9000\n');
    const { code, out } = cli([path]);
    expect(code).toBe(0);
    expect(out).toContain('Shares are of your $10,000 of long holdings; shorts $9,000 are shown apart (net $1,000).');
    expect(out).toMatch(/^Top-10 exposure: 100\.0% of your money/m);
  });

  it('shows every tier, the new ones included', () => {
    expect(bounded).toMatch(/^ {2}International funds {12}16\.0%$/m);
    expect(bounded).toMatch(/^ {2}Funds not seen through {9}10\.0%$/m);
    expect(bounded).toMatch(/^ {2}Unrecognised symbols {12}2\.0%$/m);
  });

  it('says per fund how it was seen through, and lists each look-through source with its date', () => {
    expect(bounded).toContain('Funds, and how Breadth sees into them:\n');
    expect(bounded).toContain('  VTI          20.0%   seen through VTI’s holdings (Vanguard, 2025-10-31) — Vanguard Total Stock Market ETF\n');
    expect(bounded).toContain('  VTSAX         8.0%   seen through VTI’s holdings (Vanguard, 2025-10-31): share class — Vanguard Total Stock Market Index Fund Admiral Shares\n');
    expect(bounded).toContain('  VXUS         16.0%   international fund: invests outside the US — Vanguard Total International Stock ETF\n');
    expect(bounded).toContain('  ZZQX          2.0%   unrecognised symbol: not in the directory\n');
    expect(bounded).toContain(
      'Look-through sources:\n  VTI, published by Vanguard, as of 2025-10-31: used for VTI, VTSAX\n  S&P 500 (iShares IVV), published by iShares, as of 2026-06-19: used for NVDA, JPM\n',
    );
  });
});
