/**
 * What one row is. The definitions here are the README glossary's "Holding categories".
 *
 * Order of evidence, most certain first: the reader's own row kind and cash markers; the shape of
 * the symbol (CUSIP, option); the index data (a stock of the S&P 1500); the index fund map and any
 * fund file the user imported; the fund catalog (the most-held funds), by ticker and then by SEC
 * series (every share class of a known fund is that fund); the security directory (what every
 * US-listed symbol and fund class is); the row's description. A symbol none of them knows is
 * `unrecognised` — never assumed to be a stock.
 */
import type { RawHolding } from '../schema/holdings';
import type { SeenThrough } from '../schema/audit';
import type { Fund, IndexId } from '../schema/reference';
import { INDEX_LABELS, type FundLookThrough, type Issuer, type Reference } from '../reference';
import { assetClassFromName, type FundAssetClass } from '../reference/fund-names';
import { hasCashMarker, isCusip, isOptionSymbol, normaliseTicker } from '../reference/tickers';

/** How a seen-through fund's value spreads: over an index's issuers, or over published holdings. */
export type FundView =
  | { kind: 'index'; tracks: 'sp500' | 'sp400' | 'sp600' | 'sp500-equal' }
  | { kind: 'holdings'; lookThrough: FundLookThrough };

export type Classified =
  | { kind: 'excluded'; reason: string }
  | { kind: 'cash'; reason?: string }
  | { kind: 'nonEquity'; reason: string; name?: string }
  | { kind: 'stock'; ticker: string; issuer: Issuer }
  | { kind: 'fund'; ticker: string; name: string; view: FundView; seenThrough: SeenThrough }
  | { kind: 'international'; ticker: string; name?: string; reason: string }
  | { kind: 'otherEquity'; ticker: string; reason: string }
  | { kind: 'unresolvedFund'; ticker: string; name?: string; reason: string }
  | { kind: 'unrecognised'; ticker: string; reason: string };

/**
 * Cash codes brokerages show for their core or sweep position that are not fund tickers (Fidelity's
 * `FCASH`/`CORE`, Merrill's bank deposit `QACDS`). Money-market funds themselves are recognised by
 * what they are (directory, the `…XX` symbol convention, the description), not listed here.
 */
const BROKERAGE_CASH_CODES: ReadonlySet<string> = new Set(['FCASH', 'CORE', 'QACDS']);
/** NASD's convention: five-letter fund symbols ending in XX are money-market funds. */
const MONEY_MARKET_SYMBOL = /^[A-Z]{3}XX$/;

const CASH_TEXT = /^(cash|cash & cash investments|cash and cash investments|cash and money market|core position|money market|held in money market|sweep|us dollars?|usd)\b/i;
const PENDING_TEXT = /\bpending activity\b/i;
const FUND_TEXT = /\b(ETF|FUND|FUNDS|INDEX|TRUST|PORTFOLIO|ISHARES|SPDR|VANGUARD|INVESCO|ADMIRAL|INSTITUTIONAL|INVESTOR SHARES)\b/i;
const CRYPTO_TEXT = /\b(BITCOIN|ETHEREUM|CRYPTO|LITECOIN|SOLANA|DOGECOIN)\b/i;
/** Brokerages describe option contracts as "CALL APPLE INC $300 EXP 01/15/27". */
const OPTION_TEXT = /^(CALL|PUT)\b.*\bEXP\b/i;
const BOND_TEXT = /\b(BOND|BILL|NOTE|TREAS|TREASURY|CD|CERTIFICATE OF DEPOSIT|MUNI|MUNICIPAL|DEBENTURE|COUPON)\b/i;

export function classify(holding: RawHolding, reference: Reference): Classified {
  const shown = holding.symbol?.trim() ?? '';
  const description = holding.description?.trim() ?? '';
  if (holding.rowKind === 'pending' || PENDING_TEXT.test(shown) || PENDING_TEXT.test(description)) {
    return { kind: 'excluded', reason: 'pending activity is not a holding' };
  }
  if (holding.rowKind === 'cash' || (shown && hasCashMarker(shown))) return { kind: 'cash' };
  if (!shown) return byDescriptionOnly(description);
  if (isCusip(shown)) return { kind: 'nonEquity', reason: 'CUSIP-only line (bond, bill or CD)' };
  if (isOptionSymbol(shown) || OPTION_TEXT.test(description)) return { kind: 'nonEquity', reason: 'option' };
  const ticker = normaliseTicker(shown);
  // "CASH" is also a ticker (Pathward Financial): a bare CASH line without a name or a quantity is cash.
  const looksLikeCash = CASH_TEXT.test(description) || (CASH_TEXT.test(shown) && (!description || holding.quantity == null));
  if (looksLikeCash) return { kind: 'cash' };
  if (!ticker) {
    if (CASH_TEXT.test(shown)) return { kind: 'cash' };
    return { kind: 'nonEquity', reason: 'not a ticker' };
  }
  if (BROKERAGE_CASH_CODES.has(ticker)) return { kind: 'cash', reason: "the brokerage's cash position" };
  const known = knownFund(reference, ticker, 'own');
  if (known) return known;
  const constituent = reference.byTicker.get(ticker);
  if (constituent) return { kind: 'stock', ticker, issuer: reference.issuers.get(constituent.issuer)! };
  return byDirectory(reference, ticker, description);
}

