/**
 * The reference the engine reads: the bundled snapshot (or a later refreshed one) indexed for
 * look-ups. Weights are per index and sum to 1; issuers merge share classes.
 */
import snapshotJson from './snapshot.json';
import fundHoldingsJson from './fund-holdings.json';
import { FUND_MAP } from './funds';
import { FUND_CATALOG, type CatalogFund } from './fund-catalog';
import { bundledDirectory, type SecurityDirectory } from './directory';
import { FundHoldingsFileSchema, type BundledFundHoldings } from '../schema/fund-holdings';
import {
  INDEX_LABELS,
  ReferenceSnapshotSchema,
  type Constituent,
  type Fund,
  type IndexId,
  type ReferenceSnapshot,
  type Sector,
} from '../schema/reference';
import { normaliseTicker } from './tickers';

/** The S&P 500's largest issuers that count as "the top 10". */
export const TOP_TEN_COUNT = 10;

export interface Issuer {
  key: string;
  name: string;
  index: IndexId;
  sector: Sector;
  /** Sum of its share classes' weights in its index. */
  weight: number;
  tickers: string[];
}

export interface Reference {
  snapshot: ReferenceSnapshot;
  asOf: string;
  /** "iShares IVV, IJH, IJR holdings as of 2026-06-19". */
  sourceLabel: string;
  byTicker: ReadonlyMap<string, Constituent>;
  issuers: ReadonlyMap<string, Issuer>;
  /** Issuers of each index, largest first. */
  issuersByIndex: Readonly<Record<IndexId, readonly Issuer[]>>;
  /** The S&P 500's ten largest issuers, largest first. */
  topTen: readonly Issuer[];
  topTenKeys: ReadonlySet<string>;
  /** S&P 500 weight of each GICS sector. */
  sp500Sectors: ReadonlyMap<Sector, number>;
  funds: ReadonlyMap<string, Fund>;
  /** Look-through of every `holdings` fund, by fund ticker. */
  fundLookThrough: ReadonlyMap<string, FundLookThrough>;
  /** What every US-listed symbol and fund share class is (bundled security directory). */
  directory: SecurityDirectory;
  /** The most-held funds Breadth ships holdings for (fund-catalog.ts), by ticker. */
  catalog: ReadonlyMap<string, CatalogFund>;
  /**
   * The listed fund (index fund map or catalog) whose SEC series a share class belongs to
   * (VTSAX → VTI, VFFSX → VOO), so every class of a known fund is that fund.
   */
  fundOfSeries(series: string): string | undefined;
  /** The index data's own source per index (publisher, fund, as-of), for "seen through" lines. */
  indexSource(index: IndexId): ReferenceSnapshot['sources'][number] | undefined;
  /** Bundled published holdings (fund-holdings.json), by id (`VTI`, `NDX`). */
  bundledHoldings: ReadonlyMap<string, BundledFundHoldings>;
  /** Look-through of one bundled holdings file against this reference; computed once per id. */
  bundledLookThrough(id: string): FundLookThrough | null;
}

/**
 * A `holdings` fund seen through: its weight in each reference issuer, in stocks outside the
 * reference, and what is left (cash, futures and other non-stock lines of the fund).
 */
export interface FundLookThrough {
  issuers: readonly { issuer: Issuer; weight: number }[];
  otherEquity: readonly { ticker: string; weight: number }[];
  rest: number;
  /** Σ weight of the top-10 issuers. */
  topTen: number;
  /** Weight of each top-10 issuer in the fund, by issuer name. */
  topTenByIssuer: Readonly<Record<string, number>>;
}

export type SymbolMatch =
  | { kind: 'stock'; ticker: string; constituent: Constituent; issuer: Issuer }
  | { kind: 'fund'; ticker: string; fund: Fund };

export interface ReferenceExtras {
  directory?: SecurityDirectory;
  bundledHoldings?: readonly BundledFundHoldings[];
  catalog?: readonly CatalogFund[];
}

