/**
 * Refreshing the reference data from holdings files the user downloads (pure: bytes and the
 * current state in, the next state and what changed out). What each file does:
 * - iShares IVV / IJH / IJR (classic or 2026 layout): replaces the S&P 500 / 400 / 600 constituents;
 * - SPDR SPY (.xlsx): replaces the S&P 500 weights; sectors come from the current data (SPDR prints
 *   none), and new names without a known sector are left out and listed;
 * - any other iShares, SPDR or Invesco fund (a sector or growth ETF, QQQ…): becomes a fund Breadth
 *   looks through by its own holdings, so coverage grows with use.
 * A web page saved as .csv, or any other file, is refused with one line saying why.
 */
import { strFromU8 } from 'fflate';
import { looksLikeISharesHoldings, parseISharesHoldings, isEquityRow, ISharesFormatError } from '../import/ishares-holdings-csv';
import { readIndexSource, titleCase } from './build-snapshot';
import { looksLikeInvescoHoldings, parseInvescoHoldings } from './fund-files/invesco-holdings-csv';
import { looksLikeXlsx, parseSpdrHoldingsXlsx } from './fund-files/spdr-holdings-xlsx';
import { FundFileFormatError, type FundHoldingsFile } from './fund-files/types';
import { FUND_MAP } from './funds';
import { buildReference, type Reference } from './index';
import { issuerKeyFromName, normaliseTicker } from './tickers';
import {
  INDEX_LABELS,
  REFERENCE_STATE_SCHEMA_ID,
  ReferenceStateSchema,
  type Constituent,
  type Fund,
  type IndexId,
  type ReferenceSnapshot,
  type ReferenceSource,
  type ReferenceState,
} from '../schema/reference';

export class ReferenceFileError extends Error {}

/** The iShares funds whose holdings stand in for the three indexes, by the name on the file's first line. */
const INDEX_FUNDS: readonly { name: RegExp; fund: string; index: IndexId }[] = [
  { name: /^iShares Core S&P 500 ETF$/i, fund: 'IVV', index: 'sp500' },
  { name: /^iShares Core S&P Mid-Cap ETF$/i, fund: 'IJH', index: 'sp400' },
  { name: /^iShares Core S&P Small-Cap ETF$/i, fund: 'IJR', index: 'sp600' },
];

export type ReferenceFile =
  | { kind: 'index'; index: IndexId; fund: string; file: string; text: string; asOf: string }
  | { kind: 'spdr-index'; index: 'sp500'; holdings: FundHoldingsFile; file: string }
  | { kind: 'fund'; fund: Fund; file: string };

/** What one import changed, for the user to check before relying on it. */
export interface ReferenceChange {
  /** "S&P 500 from iShares IVV" / "QQQ (Invesco QQQ Trust) for look-through". */
  what: string;
  fromAsOf: string | null;
  toAsOf: string;
  added: string[];
  removed: string[];
  topTenBefore: string[];
  topTenAfter: string[];
  /** Names the file listed that could not be used, with why. */
  leftOut: string[];
  summary: string;
}

/** The state that stands for "as shipped": the bundled snapshot, no imported funds. */
export function bundledState(snapshot: ReferenceSnapshot): ReferenceState {
  return { schema: REFERENCE_STATE_SCHEMA_ID, importedAt: `${snapshot.asOf}T00:00:00.000Z`, change: 'Index data bundled with this version of Breadth.', snapshot, funds: [] };
}

/** The engine's reference for a state: imported funds take precedence over the built-in fund map. */
export function referenceFromState(state: ReferenceState): Reference {
  const imported = new Set(state.funds.map((f) => f.ticker));
  return buildReference(state.snapshot, [...FUND_MAP.filter((f) => !imported.has(f.ticker)), ...state.funds]);
}

