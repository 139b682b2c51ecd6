/**
 * Generates lib/reference/directory.json — the security directory Breadth ships: what every
 * US-listed symbol and every open-end fund / ETF share class is — from three public files in
 * ../shared/reference/funds/directory (see PROVENANCE.md there):
 *
 *   - Nasdaq Trader's symbol directory (newest): every exchange-listed symbol, its security name
 *     and an ETF flag. It decides listed symbols' types and ETF names.
 *   - SEC company_tickers_mf.json: share classes of open-end funds and ETFs with their SEC series,
 *     which ties a mutual fund's classes to its ETF class (VTSAX ↔ VTI).
 *   - SEC company_tickers_exchange.json: operating companies, UITs and trusts, for the symbols the
 *     Nasdaq file does not list (OTC ADRs, recent delistings) and for the issuer's name where the
 *     Nasdaq file gives only "Common Shares of Beneficial Interest".
 *
 * Types and asset classes are read from names (lib/reference/fund-names.ts for what a fund holds);
 * the rules are heuristics, checked against the whole files by eye and by the spot checks in
 * lib/reference/directory.test.ts.
 *
 * Deterministic: running it twice gives the same bytes.
 *
 *   npm run generate:directory            # writes the file
 *   npm run generate:directory -- --check # exits 1 if the committed file differs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetClassFromName, type FundAssetClass } from '../lib/reference/fund-names';
import {
  ASSET_CLASS_CODES,
  DIRECTORY_SCHEMA_ID,
  FUND_TYPE_CODES,
  seriesNumber,
  type DirectoryFile,
  type FundLineType,
} from '../lib/reference/directory';

/** What the generator files a symbol as; mutual funds are the unlisted share classes. */
type FiledType = 'company' | 'other' | FundLineType;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DIRECTORY = resolve(root, '../shared/reference/funds/directory');
export const DIRECTORY_PATH = resolve(root, 'lib/reference/directory.json');

/**
 * The SEC files state no date: their as-of is the date of the commit they were copied from, an
 * upper bound (PROVENANCE.md). The Nasdaq file's date is read from its `File Creation Time` line.
 */
export const SOURCE_FILES = {
  nasdaq: { name: 'Nasdaq Trader symbol directory (nasdaqtraded.txt)', file: 'nasdaqtraded_2026-05-12.txt' },
  mutualFunds: { name: 'SEC company_tickers_mf.json', file: 'sec_company_tickers_mf_2025-09.json', asOf: '2025-09-14' },
  exchange: { name: 'SEC company_tickers_exchange.json', file: 'sec_company_tickers_exchange_2025-12.json', asOf: '2025-12-14' },
} as const;

/** Breadth's canonical ticker grammar (lib/reference/tickers.ts): a base, then a class after a dot. */
const CANONICAL = /^[A-Z]{1,6}(\.[A-Z]{1,2})?$/;

// ── Reading the sources ────────────────────────────────────────────────────────────────────────

export interface ListedSecurity {
  symbol: string;
  name: string;
  etf: boolean;
}

/**
 * Nasdaq Trader's directory, test issues skipped. Symbols canonicalised: `BRK.B` stays, a
 * preferred `ABR$D` becomes `ABR.PD` (the SEC's and most brokerages' `ABR-PD`, canonicalised).
 */
export function parseNasdaqTraded(text: string): { asOf: string; securities: ListedSecurity[] } {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.split('|') ?? [];
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`nasdaqtraded: no ${name} column`);
    return i;
  };
  const [symbolCol, nameCol, etfCol, testCol] = [col('Symbol'), col('Security Name'), col('ETF'), col('Test Issue')];
  let asOf: string | null = null;
  const securities: ListedSecurity[] = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const created = /^File Creation Time: (\d\d)(\d\d)(\d{4})/.exec(line);
    if (created) {
      asOf = `${created[3]}-${created[1]}-${created[2]}`;
      continue;
    }
    const cells = line.split('|');
    if (cells[testCol] === 'Y') continue;
    const symbol = canonicalNasdaqSymbol(cells[symbolCol]!);
    if (!symbol) continue;
    securities.push({ symbol, name: tidy(cells[nameCol]!), etf: cells[etfCol] === 'Y' });
  }
  if (!asOf) throw new Error('nasdaqtraded: no File Creation Time line');
  return { asOf, securities };
}

