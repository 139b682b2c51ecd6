/**
 * Hand-checkable funds for the look-through tests, on the mini reference (mini-reference.ts).
 * VTIM (a total-market fund's file): AAA 10 %, AAB 5 %, BTA 5 %, GMA 10 %, DA 5 % (top 10: 35 %), MDA 10 %
 * (S&P 400), SMA 10 % (S&P 600), X1–X4 10 % each (outside the S&P 1500); 5 % cash.
 * NDXM (an index): AAA 20 %, BTA 30 %, GMA 10 % (top 10: 60 %), Z1 and Z2 20 % each (outside).
 */
import { buildReference } from '../../reference';
import { FUND_MAP } from '../../reference/funds';
import type { CatalogFund } from '../../reference/fund-catalog';
import type { SecurityDirectory, SecurityInfo } from '../../reference/directory';
import type { BundledFundHoldings } from '../../schema/fund-holdings';
import { MINI_SNAPSHOT } from './mini-reference';

export const MINI_HOLDINGS: BundledFundHoldings[] = [
  {
    id: 'VTIM', name: 'Mini total market', publisher: 'Vanguard', asOf: '2025-10-31', kind: 'fund', source: 'test',
    holdings: [['AAA', 10], ['GMA', 10], ['MDA', 10], ['SMA', 10], ['X1', 10], ['X2', 10], ['X3', 10], ['X4', 10], ['AAB', 5], ['BTA', 5], ['DA', 5]],
  },
  {
    id: 'NDXM', name: 'Mini Nasdaq index', publisher: 'slickcharts', asOf: '2026-06-29', kind: 'index', source: 'test',
    holdings: [['BTA', 30], ['AAA', 20], ['Z1', 20], ['Z2', 20], ['GMA', 10]],
  },
];

export const MINI_CATALOG: CatalogFund[] = [
  { ticker: 'VTIM', name: 'Mini Total Stock Market ETF', seenThrough: 'VTIM' },
  { ticker: 'FSKM', name: 'Mini Fidelity Total Market', seenThrough: 'VTIM' },
  { ticker: 'QQQM', name: 'Mini Nasdaq-100 ETF', seenThrough: 'NDXM' },
  { ticker: 'VXUSM', name: 'Mini Total International Stock ETF', assetClass: 'international-equity' },
  { ticker: 'BNDM', name: 'Mini Total Bond Market ETF', assetClass: 'bond' },
  { ticker: 'TDFM', name: 'Mini Target Retirement 2050 Fund', assetClass: 'allocation' },
];

const ENTRIES: SecurityInfo[] = [
  { symbol: 'VTIM', type: 'etf', series: 'S1', assetClass: 'us-equity', name: 'Mini Total Stock Market ETF' },
  { symbol: 'VTSAXM', type: 'mutual-fund', series: 'S1', assetClass: 'us-equity' },
  { symbol: 'VOO', type: 'etf', series: 'S2', assetClass: 'us-equity' },
  { symbol: 'VFIAXM', type: 'mutual-fund', series: 'S2' },
  { symbol: 'VXUSM', type: 'etf', series: 'S3', assetClass: 'international-equity' },
  { symbol: 'VTIAXM', type: 'mutual-fund', series: 'S3' },
  { symbol: 'BNDM', type: 'etf', series: 'S4', assetClass: 'bond' },
  { symbol: 'TDFM', type: 'mutual-fund', series: 'S5' },
  { symbol: 'ACME', type: 'company' },
  { symbol: 'GLDM', type: 'trust', assetClass: 'commodity', name: 'Mini Gold Trust' },
  { symbol: 'MMKXX', type: 'mutual-fund', series: 'S6' },
  { symbol: 'NOTEN', type: 'etn', name: 'Mini ETN' },
  { symbol: 'ACTV', type: 'mutual-fund', series: 'S7' },
];

export const MINI_DIRECTORY: SecurityDirectory = {
  asOf: '2026-05-12',
  sources: [{ name: 'test', asOf: '2026-05-12' }],
  lookup: (ticker) => ENTRIES.find((e) => e.symbol === ticker) ?? null,
  classesOfSeries: (series) => ENTRIES.filter((e) => e.series === series).map((e) => e.symbol),
};

export const MINI_WITH_FUNDS = buildReference(MINI_SNAPSHOT, FUND_MAP, { directory: MINI_DIRECTORY, bundledHoldings: MINI_HOLDINGS, catalog: MINI_CATALOG });
