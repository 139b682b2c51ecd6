/**
 * What the most-held US funds are, for funds the index fund map (funds.ts) does not cover: which
 * bundled holdings file sees each through, or what kind of fund it is when none does. Facts from
 * each fund's name and prospectus objective. Other share classes of these funds are found through
 * the security directory's SEC series (VTSAX → VTI's series), so only one class is listed here.
 *
 * The directory (lib/reference/directory.ts) and the row's description classify every other fund;
 * this list is the part a name alone cannot settle (FSKAX says "Total Market", but which file?).
 */
import type { FundAssetClass } from './fund-names';

export interface CatalogFund {
  ticker: string;
  name: string;
  /** Bundled holdings (lib/reference/fund-holdings.json) that see this fund through. */
  seenThrough?: string;
  /** What the fund is, when no bundled holdings see it through. */
  assetClass?: FundAssetClass;
}

const through = (id: string, entries: readonly (readonly [string, string])[]): CatalogFund[] =>
  entries.map(([ticker, name]) => ({ ticker, name, seenThrough: id }));
const kind = (assetClass: FundAssetClass, entries: readonly (readonly [string, string])[]): CatalogFund[] =>
  entries.map(([ticker, name]) => ({ ticker, name, assetClass }));

/** The Select Sector SPDRs' sectors, as their names say them. */
const SECTOR_SPDR: Record<string, string> = {
  XLB: 'Materials', XLC: 'Communication Services', XLE: 'Energy', XLF: 'Financial', XLI: 'Industrial',
  XLK: 'Technology', XLP: 'Consumer Staples', XLRE: 'Real Estate', XLU: 'Utilities', XLV: 'Health Care',
  XLY: 'Consumer Discretionary',
};

