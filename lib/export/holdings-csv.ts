/**
 * Files Breadth writes: the audit snapshot JSON (the schema itself is the format) and a holdings
 * CSV with each holding's tier. CSV fields are quoted per RFC 4180 and guarded against formula
 * injection, since a spreadsheet will open them and symbols/descriptions come from web pages.
 */
import { AuditSnapshotSchema, type AuditSnapshot, type HoldingCategory } from '../schema/audit';
import { INDEX_LABELS } from '../schema/reference';
import { seenThroughSource } from '../ui/bounds';
import { csvField } from './csv-field';

export { csvField };

export const CATEGORY_LABELS: Record<HoldingCategory, string> = {
  top10: 'Top 10',
  sp500: 'Rest of S&P 500',
  sp400: 'S&P 400 mid-cap',
  sp600: 'S&P 600 small-cap',
  fund: 'Fund (seen through)',
  international: 'International fund',
  otherEquity: 'Other equity',
  unresolvedFund: 'Fund not seen through',
  unrecognised: 'Unrecognised symbol',
  cash: 'Cash',
  nonEquity: 'Non-equity',
};

/**
 * One row per holding. Columns are only ever added at the end, so older readers of this file
 * (lib/import/breadth-holdings-csv.ts reads by header name) keep working. "Seen through" names
 * whose holdings a fund was looked through, with their date: "VTI's holdings (Vanguard, 2025-10-31): share class".
 */
export function holdingsToCsv(audit: AuditSnapshot): string {
  const accounts = new Map(audit.portfolio.accounts.map((a) => [a.key, a.label]));
  const header = ['Account', 'Symbol', 'Description', 'Market value (USD)', 'Share of portfolio', 'Tier', 'Issuer', 'Index', 'Fund tracks', 'Top-10 look-through', 'Quantity', 'Seen through'];
  const rows = audit.holdings.map((h) => [
    accounts.get(h.accountKey) ?? h.accountKey,
    h.symbol ?? '',
    h.description,
    h.marketValue.toFixed(2),
    h.share.toFixed(6),
    CATEGORY_LABELS[h.category],
    h.issuer ?? '',
    h.index ? INDEX_LABELS[h.index] : '',
    h.fundTracks ?? '',
    h.topTenLookThrough == null ? '' : h.topTenLookThrough.toFixed(6),
    h.quantity ?? '',
    h.seenThrough ? seenThroughSource(h.seenThrough) : '',
  ]);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The snapshot JSON as exported: validated first, so a file that leaves Breadth always re-imports. */
export function auditToJson(audit: AuditSnapshot): string {
  return `${JSON.stringify(AuditSnapshotSchema.parse(audit), null, 2)}\n`;
}

/** `breadth-audit-2026-11-24.json`, `breadth-holdings-2026-11-24.csv` (date of the audit, UTC). */
export function auditFileName(audit: AuditSnapshot, kind: 'audit' | 'holdings', ext: 'json' | 'csv'): string {
  return `breadth-${kind}-${audit.generatedAt.slice(0, 10)}.${ext}`;
}