/** Recognises a downloaded holdings file by its content (never its name, except to learn an iShares fund's ticker). */
export function readReferenceFile(fileName: string, bytes: Uint8Array): ReferenceFile {
  if (looksLikeXlsx(bytes)) return fromFundFile(parseFundFile(() => parseSpdrHoldingsXlsx(bytes)), fileName);
  const text = strFromU8(bytes).replace(/^\uFEFF/, '');
  if (/^\s*</.test(text)) {
    throw new ReferenceFileError(`${fileName} is a web page (HTML), not a holdings file: the fund site sent an error page. Download the holdings file again.`);
  }
  if (looksLikeInvescoHoldings(text)) return fromFundFile(parseFundFile(() => parseInvescoHoldings(text)), fileName);
  if (looksLikeISharesHoldings(text)) {
    let parsed;
    try {
      parsed = parseISharesHoldings(text);
    } catch (error) {
      if (error instanceof ISharesFormatError) throw new ReferenceFileError(`${fileName}: ${error.message}`);
      throw error;
    }
    const indexFund = INDEX_FUNDS.find((f) => f.name.test(parsed.fundName.trim()));
    if (indexFund) return { kind: 'index', index: indexFund.index, fund: indexFund.fund, file: fileName, text, asOf: parsed.asOf };
    // iShares files name the fund only in words; its ticker is in the name the site gives the file.
    const ticker = /(?:^|[^A-Z])([A-Z]{2,5})_holdings/i.exec(fileName)?.[1]?.toUpperCase();
    if (!ticker) {
      throw new ReferenceFileError(`${fileName}: cannot tell which fund "${parsed.fundName}" is — keep the name iShares gives the download (e.g. IWB_holdings.csv).`);
    }
    const total = parsed.rows.filter(isEquityRow).reduce((s, r) => s + (r.marketValue ?? 0), 0);
    const holdings = mergeHoldings(
      parsed.rows.filter(isEquityRow).map((r) => ({ ticker: normaliseTicker(r.ticker), weight: total > 0 ? (r.marketValue ?? 0) / total : 0 })),
    );
    return { kind: 'fund', file: fileName, fund: { ticker, name: parsed.fundName.slice(0, 160), tracks: 'holdings', kind: 'etf', holdings, asOf: parsed.asOf, publisher: 'iShares (BlackRock)' } };
  }
  throw new ReferenceFileError(`${fileName} is not a fund holdings file from iShares (.csv), SPDR (.xlsx) or Invesco (.csv).`);
}

function parseFundFile(parse: () => FundHoldingsFile): FundHoldingsFile {
  try {
    return parse();
  } catch (error) {
    if (error instanceof FundFileFormatError) throw new ReferenceFileError(error.message);
    throw error;
  }
}

function fromFundFile(file: FundHoldingsFile, fileName: string): ReferenceFile {
  if (file.fund.toUpperCase() === 'SPY') return { kind: 'spdr-index', index: 'sp500', holdings: file, file: fileName };
  const equity = file.rows.filter((r) => r.isEquity && r.weightPct !== null && r.weightPct > 0);
  const holdings = mergeHoldings(equity.map((r) => ({ ticker: normaliseTicker(r.ticker), weight: r.weightPct! / 100 })));
  if (holdings.length === 0) throw new ReferenceFileError(`${fileName}: the fund holds no stocks Breadth can read.`);
  return {
    kind: 'fund',
    file: fileName,
    fund: { ticker: file.fund.toUpperCase(), name: file.fundName.slice(0, 160), tracks: 'holdings', kind: 'etf', holdings, asOf: file.asOf, publisher: file.publisher },
  };
}

/** Share classes listed twice, weights a hair over 1 from rounding: one line per ticker, Σ ≤ 1. */
function mergeHoldings(rows: { ticker: string | null; weight: number }[]): { ticker: string; weight: number }[] {
  const byTicker = new Map<string, number>();
  for (const r of rows) if (r.ticker && r.weight > 0) byTicker.set(r.ticker, (byTicker.get(r.ticker) ?? 0) + r.weight);
  const total = [...byTicker.values()].reduce((s, w) => s + w, 0);
  const scale = total > 1 ? 1 / total : 1;
  return [...byTicker].map(([ticker, weight]) => ({ ticker, weight: Number((weight * scale).toPrecision(10)) }));
}

