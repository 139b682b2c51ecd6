/**
 * What one row is. The definitions here are the README glossary's "Holding categories".
 */
import type { RawHolding } from '../schema/holdings';
import type { Fund } from '../schema/reference';
import { matchTicker, type Issuer, type Reference } from '../reference';
import { hasCashMarker, isCusip, isOptionSymbol, normaliseTicker } from '../reference/tickers';

export type Classified =
  | { kind: 'excluded'; reason: string }
  | { kind: 'cash' }
  | { kind: 'nonEquity'; reason: string }
  | { kind: 'stock'; ticker: string; issuer: Issuer }
  | { kind: 'fund'; ticker: string; fund: Fund }
  | { kind: 'otherEquity'; ticker: string }
  | { kind: 'unresolvedFund'; ticker: string };

/** Money-market funds brokerages use as sweep / core positions: cash, not equity. */
export const MONEY_MARKET_TICKERS: ReadonlySet<string> = new Set([
  'SPAXX', 'FDRXX', 'FZFXX', 'SPRXX', 'FZDXX', 'FDLXX', 'FTEXX', 'FCASH', 'CORE',
  'VMFXX', 'VMMXX', 'VUSXX', 'VMRXX', 'VCTXX',
  'SWVXX', 'SNVXX', 'SNOXX', 'SWGXX', 'SNSXX', 'SUTXX',
  'TTTXX', 'MLCXX', 'IIAXX', 'QACDS',
]);

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
  if (!shown) {
    if (CASH_TEXT.test(description)) return { kind: 'cash' };
    if (BOND_TEXT.test(description)) return { kind: 'nonEquity', reason: 'bond or note without a symbol' };
    // A fund known only by its name (529 portfolios, 401(k) funds): equity-like, but unseen.
    if (FUND_TEXT.test(description)) return { kind: 'unresolvedFund', ticker: description.slice(0, 40) };
    return { kind: 'nonEquity', reason: 'no symbol' };
  }
  if (isCusip(shown)) return { kind: 'nonEquity', reason: 'CUSIP-only line (bond, bill or CD)' };
  if (isOptionSymbol(shown) || OPTION_TEXT.test(description)) return { kind: 'nonEquity', reason: 'option' };
  const ticker = normaliseTicker(shown);
  // "CASH" is also a ticker (Pathward Financial): a bare CASH line without a name or a quantity is cash.
  const looksLikeCash = CASH_TEXT.test(description) || (CASH_TEXT.test(shown) && (!description || holding.quantity == null));
  const match = ticker && !looksLikeCash ? matchTicker(reference, ticker) : null;
  if (match?.kind === 'fund') return { kind: 'fund', ticker: match.ticker, fund: match.fund };
  if (match?.kind === 'stock') return { kind: 'stock', ticker: match.ticker, issuer: match.issuer };
  if (CASH_TEXT.test(shown) || CASH_TEXT.test(description) || (ticker && MONEY_MARKET_TICKERS.has(ticker))) return { kind: 'cash' };
  if (!ticker) return { kind: 'nonEquity', reason: 'not a ticker' };
  if (CRYPTO_TEXT.test(description) || ['BTC', 'ETH', 'SOL', 'DOGE', 'LTC'].includes(ticker)) {
    return { kind: 'nonEquity', reason: 'crypto' };
  }
  // Mutual fund tickers are five letters ending in X; ETFs say so in their names.
  if (/^[A-Z]{4}X$/.test(ticker) || FUND_TEXT.test(description)) return { kind: 'unresolvedFund', ticker };
  return { kind: 'otherEquity', ticker };
}
