import type { Fund } from '../schema/reference';

/**
 * Which funds track which index, for look-through. Facts from each fund's prospectus name/index.
 * A fund not listed here is "unresolved": its value lowers `coverage` instead of being guessed.
 */
export const FUND_MAP: readonly Fund[] = Object.freeze([
  // S&P 500 (cap-weighted)
  { ticker: 'VOO', name: 'Vanguard S&P 500 ETF', tracks: 'sp500', kind: 'etf' },
  { ticker: 'IVV', name: 'iShares Core S&P 500 ETF', tracks: 'sp500', kind: 'etf' },
  { ticker: 'SPY', name: 'SPDR S&P 500 ETF Trust', tracks: 'sp500', kind: 'etf' },
  { ticker: 'SPLG', name: 'SPDR Portfolio S&P 500 ETF (former ticker)', tracks: 'sp500', kind: 'etf' },
  { ticker: 'SPYM', name: 'State Street SPDR Portfolio S&P 500 ETF', tracks: 'sp500', kind: 'etf' },
  { ticker: 'FXAIX', name: 'Fidelity 500 Index Fund', tracks: 'sp500', kind: 'mutual-fund' },
  { ticker: 'VFIAX', name: 'Vanguard 500 Index Fund Admiral Shares', tracks: 'sp500', kind: 'mutual-fund' },
  { ticker: 'VFINX', name: 'Vanguard 500 Index Fund Investor Shares', tracks: 'sp500', kind: 'mutual-fund' },
  { ticker: 'SWPPX', name: 'Schwab S&P 500 Index Fund', tracks: 'sp500', kind: 'mutual-fund' },
  // S&P MidCap 400
  { ticker: 'IJH', name: 'iShares Core S&P Mid-Cap ETF', tracks: 'sp400', kind: 'etf' },
  { ticker: 'MDY', name: 'SPDR S&P MidCap 400 ETF Trust', tracks: 'sp400', kind: 'etf' },
  { ticker: 'IVOO', name: 'Vanguard S&P Mid-Cap 400 ETF', tracks: 'sp400', kind: 'etf' },
  { ticker: 'SPMD', name: 'SPDR Portfolio S&P 400 Mid Cap ETF', tracks: 'sp400', kind: 'etf' },
  // S&P SmallCap 600
  { ticker: 'IJR', name: 'iShares Core S&P Small-Cap ETF', tracks: 'sp600', kind: 'etf' },
  { ticker: 'SLY', name: 'SPDR S&P 600 Small Cap ETF', tracks: 'sp600', kind: 'etf' },
  { ticker: 'VIOO', name: 'Vanguard S&P Small-Cap 600 ETF', tracks: 'sp600', kind: 'etf' },
  { ticker: 'SPSM', name: 'SPDR Portfolio S&P 600 Small Cap ETF', tracks: 'sp600', kind: 'etf' },
  // S&P 500 Equal Weight
  { ticker: 'RSP', name: 'Invesco S&P 500 Equal Weight ETF', tracks: 'sp500-equal', kind: 'etf' },
]);