/** Applies one file to the current state: the next state (validated) and what changed. */
export function applyReferenceFile(current: ReferenceState, file: ReferenceFile, importedAt: Date): { state: ReferenceState; change: ReferenceChange } {
  const before = referenceFromState(current);
  let snapshot = current.snapshot;
  let funds = current.funds;
  let what: string;
  let fromAsOf: string | null;
  let toAsOf: string;
  let added: string[] = [];
  let removed: string[] = [];
  const leftOut: string[] = [];
  if (file.kind === 'fund') {
    const previous = current.funds.find((f) => f.ticker === file.fund.ticker);
    what = `${file.fund.ticker} (${file.fund.name}) for look-through`;
    fromAsOf = previous?.asOf ?? null;
    toAsOf = file.fund.asOf ?? importedAt.toISOString().slice(0, 10);
    const old = new Set(previous?.holdings?.map((h) => h.ticker) ?? []);
    const now = new Set(file.fund.holdings?.map((h) => h.ticker) ?? []);
    added = previous ? [...now].filter((t) => !old.has(t)) : [];
    removed = [...old].filter((t) => !now.has(t));
    funds = [...current.funds.filter((f) => f.ticker !== file.fund.ticker), file.fund];
  } else {
    const index = file.index;
    const names = new Map(current.snapshot.constituents.map((c) => [c.ticker, c.name]));
    let read: { source: ReferenceSource; constituents: Constituent[] };
    if (file.kind === 'index') {
      try {
        read = readIndexSource({ index, fund: file.fund, file: file.file, text: file.text }, names);
      } catch (error) {
        throw new ReferenceFileError(`${file.file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      what = `${INDEX_LABELS[index]} from iShares ${file.fund}`;
    } else {
      read = spdrIndexSource(file, current.snapshot, leftOut);
      what = `${INDEX_LABELS[index]} from SPDR SPY`;
    }
    const previous = current.snapshot.sources.find((s) => s.index === index);
    fromAsOf = previous?.asOf ?? null;
    toAsOf = read.source.asOf;
    const oldTickers = new Set(current.snapshot.constituents.filter((c) => c.index === index).map((c) => c.ticker));
    const newTickers = new Set(read.constituents.map((c) => c.ticker));
    added = [...newTickers].filter((t) => !oldTickers.has(t));
    removed = [...oldTickers].filter((t) => !newTickers.has(t));
    // A company that moved up (S&P 400 → 500) now belongs to the refreshed index only.
    const constituents = [...current.snapshot.constituents.filter((c) => c.index !== index && !newTickers.has(c.ticker)), ...read.constituents];
    const order: IndexId[] = ['sp500', 'sp400', 'sp600'];
    const sources = [...current.snapshot.sources.filter((s) => s.index !== index), read.source].sort((a, b) => order.indexOf(a.index) - order.indexOf(b.index));
    const asOf = sources.map((s) => s.asOf).sort()[0]!;
    snapshot = { schema: 'breadth.reference/v1', asOf, sources, constituents };
  }
  const draft = { schema: REFERENCE_STATE_SCHEMA_ID, importedAt: importedAt.toISOString(), change: '', snapshot, funds } as const;
  const after = referenceFromState(ReferenceStateSchema.parse({ ...draft, change: '-' }));
  const topTenBefore = before.topTen.map((i) => i.name);
  const topTenAfter = after.topTen.map((i) => i.name);
  const list = (xs: string[]) => (xs.length <= 6 ? xs.join(', ') : `${xs.slice(0, 6).join(', ')} and ${xs.length - 6} more`);
  const parts = [`${what}: ${fromAsOf ? `${fromAsOf} → ${toAsOf}` : `as of ${toAsOf}`}`];
  if (added.length) parts.push(`${added.length} added (${list(added)})`);
  if (removed.length) parts.push(`${removed.length} removed (${list(removed)})`);
  const entered = topTenAfter.filter((n) => !topTenBefore.includes(n));
  const left = topTenBefore.filter((n) => !topTenAfter.includes(n));
  if (entered.length || left.length) parts.push(`top 10: ${[...entered.map((n) => `+${n}`), ...left.map((n) => `−${n}`)].join(', ')}`);
  else if (topTenBefore.join() !== topTenAfter.join()) parts.push('top 10: same companies, new order');
  if (leftOut.length) parts.push(`left out: ${list(leftOut)}`);
  const summary = parts.join('; ');
  const state = ReferenceStateSchema.parse({ ...draft, change: summary.slice(0, 600) });
  return { state, change: { what, fromAsOf, toAsOf, added, removed, topTenBefore, topTenAfter, leftOut, summary } };
}

/** S&P 500 constituents from SPY's weights, with sectors and company names from the current data. */
function spdrIndexSource(file: Extract<ReferenceFile, { kind: 'spdr-index' }>, current: ReferenceSnapshot, leftOut: string[]): { source: ReferenceSource; constituents: Constituent[] } {
  const known = new Map(current.constituents.map((c) => [c.ticker, c]));
  const rows: { ticker: string; name: string; weightPct: number }[] = [];
  for (const r of file.holdings.rows) {
    const ticker = normaliseTicker(r.ticker);
    if (!r.isEquity || !ticker || r.weightPct === null || r.weightPct <= 0) continue;
    if (!known.has(ticker)) {
      leftOut.push(`${ticker} (no sector known: import IVV's file from iShares to include it)`);
      continue;
    }
    rows.push({ ticker, name: r.name, weightPct: r.weightPct });
  }
  if (rows.length < 400) throw new ReferenceFileError(`${file.file}: only ${rows.length} S&P 500 companies could be matched; not enough to refresh the index.`);
  const total = rows.reduce((s, r) => s + r.weightPct, 0);
  const constituents = rows.map((r) => {
    const k = known.get(r.ticker)!;
    return {
      ticker: r.ticker,
      issuer: k.issuer || issuerKeyFromName(r.name),
      name: k.name || titleCase(r.name),
      sector: k.sector,
      index: 'sp500' as const,
      weight: Number((r.weightPct / total).toPrecision(10)),
      publishedWeightPct: r.weightPct,
    };
  });
  return {
    source: {
      index: 'sp500',
      fund: 'SPY',
      publisher: 'SPDR (State Street)',
      file: file.file.slice(0, 200),
      asOf: file.holdings.asOf,
      layout: 'spdr-xlsx',
      publishedWeightSumPct: Number(total.toPrecision(10)),
    },
    constituents,
  };
}
