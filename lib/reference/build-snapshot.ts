/**
 * Builds a reference snapshot from fund holdings files. Pure (texts in, snapshot out), so the
 * generator script, its canonical test and a later in-extension refresh share it.
 */
import { isEquityRow, parseISharesHoldings } from '../import/ishares-holdings-csv';
import { parseCsv, normaliseHeader } from '../import/csv';
import {
  ReferenceSnapshotSchema,
  SectorSchema,
  type Constituent,
  type IndexId,
  type ReferenceSnapshot,
  type ReferenceSource,
  type Sector,
} from '../schema/reference';
import { issuerKeyFromName, normaliseTicker } from './tickers';

export interface SourceFile {
  index: IndexId;
  fund: string;
  file: string;
  text: string;
}

/** iShares prints some GICS sectors short. */
const SECTOR_ALIASES: Record<string, Sector> = {
  Communication: 'Communication Services',
  'Communication Services': 'Communication Services',
  'Telecommunication Services': 'Communication Services',
  'Information Technology': 'Information Technology',
  'Consumer Discretionary': 'Consumer Discretionary',
  'Consumer Staples': 'Consumer Staples',
};

export function toGicsSector(printed: string): Sector {
  const sector = SECTOR_ALIASES[printed] ?? printed;
  const parsed = SectorSchema.safeParse(sector);
  if (!parsed.success) throw new Error(`unknown GICS sector "${printed}"`);
  return parsed.data;
}

/** `ALPHABET INC` → `Alphabet Inc` (used where no better display name is known). */
export function titleCase(name: string): string {
  return name.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\bAnd\b/g, 'and');
}

/** Ticker → company name from the S&P 500 membership list (`Alphabet Inc. (Class A)` → `Alphabet Inc.`). */
export function readDisplayNames(csvText: string): Map<string, string> {
  const records = parseCsv(csvText);
  const header = records[0]?.fields.map(normaliseHeader) ?? [];
  const sym = header.indexOf('symbol');
  const sec = header.indexOf('security');
  if (sym < 0 || sec < 0) throw new Error('membership list lacks Symbol/Security columns');
  const names = new Map<string, string>();
  for (const r of records.slice(1)) {
    const ticker = normaliseTicker(r.fields[sym] ?? '');
    const name = (r.fields[sec] ?? '').replace(/\s*\((?:Class|Series) [A-Z]\)\s*$/i, '').trim();
    if (ticker && name) names.set(ticker, name);
  }
  return names;
}

const round = (x: number) => Number(x.toPrecision(10));

/**
 * One index's constituents from its tracking fund's iShares holdings file. `taken` lists tickers
 * already placed (in another index): a duplicate is an error when building from scratch.
 */
export function readIndexSource(
  source: SourceFile,
  displayNames: ReadonlyMap<string, string>,
  taken: Map<string, string> = new Map(),
): { source: ReferenceSource; constituents: Constituent[] } {
  const holdings = parseISharesHoldings(source.text);
  const equity = holdings.rows.filter(isEquityRow);
  const total = equity.reduce((sum, r) => sum + (r.marketValue ?? 0), 0);
  const refSource: ReferenceSource = {
    index: source.index,
    fund: source.fund,
    publisher: 'iShares (BlackRock)',
    file: source.file,
    asOf: holdings.asOf,
    layout: holdings.layout,
    publishedWeightSumPct: round(equity.reduce((sum, r) => sum + (r.weightPct ?? 0), 0)),
  };
  const rows = equity.map((row) => {
    const ticker = normaliseTicker(row.ticker);
    if (!ticker) throw new Error(`${source.file} line ${row.line}: ticker "${row.ticker}" cannot be normalised`);
    const where = `${source.file} line ${row.line}`;
    if (taken.has(ticker)) throw new Error(`${where}: ticker ${ticker} already listed (${taken.get(ticker)})`);
    taken.set(ticker, where);
    return { row, ticker, issuer: issuerKeyFromName(row.name) };
  });
  // One display name per issuer, so every share class shows the same company.
  const issuerNames = new Map<string, string>();
  for (const { ticker, issuer } of rows) {
    const known = displayNames.get(ticker);
    if (known && !issuerNames.has(issuer)) issuerNames.set(issuer, known);
  }
  const constituents = rows.map(({ row, ticker, issuer }) => ({
    ticker,
    issuer,
    name: issuerNames.get(issuer) ?? titleCase(issuer),
    sector: toGicsSector(row.sector),
    index: source.index,
    weight: round((row.marketValue ?? 0) / total),
    publishedWeightPct: row.weightPct ?? 0,
  }));
  return { source: refSource, constituents };
}

export function buildSnapshot(sources: SourceFile[], displayNamesCsv?: string): ReferenceSnapshot {
  const displayNames = displayNamesCsv ? readDisplayNames(displayNamesCsv) : new Map<string, string>();
  const constituents: Constituent[] = [];
  const refSources: ReferenceSource[] = [];
  const taken = new Map<string, string>();
  for (const file of sources) {
    const read = readIndexSource(file, displayNames, taken);
    refSources.push(read.source);
    constituents.push(...read.constituents);
  }
  const asOf = refSources.map((s) => s.asOf).sort()[0];
  if (!asOf) throw new Error('no source files');
  return ReferenceSnapshotSchema.parse({ schema: 'breadth.reference/v1', asOf, sources: refSources, constituents });
}

/** Stable text form: one constituent per line keeps diffs of a refresh readable. */
export function serialiseSnapshot(snapshot: ReferenceSnapshot): string {
  const { constituents, ...head } = snapshot;
  const headJson = JSON.stringify(head, null, 2);
  const lines = constituents.map((c) => `    ${JSON.stringify(c)}`);
  return `${headJson.slice(0, -2)},\n  "constituents": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