export function canonicalNasdaqSymbol(symbol: string): string | null {
  const s = symbol.trim().replace(/\$([A-Z]?)$/, '.P$1');
  return CANONICAL.test(s) ? s : null;
}

/** SEC style `BRK-B`, `JPM-PC` → `BRK.B`, `JPM.PC`. */
export function canonicalSecSymbol(symbol: string): string | null {
  const s = symbol.trim().toUpperCase().replace('-', '.');
  return CANONICAL.test(s) ? s : null;
}

interface SecTable {
  fields: string[];
  data: unknown[][];
}

function secTable(text: string, fields: readonly string[]): SecTable {
  const table = JSON.parse(text) as SecTable;
  if (fields.some((f, i) => table.fields[i] !== f)) throw new Error(`unexpected SEC fields ${table.fields.join(',')}`);
  return table;
}

export interface FundClass {
  symbol: string;
  series: string;
}

/** Share classes of the mutual-fund file; symbols that cannot be a ticker (`QVG2Q`, `n/a`) dropped. */
export function parseMutualFundTickers(text: string): FundClass[] {
  const out: FundClass[] = [];
  for (const [, series, , symbol] of secTable(text, ['cik', 'seriesId', 'classId', 'symbol']).data) {
    if (typeof symbol !== 'string' || typeof series !== 'string' || !/^S\d{9}$/.test(series)) continue;
    const s = symbol.trim().toUpperCase();
    if (/^[A-Z]{1,5}$/.test(s)) out.push({ symbol: s, series });
  }
  return out;
}

export interface ExchangeTicker {
  symbol: string;
  name: string;
  cik: number;
}

export function parseExchangeTickers(text: string): ExchangeTicker[] {
  const out: ExchangeTicker[] = [];
  for (const [cik, name, ticker] of secTable(text, ['cik', 'name', 'ticker', 'exchange']).data) {
    if (typeof ticker !== 'string' || typeof name !== 'string' || typeof cik !== 'number') continue;
    const symbol = canonicalSecSymbol(ticker);
    if (symbol) out.push({ symbol, name: tidy(name), cik });
  }
  return out;
}

// ── What a symbol is ───────────────────────────────────────────────────────────────────────────

const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

const ETN = /\bETNs?\b|Exchange[- ]Traded Notes?|\biPath\b|\bETRACS\b/i;
const PREFERRED = /\b(Preferred|Preference) (Stock|Shares?|Securities|Units)\b|\bPfd\b|\bCumulative\b/i;
const WARRANT_OR_RIGHT = /\bWarrants?\b|\bRights?\b/i;
/** SPAC units ("… Acquisition Corp. - Units") and equity units; MLPs' "Common Units" are companies. */
const UNIT = /(?<!\b(Common|Class [A-Z]|Partnership|Partner))\s+Units?\.?$|\bCorporate Units\b/i;
const DEBT =
  /\bNotes?\b|\bDebentures?\b|\bBonds\b|\bCertificates\b|Synthetic Fixed-Income|\bCerts\b|\bSTRATS\b|\bCorTS\b|\bPPlus\b|\bZONES\b|\bCapital Trust\b|\bTrust Securities\b|\bBaby Bonds?\b/i;
/** Nasdaq's own labels for listed closed-end funds and BDCs (BDCs are closed-end funds by statute). */
const CEF_LABEL = /- (Closed End Fund|Business Development Company)\b/i;
/** A listed "Fund" that is not an ETF is a closed-end fund ("Adams Diversified Equity Fund"). */
const FUND_WORD = /\bFund\b/i;
/**
 * Closed-end funds named "… Trust" ("BlackRock Core Bond Trust"): a trust named for what it invests in,
 * or by a closed-end fund sponsor. REITs and royalty trusts ("Realty", "Properties", "Royalty") are companies.
 */
const CEF_TRUST =
  /\b(Income|Municipal|Muni\w*|Dividend|Equity|Opportunit\w+|Strategic|Credit|Bond|Premium|Yield|Duration|Term|Utility|Infrastructure|Resources|Sciences|Science|Technology|Global|Growth|Return|Convertible|Allocation|Quality|Enhanced|Value|Investment Grade|Floating Rate|High Income|Tax[- ]Advantaged|Focus|Gold)\b.*\bTrust\b/i;
