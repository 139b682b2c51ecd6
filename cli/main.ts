/**
 * `breadth <positions file> [--json] [--html out.html]` — the audit engine on the command line.
 * Exit codes: 0 done, 1 the file could not be read or imported, 2 wrong usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeFileBytes, importPositionsFile, ImportError } from '../lib/import';
import { accountsFromScan } from '../lib/analysis/accounts';
import { buildAudit } from '../lib/analysis/audit';
import { bundledReference } from '../lib/reference';
import { DEFAULT_RULE_SETTINGS } from '../lib/schema/settings';
import { AUDIT_SCHEMA_ID, AuditSnapshotSchema } from '../lib/schema/audit';
import { renderAuditText } from './render-text';
import { renderReportHtml } from './report-html';
import { stripControlCharacters, terminalSafeJson } from './terminal-text';

const USAGE = `Usage: breadth <positions file> [--json] [--html <out.html>]

Reads a positions file (any brokerage export listed in the README, or a CSV with Symbol and Value
columns) and prints how much of the money rides on the S&P 500's ten largest companies.

  --json           print exactly the audit snapshot JSON (schema ${AUDIT_SCHEMA_ID})
  --html <file>    also write the full report as one standalone HTML file (prints to PDF)
  --help           show this text`;

export function run(argv: string[], io = { out: process.stdout, err: process.stderr }): number {
  const htmlAt = argv.indexOf('--html');
  const htmlOut = htmlAt >= 0 ? argv[htmlAt + 1] : undefined;
  if (htmlAt >= 0 && (!htmlOut || htmlOut.startsWith('-'))) {
    io.err.write('breadth: --html needs the path of the file to write (see breadth --help)\n');
    return 2;
  }
  const rest = htmlAt >= 0 ? argv.filter((_, i) => i !== htmlAt && i !== htmlAt + 1) : argv;
  const flags = rest.filter((a) => a.startsWith('-'));
  const files = rest.filter((a) => !a.startsWith('-'));
  if (flags.includes('--help') || flags.includes('-h')) {
    io.out.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = flags.filter((f) => f !== '--json');
  if (unknown.length || files.length !== 1) {
    io.err.write(`breadth: ${unknown.length ? `unknown option ${unknown[0]}` : 'give exactly one positions file'} (see breadth --help)\n`);
    return 2;
  }
  const path = files[0]!;
  // Everything printed that came from the file (or its name) is stripped of escape sequences first.
  const name = stripControlCharacters(basename(path));
  const safe = stripControlCharacters;
  let text: string;
  try {
    // Bytes, not 'utf8': a file saved as UTF-16 (with its BOM) reads too.
    text = decodeFileBytes(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err.write(`breadth: ${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read'}\n`);
    return 1;
  }
  try {
    const scan = importPositionsFile(text, name);
    // Skipped rows never stop the audit, but the user hears of each, on stderr so --json stays clean.
    for (const row of scan.skipped) io.err.write(`breadth: ${name} ${safe(row.reason)} (row skipped)\n`);
    const audit = AuditSnapshotSchema.parse(
      buildAudit({ accounts: accountsFromScan(scan), reference: bundledReference(), settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date() }),
    );
    if (htmlOut) {
      try {
        writeFileSync(htmlOut, renderReportHtml(audit, new Date()));
      } catch (error) {
        io.err.write(`breadth: cannot write ${safe(htmlOut)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`);
        return 1;
      }
      // Said on stderr, so --json on stdout stays exactly the snapshot.
      io.err.write(`breadth: report written to ${safe(htmlOut)}\n`);
    }
    io.out.write(flags.includes('--json') ? `${terminalSafeJson(JSON.stringify(audit, null, 2))}\n` : safe(renderAuditText(audit, `${name} (${scan.source.label})`)));
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      io.err.write(`breadth: ${name}${error.line ? ` line ${error.line}` : ''}: ${safe(error.reason)}\n`);
      return 1;
    }
    throw error;
  }
}

/** `breadth … | head` closes the pipe early: that is not an error. */
export function ignoreClosedPipe() {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

// Run only when executed as `tsx cli/main.ts` (npm run audit); bin/breadth.mjs calls run() itself.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  ignoreClosedPipe();
  process.exitCode = run(process.argv.slice(2));
}