/** A fund Breadth sees through, by ticker (index map, imported file, catalog). */
function knownFund(reference: Reference, ticker: string, relation: SeenThrough['relation']): Classified | null {
  const fund = reference.funds.get(ticker);
  if (fund) return fundFromMap(reference, ticker, fund, relation);
  return catalogFund(reference, ticker, relation);
}

/** A fund of the catalog (the most-held funds), seen through its bundled holdings or classified by what it is. */
function catalogFund(reference: Reference, ticker: string, relation: SeenThrough['relation']): Classified | null {
  const entry = reference.catalog.get(ticker);
  if (!entry) return null;
  if (entry.seenThrough) {
    const lookThrough = reference.bundledLookThrough(entry.seenThrough);
    const file = reference.bundledHoldings.get(entry.seenThrough);
    if (lookThrough && file) {
      const own = relation === 'own' && entry.seenThrough === ticker;
      const rel: SeenThrough['relation'] = own ? 'own' : relation === 'share-class' ? 'share-class' : 'same-index';
      const whose = file.kind === 'index' ? `the ${file.name}'s weights` : `${file.id}'s holdings`;
      const why = rel === 'own' ? '' : rel === 'share-class' ? `: a share class of ${entry.ticker}` : `: ${file.kind === 'index' ? 'the index it tracks' : `a fund like ${file.id}`}`;
      return {
        kind: 'fund',
        ticker,
        name: entry.name,
        view: { kind: 'holdings', lookThrough },
        seenThrough: {
          kind: 'holdings',
          source: file.kind === 'index' ? file.name : file.id,
          publisher: file.publisher,
          asOf: file.asOf,
          relation: rel,
          text: `seen through ${whose} (${file.publisher}, ${file.asOf})${why}`,
        },
      };
    }
  }
  return entry.assetClass ? byAssetClass(ticker, entry.assetClass, entry.name) : null;
}

function fundFromMap(reference: Reference, ticker: string, fund: Fund, relation: SeenThrough['relation']): Classified {
  if (fund.tracks === 'holdings') {
    const lookThrough = reference.fundLookThrough.get(fund.ticker);
    if (!lookThrough) return { kind: 'unresolvedFund', ticker, name: fund.name, reason: 'its holdings file could not be read' };
    return {
      kind: 'fund',
      ticker,
      name: fund.name,
      view: { kind: 'holdings', lookThrough },
      seenThrough: {
        kind: 'holdings',
        source: fund.ticker,
        ...(fund.publisher ? { publisher: fund.publisher } : {}),
        asOf: fund.asOf ?? reference.asOf,
        relation: relation === 'share-class' ? 'share-class' : 'own',
        text: `seen through the holdings file you imported (${[fund.publisher, fund.asOf].filter(Boolean).join(', ')})${relation === 'share-class' ? `: a share class of ${fund.ticker}` : ''}`,
      },
    };
  }
  const index: IndexId = fund.tracks === 'sp500-equal' ? 'sp500' : fund.tracks;
  const source = reference.indexSource(index);
  const label = INDEX_LABELS[index];
  return {
    kind: 'fund',
    ticker,
    name: fund.name,
    view: { kind: 'index', tracks: fund.tracks },
    seenThrough: {
      kind: 'index',
      source: fund.tracks === 'sp500-equal' ? `${label} (equal weight)` : label,
      ...(source ? { publisher: `${source.publisher.split(' ')[0]} ${source.fund}` } : {}),
      asOf: source?.asOf ?? reference.asOf,
      relation: relation === 'share-class' ? 'share-class' : 'same-index',
      text:
        `seen through the ${label}${fund.tracks === 'sp500-equal' ? ' at equal weights' : "'s weights"}` +
        (source ? ` (${source.publisher.split(' ')[0]} ${source.fund}, ${source.asOf})` : '') +
        (relation === 'share-class' ? `: a share class of ${fund.ticker}` : ''),
    },
  };
}