const CEF_SPONSOR =
  /^(The )?(Gabelli|GAMCO|Nuveen|BlackRock|Eaton Vance|PIMCO|Calamos|Western Asset|John Hancock|Cohen & Steers|Virtus|Templeton|Franklin|abrdn|Aberdeen|MFS|Neuberger|Allspring|DWS|Putnam|Pioneer|Flaherty & Crumrine|Tekla|Kayne Anderson|Tortoise|ClearBridge|Royce|Liberty All-Star|Voya|First Trust|Saba|BNY Mellon|Duff & Phelps|Invesco|Guggenheim|PGIM|Clough|RiverNorth|DoubleLine|Highland|Cornerstone|Lazard|Barings|Thornburg|XAI)\b.*\b(Trust|Municipals|Portfolio)\b/i;
const NOT_CEF =
  /\b(Realty|Real Estate Investment|Propert(y|ies)|Royalty|Hospitality|Residential|Mortgage|Bancorp|Bank|Bancshares|Financial Corp|Healthcare Trust|Hotel|Office|Apartment|REIT|Acquisition|Liquidation|Land Trust|Real Estate|Finance Trust|Housing)\b/i;
const GENERIC_NAME = /^(Common (Shares|Units|Stock)|Units|Shares)\b/i;
/** Option, buffer and income strategies on a coin or metal are 1940-Act ETFs, not grantor trusts. */
const STRATEGY_ETF =
  /\b(Strategy|Futures|Protection|Floor\d*|Buffer\w*|Covered Call|WeeklyPay|Income|Miners|Options?|Yield|YieldBOOST|Premium|Active|Target|Equity|Leveraged|Daily|Tail|AfterDark|Treasuries|Plus)\b/i;

function isClosedEndFundName(name: string): boolean {
  if (CEF_LABEL.test(name)) return true;
  if (FUND_WORD.test(name)) return !/\bETF\b|Exchange[- ]Traded Fund/i.test(name);
  return (CEF_TRUST.test(name) || CEF_SPONSOR.test(name)) && !NOT_CEF.test(name);
}

/** Type of a symbol the Nasdaq directory lists. */
export function listedType(security: ListedSecurity, assetClass: FundAssetClass | null, inMutualFundFile: boolean): FiledType {
  const { symbol, name, etf } = security;
  if (ETN.test(name) && !/\bETF\b/.test(name)) return 'etn'; // "Leverage Shares 2X Long ETN Daily ETF" is an ETF on Eaton
  if (etf) {
    if (inMutualFundFile) return 'etf';
    // Physical metal and coin trusts, commodity pools and currency trusts are not 1940-Act funds.
    const trustLike = assetClass === 'commodity' || assetClass === 'crypto' || /CurrencyShares/i.test(name);
    if (trustLike && !STRATEGY_ETF.test(name)) return 'trust';
    return 'etf';
  }
  if (/\.P[A-Z]?$/.test(symbol) || PREFERRED.test(name)) return 'other';
  // A metal or coin trust the Nasdaq file does not flag as an ETF (GraniteShares Gold Trust).
  // (Oil "trusts" without the ETF flag are royalty trusts: companies.)
  const metalOrCoin = assetClass === 'crypto' || (assetClass === 'commodity' && /\b(Gold|Silver|Platinum|Palladium|Precious)\b/i.test(name));
  if (metalOrCoin && /\b(Trust|Shares)\b/i.test(name) && !/\b(Income|Fund)\b/i.test(name)) return 'trust';
  if (/\.(W|WS|U|UN|R|RT)$/.test(symbol) || WARRANT_OR_RIGHT.test(name) || UNIT.test(name)) return 'other';
  if (CEF_LABEL.test(name)) return 'closed-end-fund';
  if (DEBT.test(name) && !/American Depositary/i.test(name)) return 'other';
  if (isClosedEndFundName(name)) return 'closed-end-fund';
  return 'company';
}

