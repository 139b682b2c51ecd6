/**
 * The reference the engine reads: the bundled snapshot (or a later refreshed one) indexed for
 * look-ups. Weights are per index and sum to 1; issuers merge share classes.
 */
import snapshotJson from './snapshot.json';
import { FUND_MAP } from './funds';
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
}

export type SymbolMatch =
  | { kind: 'stock'; ticker: string; constituent: Constituent; issuer: Issuer }
  | { kind: 'fund'; ticker: string; fund: Fund };

export function buildReference(snapshot: ReferenceSnapshot, funds: readonly Fund[] = FUND_MAP): Reference {
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
  const fundTickers = [...new Set(snapshot.sources.map((s) => s.fund))].join(', ');
  return {
    snapshot,
    asOf: snapshot.asOf,
    sourceLabel: `iShares ${fundTickers} holdings as of ${snapshot.asOf}`,
    byTicker,
    issuers,
    issuersByIndex,
    topTen,
    topTenKeys: new Set(topTen.map((i) => i.key)),
    sp500Sectors,
    funds: new Map(funds.map((f) => [f.ticker, f])),
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
