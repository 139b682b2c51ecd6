/**
 * Turns published fund holdings (issuer downloads, or tables derived from them) into the bundled
 * look-through rows: stock rows only, canonical tickers, weights in %. Pure, so the generator and
 * its canonical test share it.
 *
 * Quirks handled (see ../shared/reference/funds/PROVENANCE.md): SPDR spreadsheet footers come
 * through as rows with ticker `NAN`/`-` and weight 0; cash, collateral and futures lines are not
 * stocks; iShares tickers drop the class dot (`BRKB`); iShares and Vanguard round weights to
 * 0.01 %, so a total-market fund's tail of ~2,000 names reads 0.00 % and the file sums to ~98 %.
 */
import type { BundledFundHoldings } from '../schema/fund-holdings';
import { normaliseTicker } from './tickers';

export interface PublishedRow {
  ticker: string;
  name: string;
  /** % of the fund. */
  weight: number;
  /** What the file says the row is, when it says (`Cash and/or Derivatives`, `Equity`). */
  kind?: string;
}

/** Lines that are not stocks: cash, collateral, futures, money-market sweeps, currency. */
const NOT_A_STOCK_NAME = /\b(CASH|COLLATERAL|E-?MINI|MONEY MARKET|U\.?S\.? DOLLAR|USD|CURRENCY|FX|SWAP|TREASURY BILL|ACCRUAL|CVR|WARRANTS?|RIGHTS?)\b|\b(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d{2}\b/i;
const NOT_A_STOCK_KIND = /cash|derivative|future|money market/i;
/** A published weight of 0.00 % means below 0.005 %: the largest a rounded-away holding can be. */
const ROUNDING_LIMIT_PCT = 0.005;

export function isStockRow(row: PublishedRow): boolean {
  if (row.kind && NOT_A_STOCK_KIND.test(row.kind)) return false;
  if (NOT_A_STOCK_NAME.test(row.name)) return false;
  const ticker = normaliseTicker(row.ticker);
  return ticker !== null && ticker !== 'NAN' && ticker !== 'USD';
}

/**
 * Stock rows with their weights. Where the published stock weights fall short of 100 % minus the
 * non-stock lines and some stocks read 0.00 %, the shortfall is spread evenly over those stocks (at
 * most 0.005 % each: what rounding to 0.00 hid); anything beyond stays unassigned (cash).
 */
export function lookThroughRows(rows: readonly PublishedRow[]): [string, number][] {
  const byTicker = new Map<string, number>();
  let nonStock = 0;
  for (const row of rows) {
    if (!(row.weight >= 0)) continue;
    if (!isStockRow(row)) {
      nonStock += row.weight;
      continue;
    }
    const ticker = normaliseTicker(row.ticker)!;
    byTicker.set(ticker, (byTicker.get(ticker) ?? 0) + row.weight);
  }
  const stockSum = [...byTicker.values()].reduce((s, w) => s + w, 0);
  const rounded = [...byTicker].filter(([, w]) => w === 0).map(([t]) => t);
  const shortfall = 100 - nonStock - stockSum;
  if (shortfall > 0 && rounded.length > 0) {
    const each = Math.min(ROUNDING_LIMIT_PCT, shortfall / rounded.length);
    for (const t of rounded) byTicker.set(t, each);
  }
  return [...byTicker]
    .filter(([, w]) => w > 0)
    .map(([t, w]) => [t, Number(w.toFixed(6))] as [string, number])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Σ weights in % (for the canonical test and the sources line). */
export function weightSum(fund: Pick<BundledFundHoldings, 'holdings'>): number {
  return fund.holdings.reduce((s, [, w]) => s + w, 0);
}
