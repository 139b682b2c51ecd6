/**
 * The common shape of a fund-holdings file a user downloads from a publisher's site, whatever its
 * format (Invesco CSV, SPDR xlsx), so one refresh path can read either.
 */

export interface FundHoldingsRow {
  /** 1-based line (CSV) or sheet row (xlsx) the holding is on, to say where a problem is. */
  line: number;
  /** Ticker as printed, trimmed (`AAPL`, `BRK.B`); `''` when the file has none (cash rows print `-`). */
  ticker: string;
  name: string;
  /** Sector as printed, null when the file leaves it out (SPDR prints `-` everywhere). */
  sector: string | null;
  /** Weight in percent as published (9.771 means 9.771 %). */
  weightPct: number | null;
  /** Market value in the fund's currency, null when the file has no such column. */
  marketValue: number | null;
  /** A stock held by the fund, not cash, a right, a future or the like. */
  isEquity: boolean;
}

export interface FundHoldingsFile {
  publisher: 'SPDR (State Street)' | 'Invesco';
  /** The fund's ticker (`QQQ`, `SPY`). */
  fund: string;
  fundName: string;
  /** `YYYY-MM-DD`. */
  asOf: string;
  rows: FundHoldingsRow[];
}

/** A file that is not (or not a usable) holdings file; the message is one line for the user. */
export class FundFileFormatError extends Error {
  override name = 'FundFileFormatError';
}
