/**
 * Generates lib/reference/fund-holdings.json — the published holdings of the most-held US funds
 * whose index Breadth does not bundle (total market, Russell, CRSP growth/value, dividend, sector,
 * factor funds; the Nasdaq-100) — from ../shared/reference/funds/holdings. Funds on the S&P 500,
 * 400 and 600 are not here: the bundled index data (lib/reference/snapshot.json) is newer and sees
 * them through. Deterministic: running it twice gives the same bytes.
 *
 *   npm run generate:fund-holdings            # writes the file
 *   npm run generate:fund-holdings -- --check # exits 1 if the committed file differs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, normaliseHeader } from '../lib/import/csv';
import { lookThroughRows, type PublishedRow } from '../lib/reference/fund-holdings-build';
import { FUND_HOLDINGS_SCHEMA_ID, FundHoldingsFileSchema, type BundledFundHoldings } from '../lib/schema/fund-holdings';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_HOLDINGS = resolve(root, '../shared/reference/funds/holdings');
export const FUND_HOLDINGS_PATH = resolve(root, 'lib/reference/fund-holdings.json');

const XRAY = 'portfolio-xray_2025-11';
const XRAY_SOURCE = 'MitchellRLayton/portfolio-xray data/holdings_json (derived from the issuer downloads)';
/** iShares and SPDR files of that set are dated 2025-11-18; Vanguard's are the latest month-end then. */
const XRAY_FUNDS: readonly { id: string; name: string; publisher: string; asOf: string }[] = [
  { id: 'VTI', name: 'Vanguard Total Stock Market ETF', publisher: 'Vanguard', asOf: '2025-10-31' },
  { id: 'ITOT', name: 'iShares Core S&P Total U.S. Stock Market ETF', publisher: 'iShares', asOf: '2025-11-18' },
  { id: 'IWF', name: 'iShares Russell 1000 Growth ETF', publisher: 'iShares', asOf: '2025-11-18' },
  { id: 'IWD', name: 'iShares Russell 1000 Value ETF', publisher: 'iShares', asOf: '2025-11-18' },
  { id: 'IWM', name: 'iShares Russell 2000 ETF', publisher: 'iShares', asOf: '2025-11-18' },
  { id: 'VUG', name: 'Vanguard Growth ETF', publisher: 'Vanguard', asOf: '2025-10-31' },
  { id: 'VTV', name: 'Vanguard Value ETF', publisher: 'Vanguard', asOf: '2025-10-31' },
  { id: 'VIG', name: 'Vanguard Dividend Appreciation ETF', publisher: 'Vanguard', asOf: '2025-10-31' },
  { id: 'VYM', name: 'Vanguard High Dividend Yield ETF', publisher: 'Vanguard', asOf: '2025-10-31' },
  { id: 'VO', name: 'Vanguard Mid-Cap ETF', publisher: 'Vanguard', asOf: '2025-10-31' },
  { id: 'VB', name: 'Vanguard Small-Cap ETF', publisher: 'Vanguard', asOf: '2025-10-31' },
  { id: 'VGT', name: 'Vanguard Information Technology ETF', publisher: 'Vanguard', asOf: '2025-10-31' },
  { id: 'VNQ', name: 'Vanguard Real Estate ETF', publisher: 'Vanguard', asOf: '2025-10-31' },
  { id: 'MTUM', name: 'iShares MSCI USA Momentum Factor ETF', publisher: 'iShares', asOf: '2025-11-18' },
  { id: 'QUAL', name: 'iShares MSCI USA Quality Factor ETF', publisher: 'iShares', asOf: '2025-11-18' },
  { id: 'USMV', name: 'iShares MSCI USA Min Vol Factor ETF', publisher: 'iShares', asOf: '2025-11-18' },
  { id: 'VLUE', name: 'iShares MSCI USA Value Factor ETF', publisher: 'iShares', asOf: '2025-11-18' },
  { id: 'LRGF', name: 'iShares U.S. Equity Factor ETF', publisher: 'iShares', asOf: '2025-11-18' },
  { id: 'XLB', name: 'Materials Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
  { id: 'XLC', name: 'Communication Services Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
  { id: 'XLE', name: 'Energy Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
  { id: 'XLF', name: 'Financial Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
  { id: 'XLI', name: 'Industrial Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
  { id: 'XLK', name: 'Technology Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
  { id: 'XLP', name: 'Consumer Staples Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
  { id: 'XLRE', name: 'Real Estate Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
  { id: 'XLU', name: 'Utilities Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
  { id: 'XLV', name: 'Health Care Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
  { id: 'XLY', name: 'Consumer Discretionary Select Sector SPDR Fund', publisher: 'State Street', asOf: '2025-11-18' },
];

/** Third-party captures of Schwab's ETF research pages (complete for SCHD and SCHG; VTI's is not). */
const SCHWAB_FUNDS = [
  { id: 'SCHD', name: 'Schwab U.S. Dividend Equity ETF', file: 'SCHD_holdings_schwab-research-scrape_2026-04.csv' },
  { id: 'SCHG', name: 'Schwab U.S. Large-Cap Growth ETF', file: 'SCHG_holdings_schwab-research-scrape_2026-04.csv' },
] as const;

const NASDAQ_100_FILE = 'index_weights_NASDAQ100_slickcharts_2026-06-29.csv';

function readXray(fund: (typeof XRAY_FUNDS)[number]): BundledFundHoldings {
  const rows = JSON.parse(readFileSync(resolve(SHARED_HOLDINGS, XRAY, `${fund.id}.json`), 'utf8')) as {
    ticker: unknown; name: unknown; sector: unknown; weight: unknown;
  }[];
  const published: PublishedRow[] = rows.map((r) => ({
    ticker: String(r.ticker ?? ''),
    name: String(r.name ?? ''),
    weight: Number(r.weight),
    kind: String(r.sector ?? ''),
  }));
  return { ...fund, kind: 'fund', source: `${XRAY_SOURCE}/${fund.id}.json`, holdings: lookThroughRows(published) };
}

/** A CSV with a ticker column and a weight-in-% column. */
function readWeightsCsv(file: string, tickerColumn: string, weightColumn: string): PublishedRow[] {
  const records = parseCsv(readFileSync(resolve(SHARED_HOLDINGS, file), 'utf8'));
  const header = records[0]!.fields.map(normaliseHeader);
  const t = header.indexOf(tickerColumn);
  const w = header.indexOf(weightColumn);
  const n = header.indexOf('name');
  if (t < 0 || w < 0) throw new Error(`${file}: no ${tickerColumn}/${weightColumn} column`);
  return records.slice(1).map((r) => ({
    ticker: r.fields[t] ?? '',
    name: n >= 0 ? (r.fields[n] ?? '') : '',
    weight: Number(String(r.fields[w] ?? '').replace('%', '')),
  }));
}

export function generate(): string {
  const funds: BundledFundHoldings[] = XRAY_FUNDS.map(readXray);
  for (const f of SCHWAB_FUNDS) {
    funds.push({
      id: f.id,
      name: f.name,
      publisher: 'Schwab',
      asOf: f.id === 'SCHD' ? '2026-04-13' : '2026-04-01',
      kind: 'fund',
      source: `William-Kruta/etftracker ${f.id}.csv (a capture of Schwab's ETF research page)`,
      holdings: lookThroughRows(readWeightsCsv(f.file, 'symbol', 'weight_pct')),
    });
  }
  funds.push({
    id: 'NDX',
    name: 'Nasdaq-100',
    publisher: 'slickcharts',
    asOf: '2026-06-29',
    kind: 'index',
    source: 'kkernan/index-component-scraper data/nasdaq100.csv (index weights as slickcharts publishes them)',
    holdings: lookThroughRows(readWeightsCsv(NASDAQ_100_FILE, 'symbol', 'weight')),
  });
  const file = FundHoldingsFileSchema.parse({ schema: FUND_HOLDINGS_SCHEMA_ID, funds });
  // One fund per line keeps diffs readable without the size of pretty-printing every row.
  return `{"schema":${JSON.stringify(file.schema)},"funds":[\n${file.funds.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generate();
  if (process.argv.includes('--check')) {
    const same = readFileSync(FUND_HOLDINGS_PATH, 'utf8') === text;
    console.log(same ? 'fund holdings are up to date' : 'fund holdings differ: run npm run generate:fund-holdings');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(FUND_HOLDINGS_PATH, text);
  console.log(`wrote ${FUND_HOLDINGS_PATH}`);
}