export function buildReference(snapshot: ReferenceSnapshot, funds: readonly Fund[] = FUND_MAP, extras: ReferenceExtras = {}): Reference {
  const byTicker = new Map<string, Constituent>();
  const issuers = new Map<string, Issuer>();
  for (const c of snapshot.constituents) {
    byTicker.set(c.ticker, c);
    const issuer = issuers.get(c.issuer);
    if (issuer) {
      issuer.weight += c.weight;
      issuer.tickers.push(c.ticker);
    } else {
      issuers.set(c.issuer, { key: c.issuer, name: c.name, index: c.index, sector: c.sector, weight: c.weight, tickers: [c.ticker] });
    }
  }
  const byWeight = (a: Issuer, b: Issuer) => b.weight - a.weight || a.key.localeCompare(b.key);
  const issuersByIndex = { sp500: [] as Issuer[], sp400: [] as Issuer[], sp600: [] as Issuer[] };
  for (const issuer of issuers.values()) issuersByIndex[issuer.index].push(issuer);
  for (const list of Object.values(issuersByIndex)) list.sort(byWeight);
  const topTen = issuersByIndex.sp500.slice(0, TOP_TEN_COUNT);
  const sp500Sectors = new Map<Sector, number>();
  for (const issuer of issuersByIndex.sp500) sp500Sectors.set(issuer.sector, (sp500Sectors.get(issuer.sector) ?? 0) + issuer.weight);
  const topTenKeys = new Set(topTen.map((i) => i.key));
  const directory = extras.directory ?? bundledDirectory();
  const bundledHoldings = new Map((extras.bundledHoldings ?? bundledFundHoldings()).map((f) => [f.id, f]));
  const catalog = new Map((extras.catalog ?? FUND_CATALOG).map((f) => [f.ticker, f]));
  // Built on first use: the worker's start-up pays only for what an audit needs.
  let seriesOwners: Map<string, string> | undefined;
  const seriesIndex = () => {
    if (!seriesOwners) {
      seriesOwners = new Map();
      for (const ticker of [...funds.map((f) => f.ticker), ...catalog.keys()]) {
        const series = directory.lookup(ticker)?.series;
        if (series && !seriesOwners.has(series)) seriesOwners.set(series, ticker);
      }
    }
    return seriesOwners;
  };
  const seen = new Map<string, FundLookThrough>();
  return {
    snapshot,
    asOf: snapshot.asOf,
    sourceLabel: sourceLabel(snapshot),
    byTicker,
    issuers,
    issuersByIndex,
    topTen,
    topTenKeys: new Set(topTen.map((i) => i.key)),
    sp500Sectors,
    funds: new Map(funds.map((f) => [f.ticker, f])),
    fundLookThrough: new Map(
      funds.flatMap((f) => (f.tracks === 'holdings' && f.holdings ? [[f.ticker, lookThrough(f.holdings, byTicker, issuers, topTenKeys)] as const] : [])),
    ),
    directory,
    catalog,
    fundOfSeries: (series) => seriesIndex().get(series),
    indexSource: (index) => snapshot.sources.find((x) => x.index === index),
    bundledHoldings,
    bundledLookThrough(id) {
      const cached = seen.get(id);
      if (cached) return cached;
      const file = bundledHoldings.get(id);
      if (!file) return null;
      const result = lookThrough(file.holdings.map(([ticker, pct]) => ({ ticker, weight: pct / 100 })), byTicker, issuers, topTenKeys);
      seen.set(id, result);
      return result;
    },
  };
}

let bundledFunds: readonly BundledFundHoldings[] | undefined;
/** The fund holdings shipped with this build, parsed with their schema once. */
export function bundledFundHoldings(): readonly BundledFundHoldings[] {
  bundledFunds ??= FundHoldingsFileSchema.parse(fundHoldingsJson).funds;
  return bundledFunds;
}

/**
 * "iShares IVV, IJH, IJR holdings as of 2026-06-19"; after a partial refresh each source carries its
 * own date and publisher: "SPDR SPY (2026-11-20), iShares IJH (2026-06-19), IJR (2026-06-19) …".
 */
function sourceLabel(snapshot: ReferenceSnapshot): string {
  const sameDate = new Set(snapshot.sources.map((s) => s.asOf)).size <= 1;
  let lastPublisher = '';
  const parts = snapshot.sources.map((s) => {
    const publisher = s.publisher.split(' ')[0]!;
    const text = `${publisher === lastPublisher ? '' : `${publisher} `}${s.fund}${sameDate ? '' : ` (${s.asOf})`}`;
    lastPublisher = publisher;
    return text;
  });
  return `${parts.join(', ')} holdings as of ${snapshot.asOf}`;
}

function lookThrough(
  holdings: NonNullable<Fund['holdings']>,
  byTicker: ReadonlyMap<string, Constituent>,
  issuers: ReadonlyMap<string, Issuer>,
  topTenKeys: ReadonlySet<string>,
): FundLookThrough {
  const byIssuer = new Map<string, number>();
  const otherEquity: { ticker: string; weight: number }[] = [];
  let total = 0;
  for (const h of holdings) {
    total += h.weight;
    const constituent = byTicker.get(h.ticker);
    if (constituent) byIssuer.set(constituent.issuer, (byIssuer.get(constituent.issuer) ?? 0) + h.weight);
    else otherEquity.push({ ticker: h.ticker, weight: h.weight });
  }
  const list = [...byIssuer].map(([key, weight]) => ({ issuer: issuers.get(key)!, weight }));
  return {
    issuers: list,
    otherEquity,
    rest: Math.max(0, 1 - total),
    topTen: list.filter((x) => topTenKeys.has(x.issuer.key)).reduce((s, x) => s + x.weight, 0),
    topTenByIssuer: Object.fromEntries(list.filter((x) => topTenKeys.has(x.issuer.key)).map((x) => [x.issuer.name, x.weight])),
  };
}

/** Finds a shown symbol among the constituents and the fund map. */
export function matchSymbol(reference: Reference, shown: string): SymbolMatch | null {
  const ticker = normaliseTicker(shown);
  return ticker ? matchTicker(reference, ticker) : null;
}

/** Same, for a ticker already in canonical form. */
export function matchTicker(reference: Reference, ticker: string): SymbolMatch | null {
  const fund = reference.funds.get(ticker);
  if (fund) return { kind: 'fund', ticker, fund };
  const constituent = reference.byTicker.get(ticker);
  if (!constituent) return null;
  return { kind: 'stock', ticker, constituent, issuer: reference.issuers.get(constituent.issuer)! };
}

export { INDEX_LABELS };

let bundled: Reference | undefined;
/** The snapshot shipped with this build, parsed with its schema once. */
export function bundledReference(): Reference {
  bundled ??= buildReference(ReferenceSnapshotSchema.parse(snapshotJson));
  return bundled;
}