/** Not a known stock or fund: what the security directory and the description say it is. */
function byDirectory(reference: Reference, ticker: string, description: string): Classified {
  const info = reference.directory.lookup(ticker);
  if (info?.series) {
    const owner = reference.fundOfSeries(info.series);
    if (owner && owner !== ticker) {
      const sibling = knownFund(reference, owner, 'share-class');
      // The class's own name where the row gives one; the fund's name, marked as another class, otherwise.
      const name = description || `${(sibling && 'name' in sibling && sibling.name) || owner} (another share class)`;
      if (sibling) return retick({ ...sibling, ...('name' in sibling ? { name } : {}) } as Classified, ticker);
    }
  }
  const fromDescription = description ? assetClassFromName(description) : null;
  if (info) {
    switch (info.type) {
      case 'company':
        // A fund the directory files as a company is still a fund when its row says so (rare: ETNs, old listings).
        if (fromDescription && fromDescription !== 'us-equity' && FUND_TEXT.test(description)) return byAssetClass(ticker, fromDescription, info.name);
        return { kind: 'otherEquity', ticker, reason: 'listed company outside the S&P 1500' };
      case 'etn':
        return { kind: 'nonEquity', reason: "exchange-traded note (a bank's debt)", name: info.name };
      case 'other':
        return { kind: 'nonEquity', reason: 'preferred share, warrant, right or unit', name: info.name };
      case 'trust':
        return byAssetClass(ticker, info.assetClass ?? fromDescription ?? 'commodity', info.name);
      default:
        if (MONEY_MARKET_SYMBOL.test(ticker)) return { kind: 'cash', reason: 'money-market fund' };
        return byAssetClass(ticker, info.assetClass ?? fromDescription ?? 'other', info.name);
    }
  }
  if (MONEY_MARKET_SYMBOL.test(ticker) || fromDescription === 'money-market') return { kind: 'cash', reason: 'money-market fund' };
  if (CRYPTO_TEXT.test(description) || ['BTC', 'ETH', 'SOL', 'DOGE', 'LTC'].includes(ticker)) return { kind: 'nonEquity', reason: 'crypto' };
  // Not in the directory: a fund the row describes is classified by its description; a bare
  // symbol is never guessed to be a stock.
  if (fromDescription && FUND_TEXT.test(description)) return byAssetClass(ticker, fromDescription);
  return { kind: 'unrecognised', ticker, reason: 'not in the security directory' };
}

function retick(c: Classified, ticker: string): Classified {
  return 'ticker' in c ? ({ ...c, ticker } as Classified) : c;
}

/** What a fund Breadth cannot see through is, by its asset class. */
export function byAssetClass(ticker: string, assetClass: FundAssetClass, name?: string): Classified {
  const named = name ? { name } : {};
  switch (assetClass) {
    case 'international-equity':
      return { kind: 'international', ticker, ...named, reason: 'stock fund investing outside the US' };
    case 'bond':
      return { kind: 'nonEquity', reason: 'bond fund', ...named };
    case 'money-market':
      return { kind: 'cash', reason: 'money-market fund' };
    case 'commodity':
      return { kind: 'nonEquity', reason: 'commodity fund or trust', ...named };
    case 'crypto':
      return { kind: 'nonEquity', reason: 'crypto fund or trust', ...named };
    case 'allocation':
      return { kind: 'unresolvedFund', ticker, ...named, reason: 'target-date or balanced fund, not split yet' };
    case 'global-equity':
      return { kind: 'unresolvedFund', ticker, ...named, reason: 'world stock fund, US and abroad' };
    case 'leveraged':
      return { kind: 'unresolvedFund', ticker, ...named, reason: 'leveraged or inverse fund' };
    case 'us-equity':
      return { kind: 'unresolvedFund', ticker, ...named, reason: 'US stock fund without a holdings file' };
    default:
      return { kind: 'unresolvedFund', ticker, ...named, reason: 'fund without a holdings file' };
  }
}

/** A row with no symbol: a 401(k) or 529 fund known only by its name, a cash line, a bond. */
function byDescriptionOnly(description: string): Classified {
  if (CASH_TEXT.test(description)) return { kind: 'cash' };
  const assetClass = assetClassFromName(description);
  const label = description.slice(0, 60);
  if (assetClass && (FUND_TEXT.test(description) || assetClass !== 'us-equity')) return byAssetClass(label, assetClass, description);
  if (BOND_TEXT.test(description)) return { kind: 'nonEquity', reason: 'bond or note without a symbol' };
  if (FUND_TEXT.test(description)) return { kind: 'unresolvedFund', ticker: label, name: description, reason: 'fund known only by its name' };
  return { kind: 'nonEquity', reason: 'no symbol' };
}
