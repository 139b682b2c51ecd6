/**
 * `web-ext lint` (addons.mozilla.org's own linter) on the Firefox build: fails on any error and on
 * any warning or notice except the one Preact's renderer always draws (below). Runs the linter
 * through web-ext's API rather than its command line: the command line checks the npm registry for
 * a newer web-ext, and a test run should fetch nothing.
 *
 * Usage: node scripts/lint-firefox.mjs [.output/firefox-mv2]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import webExt from 'web-ext';

const root = resolve(import.meta.dirname, '..');
const sourceDir = resolve(root, process.argv[2] ?? '.output/firefox-mv2');

/**
 * Preact's own `dangerouslySetInnerHTML` support (`el.innerHTML = props.dangerouslySetInnerHTML.__html`)
 * is in every bundle that renders with Preact; AMO's linter flags it whether or not it is used. It is
 * excused only at that exact assignment, and only while our own code never passes that prop.
 */
function isPreactInnerHtmlSupport(message) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file || !message.line) return false;
  const line = readFileSync(join(sourceDir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const at = line.slice(Math.max(0, (message.column ?? 0) - 1), (message.column ?? 0) + 40);
  return /^\w+\.innerHTML=\w+\.__html/.test(at);
}

/** Our own sources (not the bundle): any use of the prop that the excuse above assumes is absent. */
function ownDangerousHtml() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && readFileSync(path, 'utf8').includes('dangerouslySetInnerHTML')) found.push(relative(root, path));
    }
  };
  for (const dir of ['lib', 'entrypoints', 'components']) walk(join(root, dir));
  return found;
}

const result = await webExt.cmd.lint({ sourceDir, output: 'none', selfHosted: false }, { shouldExitProgram: false });
const excused = [];
const problems = [];
for (const m of [...result.errors, ...result.warnings, ...result.notices]) {
  (isPreactInnerHtmlSupport(m) ? excused : problems).push(m);
}
for (const path of ownDangerousHtml()) problems.push({ type: 'error', code: 'OWN_DANGEROUS_HTML', message: 'dangerouslySetInnerHTML in our own code', file: path });

const where = (m) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
for (const m of problems) console.error(`${m.type ?? m._type}: ${m.code} ${m.message}${where(m)}`);
for (const m of excused) console.log(`excused: ${m.code}${where(m)} — Preact's dangerouslySetInnerHTML support, unused by Breadth`);
console.log(`web-ext lint ${relative(root, sourceDir)}: ${result.errors.length} errors, ${result.warnings.length} warnings, ${result.notices.length} notices; ${problems.length} not excused.`);
process.exit(problems.length === 0 ? 0 : 1);
