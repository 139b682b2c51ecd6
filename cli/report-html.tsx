/**
 * The report as one standalone HTML file (`breadth <file> --html out.html`): the same Preact
 * components as the extension's report page, rendered to a string, with the report's stylesheet
 * inlined. No script: the file opens anywhere and prints like the extension's report.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import type { AuditSnapshot } from '../lib/schema/audit';
import { Report } from '../components/report/Report';

const CSS_PATH = resolve(import.meta.dirname, '../components/report/report.css');

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function renderReportHtml(audit: AuditSnapshot, now: Date): string {
  const body = renderToString(<Report audit={audit} history={[]} now={now} holdingsLimit={Infinity} />);
  const css = readFileSync(CSS_PATH, 'utf8');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Breadth audit — ${audit.scope.label} — ${audit.generatedAt.slice(0, 10)}`)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
