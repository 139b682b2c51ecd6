/**
 * Breadth's own JSON files coming back in: one audit snapshot (`breadth.audit/v2`, or a v1 one, migrated) or the whole
 * history (`breadth.history/v1`). Validated whole before anything is stored, so a failed import
 * changes nothing; a file from a newer Breadth is refused by name rather than half-read.
 */
import { AUDIT_SCHEMA_ID_V1, type AuditSnapshot } from '../schema/audit';
import { AnyVersionAuditSchema } from '../schema/audit-v1';
import { AUDIT_SCHEMA_ID, HISTORY_SCHEMA_ID, HistoryFileSchema, type HistoryFile } from '../schema/history';

export type BreadthFile = { kind: 'audit'; audit: AuditSnapshot } | { kind: 'history'; snapshots: AuditSnapshot[] };

export class BreadthFileError extends Error {}

const KNOWN: Record<string, number> = { 'breadth.audit': 2, 'breadth.history': 1 };

/** True when the text is JSON that says it is one of Breadth's files (any version). */
export function looksLikeBreadthJson(text: string): boolean {
  return /^\s*\{[\s\S]{0,200}"schema"\s*:\s*"breadth\.(audit|history)\/v\d+"/.test(text.replace(/^\uFEFF/, ''));
}

export function parseBreadthFile(text: string, fileName = 'file'): BreadthFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BreadthFileError(`${fileName} is not JSON: it is not a Breadth audit or history file.`);
  }
  const schema = typeof json === 'object' && json !== null && 'schema' in json ? String((json as { schema: unknown }).schema) : '';
  const m = /^(breadth\.(?:audit|history))\/v(\d+)$/.exec(schema);
  if (!m) throw new BreadthFileError(`${fileName} is not a Breadth audit or history file (no "schema": "breadth.audit/v2" in it).`);
  const version = Number(m[2]);
  if (version > KNOWN[m[1]!]!) {
    throw new BreadthFileError(`${fileName} was written by a newer version of Breadth (${schema}); update Breadth to import it. Nothing was changed.`);
  }
  if (schema === AUDIT_SCHEMA_ID || schema === AUDIT_SCHEMA_ID_V1) {
    const parsed = AnyVersionAuditSchema.safeParse(json);
    if (!parsed.success) throw new BreadthFileError(`${fileName}: ${firstIssue(parsed.error.issues)}. Nothing was changed.`);
    return { kind: 'audit', audit: parsed.data };
  }
  const parsed = HistoryFileSchema.safeParse(json);
  if (!parsed.success) throw new BreadthFileError(`${fileName}: ${firstIssue(parsed.error.issues)}. Nothing was changed.`);
  return { kind: 'history', snapshots: parsed.data.snapshots };
}

function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'file'} is not valid (${issue.message})` : 'not valid';
}

export function historyToJson(snapshots: readonly AuditSnapshot[], exportedAt: Date): string {
  return historyFileParts(snapshots.map((s) => JSON.stringify(s)), exportedAt).join('');
}

/**
 * The history file in parts, around audits already serialised (as stored, text or UTF-8 bytes):
 * handed to a Blob as they are, never re-serialised.
 */
export function historyFileParts<T extends string | Uint8Array>(snapshots: readonly T[], exportedAt: Date): (string | T)[] {
  const head: Omit<HistoryFile, 'snapshots'> = { schema: HISTORY_SCHEMA_ID, exportedAt: exportedAt.toISOString() };
  const parts: (string | T)[] = [`${JSON.stringify(head).slice(0, -1)},"snapshots":[`];
  snapshots.forEach((s, i) => parts.push(...(i ? [',', s] : [s])));
  parts.push(']}\n');
  return parts;
}

/** `breadth-history-2026-11-25.json`. */
export function historyFileName(exportedAt: Date): string {
  return `breadth-history-${exportedAt.toISOString().slice(0, 10)}.json`;
}