/** Type of a symbol only the SEC exchange file has (OTC ADRs, funds and companies no longer listed). */
export function exchangeOnlyType(ticker: ExchangeTicker, assetClass: FundAssetClass | null, issuerHasShorterTicker: boolean): FiledType {
  const { symbol, name } = ticker;
  if (/\.(P[A-Z]?)$/.test(symbol)) return 'other';
  if (/\.(W|WS|WT|U|UN|R|RT)$/.test(symbol)) return 'other';
  // The SEC file names the issuer, not the security: an issuer's second ticker that extends its
  // first (AEAE → AEAEU, AEAEW) is a unit, warrant or note, and so is a five-letter symbol whose
  // fifth letter says so by the Nasdaq/OTC convention (W warrant, R right, U unit, L–P, Z other issues).
  if (issuerHasShorterTicker || /^[A-Z]{4}[WRULMNOPZ]$|WW$/.test(symbol)) return 'other';
  if (/\b(Trust|Fund|ETF)\b/i.test(name) && (assetClass === 'commodity' || assetClass === 'crypto')) return 'trust';
  if (isClosedEndFundName(name)) return 'closed-end-fund';
  return 'company';
}

/** Short display name: the security-type boilerplate and an ETN's maturity dropped. */
export function shortName(name: string): string {
  return tidy(
    name
      .replace(/^Common (Shares|Units) of Beneficial Interest of /i, '')
      .replace(CEF_LABEL, '')
      .replace(/,?\s+due (\w+ \d{1,2},? )?\d{4}\b.*$/i, '')
      .replace(/\s+(New Common Stock|Common Stock|Common Shares|Shares? of Beneficial Interests?|Common Units|SBI|Cmn Shs of BI)\b.*$/i, ''),
  );
}

/** A fund's name without its ETF share-class words: the name its mutual-fund classes share. */
export function seriesName(etfName: string): string {
  return tidy(etfName.replace(/:?\s*(ETF Class Shares|ETF Shares|ETF)$/i, '').replace(/\s+Index Fund$/i, ' Index'));
}

// ── Building the file ──────────────────────────────────────────────────────────────────────────

interface ListedFund {
  symbol: string;
  type: FundLineType;
  assetClass: FundAssetClass | null;
  series: string | null;
  name: string;
}

export interface SourceTexts {
  nasdaq: string;
  mutualFunds: string;
  exchange: string;
}

