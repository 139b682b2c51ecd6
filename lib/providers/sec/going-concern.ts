/**
 * Going-concern doubt in a company's recent 10-K and 10-Q filings, through EDGAR full-text search
 * (efts.sec.gov, keyless, the JSON behind the SEC's own full-text search page): filings that contain
 * both "substantial doubt" and "going concern" — the words auditors and managements must use when
 * they doubt a company can carry on. A sign to check, not a verdict: the link goes to the filing.
 */
import * as z from 'zod/mini';
import { ProviderError, looksLikeHtml } from '../types';

const HitSchema = z.object({
  _id: z.string(),
  _source: z.object({
    adsh: z.optional(z.string()),
    file_date: z.optional(z.string()),
    form: z.optional(z.string()),
    root_forms: z.optional(z.array(z.string())),
  }),
});
const SearchSchema = z.object({ hits: z.object({ total: z.optional(z.object({ value: z.number() })), hits: z.array(HitSchema) }) });

export interface GoingConcernFiling {
  filed: string;
  form: string;
  url: string;
}

/** The search for one company's 10-K/10-Q filings since `since` (`YYYY-MM-DD`). */
export function goingConcernUrl(cik: number, since: string, until: string): string {
  const q = encodeURIComponent('"substantial doubt" "going concern"');
  return `https://efts.sec.gov/LATEST/search-index?q=${q}&forms=10-K,10-Q&dateRange=custom&startdt=${since}&enddt=${until}&ciks=${String(cik).padStart(10, '0')}`;
}

export function parseGoingConcern(text: string, cik: number): GoingConcernFiling[] {
  if (looksLikeHtml(text)) throw new ProviderError('SEC EDGAR', 'format', 'SEC EDGAR full-text search answered with a web page, not data.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProviderError('SEC EDGAR', 'format', 'SEC EDGAR full-text search sent something that is not JSON.');
  }
  const parsed = SearchSchema.safeParse(json);
  if (!parsed.success) throw new ProviderError('SEC EDGAR', 'format', 'SEC EDGAR full-text search answered in an unexpected shape.');
  return parsed.data.hits.hits
    .map((hit) => {
      // `_id` is "<accession>:<document>"; the accession is also `_source.adsh`.
      const [idAccession, document] = hit._id.split(':');
      const accession = hit._source.adsh ?? idAccession ?? '';
      const folder = `https://www.sec.gov/Archives/edgar/data/${cik}/${accession.replace(/-/g, '')}/`;
      return { filed: hit._source.file_date ?? '', form: hit._source.form ?? hit._source.root_forms?.[0] ?? '', url: document ? `${folder}${document}` : folder };
    })
    .filter((f) => /^\d{4}-\d{2}-\d{2}$/.test(f.filed))
    .sort((a, b) => b.filed.localeCompare(a.filed));
}
