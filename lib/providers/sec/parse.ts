/**
 * Pure parsers for SEC EDGAR's public JSON (text in, validated data out; no network). Used to flag
 * "broken growth" small and mid caps: officer departures (8-K Item 5.02), shrinking revenue, dilution.
 */
import { ProviderError, looksLikeHtml } from '../types';
import {
  CompanyFactsSchema,
  CompanyTickersSchema,
  FrameSchema,
  SubmissionsSchema,
  type CompanyFacts,
  type Fact,
  type Frame,
  type Taxonomy,
} from './schemas';

export const SEC_PROVIDER = 'SEC EDGAR';

function formatError(reason: string): ProviderError {
  return new ProviderError(SEC_PROVIDER, 'format', reason);
}

/** The minimal shape of a zod/mini schema used here, so one helper serves every schema. */
interface Parser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}
interface Issue {
  readonly path: readonly PropertyKey[];
  readonly code?: string;
  readonly expected?: string;
  readonly message: string;
}

/** `filings.recent.form[3]`, `facts["us-gaap"].Revenues.units.USD[0].val`. */
function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || 'the top level';
}

function oneLine(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** HTML check, JSON parse and schema validation, each failure said in one line. */
function parseJson<T>(text: string, schema: Parser<T>, what: string): T {
  if (looksLikeHtml(text)) {
    // The page title usually says why (rate limit, "Access Denied", 404), so show it when there is one.
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
    throw formatError(
      `SEC EDGAR answered with a web page, not data (${title?.trim() ? `"${oneLine(title, 80)}"` : `expected ${what}`})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw formatError(`SEC EDGAR sent ${what} that is not valid JSON, perhaps cut short (${oneLine(e instanceof Error ? e.message : String(e), 80)})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const why = issue?.code === 'invalid_type' && issue.expected ? `expected ${issue.expected}` : oneLine(issue?.message ?? 'not valid', 60);
    throw formatError(`SEC EDGAR sent ${what} of an unexpected shape at ${issue ? issuePath(issue.path) : 'the top level'} (${why})`);
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// company_tickers.json
// ---------------------------------------------------------------------------------------------

/**
 * SEC writes share classes with a dash (`BRK-B`, `CTA-PA`); Breadth's canonical form is dotted
 * (`BRK.B`). Only a single dash before 1–2 trailing letters is a class suffix.
 */
export function normaliseSecTicker(ticker: string): string {
  return ticker.trim().toUpperCase().replace(/(?<=[^-])-([A-Z]{1,2})$/, '.$1');
}

/** Ticker (dotted form) → CIK and company name. The first entry wins if two normalise alike. */
export function parseCompanyTickers(text: string): Map<string, { cik: number; title: string }> {
  const data = parseJson(text, CompanyTickersSchema, 'a ticker list');
  const map = new Map<string, { cik: number; title: string }>();
  // EDGAR's keys are "0", "1", …: keep its order (largest companies first) rather than key order quirks.
  const rows = Object.entries(data).sort(([a], [b]) => Number(a) - Number(b));
  for (const [, row] of rows) {
    const ticker = normaliseSecTicker(row.ticker);
    if (ticker && !map.has(ticker)) map.set(ticker, { cik: row.cik_str, title: row.title });
  }
  return map;
}

/** `CIK0001318605`: the form EDGAR's data URLs take. */
export function cikPath(cik: number): string {
  if (!Number.isSafeInteger(cik) || cik < 0 || cik > 9_999_999_999) throw new RangeError(`Not a CIK: ${cik}`);
  return `CIK${String(cik).padStart(10, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// submissions/CIK##########.json
// ---------------------------------------------------------------------------------------------

export interface Filing {
  /** `0001564590-22-032575` */
  accession: string;
  /** Filing date, `YYYY-MM-DD`. */
  filed: string;
  form: string;
  /** 8-K item numbers, e.g. `['5.02', '9.01']`; empty for other forms. */
  items: string[];
  primaryDocument: string;
  /** The primary document in EDGAR's archive (the filing's folder when there is no primary document). */
  url: string;
}

export interface SubmissionsSummary {
  cik: number;
  name: string;
  /** The recent filings (EDGAR's `filings.recent`: the last ~1000 or one year), in EDGAR's order, newest first. */
  filings: Filing[];
}

export function archiveUrl(cik: number, accession: string, primaryDocument: string): string {
  return `https://www.sec.gov/Archives/edgar/data/${cik}/${accession.replace(/-/g, '')}/${primaryDocument}`;
}

export function parseSubmissions(text: string): SubmissionsSummary {
  const data = parseJson(text, SubmissionsSchema, 'a filing history');
  const cik = Number(data.cik);
  const recent = data.filings.recent;
  const columns = {
    accessionNumber: recent.accessionNumber,
    filingDate: recent.filingDate,
    reportDate: recent.reportDate,
    form: recent.form,
    items: recent.items,
    primaryDocument: recent.primaryDocument,
  };
  const count = recent.accessionNumber.length;
  // Zipping columns of different lengths would silently pair one filing's form with another's date.
  for (const [name, column] of Object.entries(columns)) {
    if (column.length !== count) {
      throw formatError(
        `SEC EDGAR sent a filing history of an unexpected shape at filings.recent.${name} (${column.length} rows, accessionNumber has ${count})`,
      );
    }
  }
  const filings: Filing[] = [];
  for (let i = 0; i < count; i++) {
    const accession = recent.accessionNumber[i]!;
    const primaryDocument = recent.primaryDocument[i]!;
    filings.push({
      accession,
      filed: recent.filingDate[i]!,
      form: recent.form[i]!,
      items: recent.items[i]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      primaryDocument,
      url: archiveUrl(cik, accession, primaryDocument),
    });
  }
  return { cik, name: data.name, filings };
}

/**
 * 8-K and 8-K/A filings with Item 5.02 (departure or appointment of directors or certain officers)
 * filed on or after `since` (compared by UTC calendar day), newest first.
 */
export function officerChanges(filings: readonly Filing[], since: Date): Filing[] {
  const from = since.toISOString().slice(0, 10);
  return filings
    .filter((f) => (f.form === '8-K' || f.form === '8-K/A') && f.items.includes('5.02') && f.filed >= from)
    .sort((a, b) => (a.filed === b.filed ? b.accession.localeCompare(a.accession) : b.filed.localeCompare(a.filed)));
}

// ---------------------------------------------------------------------------------------------
// api/xbrl/companyfacts and frames
// ---------------------------------------------------------------------------------------------

export function parseCompanyFacts(text: string): CompanyFacts {
  return parseJson(text, CompanyFactsSchema, 'company facts');
}

export function parseFrame(text: string): Frame {
  return parseJson(text, FrameSchema, 'a frame');
}

/** One fiscal quarter of a flow concept (revenue, cash flow). Dates are `YYYY-MM-DD`, both inclusive. */
export interface Quarterly {
  start: string;
  end: string;
  val: number;
  /** The form and filing that reported it (for a derived quarter: the longer period's filing). */
  form: string;
  filed: string;
  accn: string;
  /** True when not reported as such but computed: a longer period (year, year-to-date) minus the quarters before. */
  derived?: true;
}

export interface SharesPoint {
  end: string;
  val: number;
}

export interface FinancialSeries {
  /** Quarters oldest first; missing ones derived from annual / year-to-date figures where possible. */
  revenue: Quarterly[];
  grossProfit: Quarterly[];
  operatingCashFlow: Quarterly[];
  /** Shares outstanding at each reported date, oldest first. */
  sharesOutstanding: SharesPoint[];
  /** The us-gaap concept revenue was read from, or null when the company reports none of them. */
  revenueConcept: string | null;
}

/** Tried in this order; the one with the most recent data wins (filers moved to ASC 606 tags around 2018). */
export const REVENUE_CONCEPTS = [
  'Revenues',
  'RevenueFromContractWithCustomerExcludingAssessedTax',
  'RevenueFromContractWithCustomerIncludingAssessedTax',
  'SalesRevenueNet',
  'SalesRevenueGoodsNet',
] as const;
export const GROSS_PROFIT_CONCEPTS = ['GrossProfit'] as const;
export const OPERATING_CASH_FLOW_CONCEPTS = [
  'NetCashProvidedByUsedInOperatingActivities',
  'NetCashProvidedByUsedInOperatingActivitiesContinuingOperations',
] as const;

const DAY_MS = 86_400_000;
const QUARTER_MIN_DAYS = 80;
const QUARTER_MAX_DAYS = 100;
/** Longest period used to derive quarters: a 53-week fiscal year. Multi-year facts are ignored. */
const YEAR_MAX_DAYS = 380;
/** Largest gap between one quarter's end and the next one's start still counted as consecutive. */
const MAX_GAP_DAYS = 5;

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}
function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
function spanDays(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start);
}
function isQuarterSpan(start: string, end: string): boolean {
  const days = spanDays(start, end);
  return days >= QUARTER_MIN_DAYS && days <= QUARTER_MAX_DAYS;
}
function follows(prev: { end: string }, next: { start: string }): boolean {
  const gap = dayNumber(next.start) - dayNumber(prev.end);
  return gap >= 0 && gap <= MAX_GAP_DAYS;
}

function unitFacts(taxonomy: Taxonomy | undefined, concept: string, unit: string): Fact[] {
  return taxonomy?.[concept]?.units[unit] ?? [];
}

/** A later filing restates an earlier one (a 10-Q repeats last year's quarter): keep the latest filed. */
function isNewer(a: Fact, b: Fact): boolean {
  return a.filed > b.filed || (a.filed === b.filed && a.accn > b.accn);
}

/** Latest `end` among the concept's facts, or null when it has none. */
function latestEnd(facts: readonly Fact[]): string | null {
  let latest: string | null = null;
  for (const f of facts) if (latest === null || f.end > latest) latest = f.end;
  return latest;
}

/** Of several candidate concepts, the one whose data reaches furthest; earlier in the list wins ties. */
function pickConcept(
  candidates: readonly { name: string; facts: Fact[] }[],
): { name: string; facts: Fact[] } | null {
  let best: { name: string; facts: Fact[]; end: string } | null = null;
  for (const c of candidates) {
    const end = latestEnd(c.facts);
    if (end !== null && (best === null || end > best.end)) best = { ...c, end };
  }
  return best && { name: best.name, facts: best.facts };
}

function toQuarterly(f: Fact & { start: string }): Quarterly {
  return { start: f.start, end: f.end, val: f.val, form: f.form, filed: f.filed, accn: f.accn };
}

/**
 * The quarters of a flow concept. Facts reported by several filings are de-duplicated (same start and
 * end: the latest filed wins). Quarters not reported as such are derived from a longer period that
 * starts where a run of known quarters starts: a 10-K's year minus Q1–Q3 gives Q4, and the
 * year-to-date figures most filers use in cash-flow statements (6 months minus Q1, …) give Q2 and Q3.
 */
export function quarterlySeries(facts: readonly Fact[]): Quarterly[] {
  const byPeriod = new Map<string, Fact & { start: string }>();
  for (const f of facts) {
    if (f.start === undefined || f.end < f.start) continue;
    const key = `${f.start}/${f.end}`;
    const seen = byPeriod.get(key);
    if (!seen || isNewer(f, seen)) byPeriod.set(key, { ...f, start: f.start });
  }
  const periods = [...byPeriod.values()];

  // One quarter per end date: two reported quarters ending the same day (restated boundaries) keep the latest filed.
  const quarters = new Map<string, Quarterly>();
  for (const f of periods) {
    if (!isQuarterSpan(f.start, f.end)) continue;
    const seen = quarters.get(f.end);
    if (!seen || f.filed > seen.filed || (f.filed === seen.filed && f.accn > seen.accn)) quarters.set(f.end, toQuarterly(f));
  }

  // Shortest first, so a quarter derived from a half year can serve the nine months and then the year.
  const longer = periods
    .filter((f) => spanDays(f.start, f.end) > QUARTER_MAX_DAYS && spanDays(f.start, f.end) <= YEAR_MAX_DAYS)
    .sort((a, b) => (a.end === b.end ? b.start.localeCompare(a.start) : a.end.localeCompare(b.end)));
  const byStart = (start: string): Quarterly | undefined => {
    for (const q of quarters.values()) if (q.start === start) return q;
    return undefined;
  };
  for (const period of longer) {
    if (quarters.has(period.end)) continue;
    let q = byStart(period.start);
    if (!q) continue;
    let sum = 0;
    let last: Quarterly | undefined;
    while (q && q.end < period.end) {
      sum += q.val;
      last = q;
      const prev: Quarterly = q;
      q = [...quarters.values()].find((n) => n.end > prev.end && follows(prev, n));
    }
    if (!last) continue;
    const start = isoDay(dayNumber(last.end) + 1);
    if (!isQuarterSpan(start, period.end)) continue;
    quarters.set(period.end, {
      start,
      end: period.end,
      val: period.val - sum,
      form: period.form,
      filed: period.filed,
      accn: period.accn,
      derived: true,
    });
  }
  return [...quarters.values()].sort((a, b) => a.end.localeCompare(b.end));
}

/**
 * Shares outstanding per date. Within one filing, several values for the same date are share classes
 * reported separately on the cover page (dei), so they are added up; across filings the latest wins.
 */
function sharesSeries(facts: readonly Fact[]): SharesPoint[] {
  const latest = new Map<string, Fact>();
  for (const f of facts) {
    const seen = latest.get(f.end);
    if (!seen || isNewer(f, seen)) latest.set(f.end, f);
  }
  const points: SharesPoint[] = [];
  for (const [end, chosen] of latest) {
    // The same value twice in one filing is a repeat, not a second class.
    const values = new Set(facts.filter((f) => f.end === end && f.accn === chosen.accn).map((f) => f.val));
    let val = 0;
    for (const v of values) val += v;
    points.push({ end, val });
  }
  return points.sort((a, b) => a.end.localeCompare(b.end));
}

export function financialSeries(facts: CompanyFacts): FinancialSeries {
  const gaap = facts.facts['us-gaap'];
  const dei = facts.facts.dei;
  const candidates = (concepts: readonly string[]) => concepts.map((name) => ({ name, facts: unitFacts(gaap, name, 'USD') }));

  const revenue = pickConcept(candidates(REVENUE_CONCEPTS));
  const grossProfit = pickConcept(candidates(GROSS_PROFIT_CONCEPTS));
  const cashFlow = pickConcept(candidates(OPERATING_CASH_FLOW_CONCEPTS));
  const shares = pickConcept([
    { name: 'dei:EntityCommonStockSharesOutstanding', facts: unitFacts(dei, 'EntityCommonStockSharesOutstanding', 'shares') },
    { name: 'us-gaap:CommonStockSharesOutstanding', facts: unitFacts(gaap, 'CommonStockSharesOutstanding', 'shares') },
  ]);

  return {
    revenue: revenue ? quarterlySeries(revenue.facts) : [],
    grossProfit: grossProfit ? quarterlySeries(grossProfit.facts) : [],
    operatingCashFlow: cashFlow ? quarterlySeries(cashFlow.facts) : [],
    sharesOutstanding: shares ? sharesSeries(shares.facts) : [],
    revenueConcept: revenue?.name ?? null,
  };
}

export interface TwelveMonths {
  /** End of the latest of the four quarters. */
  end: string;
  value: number;
  /** The four quarters, oldest first. */
  quarters: Quarterly[];
}

export interface TrailingTwelveMonths extends TwelveMonths {
  /** The four quarters just before, or null when they are not all known. */
  prior: TwelveMonths | null;
  /** (value − prior) / |prior|: −0.1 is a 10 % decline. Null without a prior year or when it was 0. */
  yoyChange: number | null;
}

/**
 * Sum of the latest four consecutive quarters ending on or before `asOfEnd` (`YYYY-MM-DD`; default: all
 * data), with the four before them for a year-over-year comparison. Null when the latest four are not
 * all known: an older total would pass for a current one. Missing Q4s are derived by `financialSeries`
 * (from the 10-K's annual figure), which has the annual facts this function does not see.
 */
export function trailingTwelveMonths(series: readonly Quarterly[], asOfEnd?: string): TrailingTwelveMonths | null {
  const known = series.filter((q) => asOfEnd === undefined || q.end <= asOfEnd).sort((a, b) => b.end.localeCompare(a.end));
  const chain: Quarterly[] = [];
  for (const q of known) {
    if (chain.length === 8) break;
    const newer = chain[chain.length - 1];
    if (newer && q.end === newer.end) continue;
    if (newer && !follows(q, newer)) break;
    chain.push(q);
  }
  if (chain.length < 4) return null;
  const twelve = (qs: Quarterly[]): TwelveMonths => {
    const oldestFirst = [...qs].reverse();
    return { end: qs[0]!.end, value: qs.reduce((s, q) => s + q.val, 0), quarters: oldestFirst };
  };
  const latest = twelve(chain.slice(0, 4));
  const prior = chain.length === 8 ? twelve(chain.slice(4, 8)) : null;
  const yoyChange = prior && prior.value !== 0 ? (latest.value - prior.value) / Math.abs(prior.value) : null;
  return { ...latest, prior, yoyChange };
}