export function buildDirectoryFile(texts: SourceTexts): DirectoryFile {
  const nasdaq = parseNasdaqTraded(texts.nasdaq);
  const fundClasses = parseMutualFundTickers(texts.mutualFunds);
  const exchange = parseExchangeTickers(texts.exchange);

  const seriesOf = new Map(fundClasses.map((c) => [c.symbol, c.series]));
  const exchangeNames = new Map(exchange.map((t) => [t.symbol, t.name]));
  const companies: string[] = [];
  const others: string[] = [];
  const funds: ListedFund[] = [];
  const taken = new Set<string>();

  // 1. Listed symbols, from the newest source.
  for (const security of nasdaq.securities) {
    if (taken.has(security.symbol)) continue;
    taken.add(security.symbol);
    const generic = GENERIC_NAME.test(security.name);
    const name = shortName(generic ? (exchangeNames.get(security.symbol) ?? security.name) : security.name);
    const assetClass = assetClassFromName(name);
    const type = listedType(security, assetClass, seriesOf.has(security.symbol));
    if (type === 'company') companies.push(security.symbol);
    else if (type === 'other') others.push(security.symbol);
    else funds.push({ symbol: security.symbol, type, assetClass, series: seriesOf.get(security.symbol) ?? null, name });
  }

  // 2. Fund share classes not listed: mutual funds (five letters ending in X, the NASD convention),
  // and ETF classes (up to four letters) delisted or renamed since the SEC file (SPLG → SPYM).
  const code = (c: FundAssetClass | null) => (c ? ASSET_CLASS_CODES[c] : '');
  const listedClassOfSeries = new Map<string, ListedFund>();
  for (const f of funds) if (f.series) listedClassOfSeries.set(f.series, f);
  const mutualFundsBySeries = new Map<string, string[]>();
  for (const { symbol, series } of fundClasses) {
    if (taken.has(symbol)) continue;
    if (/^[A-Z]{4}X$/.test(symbol)) {
      const list = mutualFundsBySeries.get(series) ?? [];
      list.push(symbol);
      mutualFundsBySeries.set(series, list);
    } else if (/^[A-Z]{1,4}$/.test(symbol)) {
      funds.push({ symbol, type: 'etf', assetClass: null, series, name: '' });
    } else continue;
    taken.add(symbol);
  }

  // 3. What only the SEC exchange file still has.
  const tickersOfIssuer = new Map<number, string[]>();
  for (const t of exchange) tickersOfIssuer.set(t.cik, [...(tickersOfIssuer.get(t.cik) ?? []), t.symbol]);
  for (const ticker of exchange) {
    if (taken.has(ticker.symbol)) continue;
    taken.add(ticker.symbol);
    const assetClass = assetClassFromName(ticker.name);
    const extendsAnother = tickersOfIssuer.get(ticker.cik)!.some((s) => s !== ticker.symbol && ticker.symbol.startsWith(s));
    const type = exchangeOnlyType(ticker, assetClass, extendsAnother);
    if (type === 'company') companies.push(ticker.symbol);
    else if (type === 'other') others.push(ticker.symbol);
    else funds.push({ symbol: ticker.symbol, type, assetClass, series: null, name: ticker.name });
  }

  // Mutual funds take their fund's asset class and name from its listed class (VTSAX ← VTI);
  // a fund whose classes all end in XX is a money-market fund.
  const seriesLines: { series: number; line: string }[] = [];
  const mutualFundPairs: string[] = [];
  for (const [series, symbols] of mutualFundsBySeries) {
    const listed = listedClassOfSeries.get(series);
    const moneyMarket = symbols.every((s) => /^[A-Z]{3}XX$/.test(s));
    const assetClass = listed?.assetClass ?? (moneyMarket ? 'money-market' : null);
    const name = listed?.name ? seriesName(listed.name) : '';
    const n = seriesNumber(series);
    if (assetClass || name) seriesLines.push({ series: n, line: [n, code(assetClass), name].join('|').replace(/\|+$/, '') });
    for (const symbol of symbols) mutualFundPairs.push(`${symbol}:${n}`);
  }
  seriesLines.sort((a, b) => a.series - b.series);

  funds.sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
  const fundLine = (f: ListedFund) =>
    [f.symbol, FUND_TYPE_CODES[f.type], code(f.assetClass), f.series ? String(seriesNumber(f.series)) : '', f.name].join('|').replace(/\|+$/, '');
  const count = (type: FundLineType) => funds.filter((f) => f.type === type).length;

  const sources = [
    { name: SOURCE_FILES.nasdaq.name, file: SOURCE_FILES.nasdaq.file, asOf: nasdaq.asOf },
    { ...SOURCE_FILES.exchange },
    { ...SOURCE_FILES.mutualFunds },
  ];
  return {
    schema: DIRECTORY_SCHEMA_ID,
    asOf: sources.map((s) => s.asOf).sort().at(-1)!,
    sources,
    counts: {
      company: companies.length,
      etf: count('etf'),
      etn: count('etn'),
      'mutual-fund': mutualFundPairs.length,
      'closed-end-fund': count('closed-end-fund'),
      trust: count('trust'),
      other: others.length,
    },
    companies: byInitial(companies),
    other: byInitial(others),
    funds: funds.map(fundLine),
    mutualFunds: byInitial(mutualFundPairs),
    series: seriesLines.map((s) => s.line),
  };
}

/** Symbols sorted and grouped by first letter, space-separated: 26 lines instead of 10,000. */
function byInitial(symbols: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const s of [...symbols].sort()) {
    const list = groups.get(s[0]!) ?? [];
    list.push(s);
    groups.set(s[0]!, list);
  }
  return [...groups.values()].map((g) => g.join(' '));
}

/** JSON with one record per line, so a regenerated file diffs line by line. */
export function serialiseDirectoryFile(file: DirectoryFile): string {
  const list = (items: readonly unknown[]) => `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`;
  const entries = Object.entries(file).map(([key, value]) => {
    const body = Array.isArray(value) ? list(value) : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

export function generate(dir = SHARED_DIRECTORY): string {
  const read = (file: string) => readFileSync(resolve(dir, file), 'utf8');
  return serialiseDirectoryFile(
    buildDirectoryFile({
      nasdaq: read(SOURCE_FILES.nasdaq.file),
      mutualFunds: read(SOURCE_FILES.mutualFunds.file),
      exchange: read(SOURCE_FILES.exchange.file),
    }),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generate();
  if (process.argv.includes('--check')) {
    let same = false;
    try {
      same = readFileSync(DIRECTORY_PATH, 'utf8') === text;
    } catch {
      same = false;
    }
    console.log(same ? 'security directory is up to date' : 'security directory differs: run npm run generate:directory');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(DIRECTORY_PATH, text);
  console.log(`wrote ${DIRECTORY_PATH}`);
}
