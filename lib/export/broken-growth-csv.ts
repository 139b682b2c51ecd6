/** The broken-growth screen as a CSV: one row per screened holding, each criterion's verdict, number and source. */
import { csvField } from './csv-field';

interface Row {
  ticker: string;
  name: string;
  verdict: string;
  passed: number;
  criteria: readonly { id: string; pass: boolean | null; value: string; evidence: { source: string; url?: string; fetchedAt: string } | null }[];
}

const CRITERIA = ['beaten-down', 'still-growing', 'margin-intact', 'temporary-cause', 'cash-positive'] as const;

export function brokenGrowthToCsv(rows: readonly Row[]): string {
  const header = ['Ticker', 'Name', 'Verdict', 'Criteria passed', ...CRITERIA.flatMap((c) => [`${c}: pass`, `${c}: value`, `${c}: source`])];
  const lines = rows.map((r) => [
    r.ticker,
    r.name,
    r.verdict,
    r.passed,
    ...CRITERIA.flatMap((id) => {
      const c = r.criteria.find((x) => x.id === id);
      return [c?.pass === null || !c ? 'unknown' : c.pass ? 'pass' : 'fail', c?.value ?? '', c?.evidence ? `${c.evidence.source}${c.evidence.url ? ` ${c.evidence.url}` : ''} (${c.evidence.fetchedAt.slice(0, 10)})` : ''];
    }),
  ]);
  return [header, ...lines].map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