export const FUND_CATALOG: readonly CatalogFund[] = Object.freeze([
  // US total market: CRSP US Total Market, Dow Jones US Total Stock Market, Russell 3000, Fidelity
  // US Total Investable Market — all cap-weighted over ~3,000–4,000 US stocks. ITOT has its own file.
  ...through('VTI', [
    ['VTI', 'Vanguard Total Stock Market ETF'],
    ['FSKAX', 'Fidelity Total Market Index Fund'],
    ['FZROX', 'Fidelity ZERO Total Market Index Fund'],
    ['FSTVX', 'Fidelity Total Market Index Fund (Premium)'],
    ['SWTSX', 'Schwab Total Stock Market Index Fund'],
    ['SCHB', 'Schwab U.S. Broad Market ETF'],
    ['IWV', 'iShares Russell 3000 ETF'],
    ['SPTM', 'SPDR Portfolio S&P 1500 Composite Stock Market ETF'],
    ['VTHR', 'Vanguard Russell 3000 ETF'],
  ]),
  ...through('ITOT', [['ITOT', 'iShares Core S&P Total U.S. Stock Market ETF']]),
  // Nasdaq-100.
  ...through('NDX', [
    ['QQQ', 'Invesco QQQ Trust'],
    ['QQQM', 'Invesco NASDAQ 100 ETF'],
  ]),
  ...through('IWF', [['IWF', 'iShares Russell 1000 Growth ETF']]),
  ...through('IWD', [['IWD', 'iShares Russell 1000 Value ETF']]),
  ...through('IWM', [['IWM', 'iShares Russell 2000 ETF'], ['VTWO', 'Vanguard Russell 2000 ETF']]),
  ...through('VUG', [['VUG', 'Vanguard Growth ETF']]),
  ...through('VTV', [['VTV', 'Vanguard Value ETF']]),
  ...through('VIG', [['VIG', 'Vanguard Dividend Appreciation ETF']]),
  ...through('VYM', [['VYM', 'Vanguard High Dividend Yield ETF']]),
  ...through('VO', [['VO', 'Vanguard Mid-Cap ETF']]),
  ...through('VB', [['VB', 'Vanguard Small-Cap ETF']]),
  ...through('VGT', [['VGT', 'Vanguard Information Technology ETF']]),
  ...through('VNQ', [['VNQ', 'Vanguard Real Estate ETF']]),
  ...through('MTUM', [['MTUM', 'iShares MSCI USA Momentum Factor ETF']]),
  ...through('QUAL', [['QUAL', 'iShares MSCI USA Quality Factor ETF']]),
  ...through('USMV', [['USMV', 'iShares MSCI USA Min Vol Factor ETF']]),
  ...through('VLUE', [['VLUE', 'iShares MSCI USA Value Factor ETF']]),
  ...through('LRGF', [['LRGF', 'iShares U.S. Equity Factor ETF']]),
  ...through('SCHD', [['SCHD', 'Schwab U.S. Dividend Equity ETF']]),
  ...through('SCHG', [['SCHG', 'Schwab U.S. Large-Cap Growth ETF']]),
  ...(['XLB', 'XLC', 'XLE', 'XLF', 'XLI', 'XLK', 'XLP', 'XLRE', 'XLU', 'XLV', 'XLY'] as const).map((t) => ({
    ticker: t,
    name: `${SECTOR_SPDR[t]} Select Sector SPDR Fund`,
    seenThrough: t,
  })),
  // Stock funds outside the US: real equity, outside the US top 10.
  ...kind('international-equity', [
    ['VXUS', 'Vanguard Total International Stock ETF'],
    ['VTIAX', 'Vanguard Total International Stock Index Fund Admiral'],
    ['VEA', 'Vanguard FTSE Developed Markets ETF'],
    ['VWO', 'Vanguard FTSE Emerging Markets ETF'],
    ['VEU', 'Vanguard FTSE All-World ex-US ETF'],
    ['VTMGX', 'Vanguard Developed Markets Index Fund Admiral'],
    ['IEFA', 'iShares Core MSCI EAFE ETF'],
    ['IEMG', 'iShares Core MSCI Emerging Markets ETF'],
    ['IXUS', 'iShares Core MSCI Total International Stock ETF'],
    ['EFA', 'iShares MSCI EAFE ETF'],
    ['EEM', 'iShares MSCI Emerging Markets ETF'],
    ['ACWX', 'iShares MSCI ACWI ex U.S. ETF'],
    ['SCZ', 'iShares MSCI EAFE Small-Cap ETF'],
    ['FTIHX', 'Fidelity Total International Index Fund'],
    ['FZILX', 'Fidelity ZERO International Index Fund'],
    ['FSPSX', 'Fidelity International Index Fund'],
    ['FSGGX', 'Fidelity Global ex U.S. Index Fund'],
    ['SWISX', 'Schwab International Index Fund'],
    ['SCHF', 'Schwab International Equity ETF'],
    ['SCHE', 'Schwab Emerging Markets Equity ETF'],
    ['SPDW', 'SPDR Portfolio Developed World ex-US ETF'],
    ['SPEM', 'SPDR Portfolio Emerging Markets ETF'],
  ]),
  // Bond funds: not equity.
  ...kind('bond', [
    ['BND', 'Vanguard Total Bond Market ETF'],
    ['BNDX', 'Vanguard Total International Bond ETF'],
    ['VBTLX', 'Vanguard Total Bond Market Index Fund Admiral'],
    ['AGG', 'iShares Core U.S. Aggregate Bond ETF'],
    ['IUSB', 'iShares Core Total USD Bond Market ETF'],
    ['FXNAX', 'Fidelity U.S. Bond Index Fund'],
    ['FBND', 'Fidelity Total Bond ETF'],
    ['SCHZ', 'Schwab U.S. Aggregate Bond ETF'],
    ['SWAGX', 'Schwab U.S. Aggregate Bond Index Fund'],
    ['TLT', 'iShares 20+ Year Treasury Bond ETF'],
    ['IEF', 'iShares 7-10 Year Treasury Bond ETF'],
    ['SHY', 'iShares 1-3 Year Treasury Bond ETF'],
    ['GOVT', 'iShares U.S. Treasury Bond ETF'],
    ['SGOV', 'iShares 0-3 Month Treasury Bond ETF'],
    ['BIL', 'SPDR Bloomberg 1-3 Month T-Bill ETF'],
    ['LQD', 'iShares iBoxx $ Investment Grade Corporate Bond ETF'],
    ['HYG', 'iShares iBoxx $ High Yield Corporate Bond ETF'],
    ['TIP', 'iShares TIPS Bond ETF'],
    ['VTIP', 'Vanguard Short-Term Inflation-Protected Securities ETF'],
    ['SCHP', 'Schwab U.S. TIPS ETF'],
    ['MUB', 'iShares National Muni Bond ETF'],
    ['VTEB', 'Vanguard Tax-Exempt Bond ETF'],
    ['BSV', 'Vanguard Short-Term Bond ETF'],
    ['BIV', 'Vanguard Intermediate-Term Bond ETF'],
    ['VGIT', 'Vanguard Intermediate-Term Treasury ETF'],
    ['VGSH', 'Vanguard Short-Term Treasury ETF'],
    ['VCIT', 'Vanguard Intermediate-Term Corporate Bond ETF'],
    ['VCSH', 'Vanguard Short-Term Corporate Bond ETF'],
    ['JPST', 'JPMorgan Ultra-Short Income ETF'],
  ]),
  // Gold, silver and crypto trusts: not equity.
  ...kind('commodity', [
    ['GLD', 'SPDR Gold Shares'],
    ['IAU', 'iShares Gold Trust'],
    ['GLDM', 'SPDR Gold MiniShares Trust'],
    ['SLV', 'iShares Silver Trust'],
  ]),
  ...kind('crypto', [
    ['IBIT', 'iShares Bitcoin Trust ETF'],
    ['FBTC', 'Fidelity Wise Origin Bitcoin Fund'],
    ['GBTC', 'Grayscale Bitcoin Trust ETF'],
    ['ETHA', 'iShares Ethereum Trust ETF'],
  ]),
  // Funds of funds and balanced funds: stocks and bonds mixed; no bundled file splits them.
  ...kind('allocation', [
    ['VTTVX', 'Vanguard Target Retirement 2025 Fund'],
    ['VTHRX', 'Vanguard Target Retirement 2030 Fund'],
    ['VTTHX', 'Vanguard Target Retirement 2035 Fund'],
    ['VFORX', 'Vanguard Target Retirement 2040 Fund'],
    ['VTIVX', 'Vanguard Target Retirement 2045 Fund'],
    ['VFIFX', 'Vanguard Target Retirement 2050 Fund'],
    ['VFFVX', 'Vanguard Target Retirement 2055 Fund'],
    ['VTTSX', 'Vanguard Target Retirement 2060 Fund'],
    ['VTINX', 'Vanguard Target Retirement Income Fund'],
    ['FFFHX', 'Fidelity Freedom 2050 Fund'],
    ['FFFGX', 'Fidelity Freedom 2045 Fund'],
    ['FFFFX', 'Fidelity Freedom 2040 Fund'],
    ['FDEEX', 'Fidelity Freedom 2055 Fund'],
    ['FIPFX', 'Fidelity Freedom Index 2050 Fund'],
    ['VBIAX', 'Vanguard Balanced Index Fund Admiral'],
    ['VWELX', 'Vanguard Wellington Fund Investor'],
    ['VWENX', 'Vanguard Wellington Fund Admiral'],
    ['VASGX', 'Vanguard LifeStrategy Growth Fund'],
    ['VSMGX', 'Vanguard LifeStrategy Moderate Growth Fund'],
    ['AOR', 'iShares Core 60/40 Balanced Allocation ETF'],
    ['AOA', 'iShares Core 80/20 Aggressive Allocation ETF'],
  ]),
  // World stock funds: about 60 % US, 40 % abroad; no bundled file splits them.
  ...kind('global-equity', [
    ['VT', 'Vanguard Total World Stock ETF'],
    ['VTWAX', 'Vanguard Total World Stock Index Fund Admiral'],
    ['ACWI', 'iShares MSCI ACWI ETF'],
  ]),
]);
