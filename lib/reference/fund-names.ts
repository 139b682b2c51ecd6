/**
 * What a fund is, from its name alone: an ETF's security name ("Vanguard Total International Bond
 * Index Fund ETF") or a brokerage row's upper-case, abbreviated description ("VANGUARD TOTAL INTL STOCK
 * INDEX ADMIRAL"). Pure, no data. Used by scripts/generate-directory.ts on every listed fund's name
 * and at run time on row descriptions.
 *
 * The checks run in a fixed order because names mix words: "Emerging Markets Bond" is a bond fund,
 * "International Dividend" a stock fund, "ProShares UltraShort 20+ Year Treasury" a leveraged fund,
 * "Target Retirement Income" an allocation fund. `null` when the name says nothing usable
 * ("Fidelity Contrafund"): a guess would be worse than an honest unknown.
 */

export type FundAssetClass =
  | 'us-equity'
  | 'international-equity'
  | 'global-equity'
  | 'bond'
  | 'money-market'
  | 'commodity'
  | 'crypto'
  | 'allocation'
  | 'leveraged'
  | 'other';

export const FUND_ASSET_CLASSES: readonly FundAssetClass[] = Object.freeze([
  'us-equity',
  'international-equity',
  'global-equity',
  'bond',
  'money-market',
  'commodity',
  'crypto',
  'allocation',
  'leveraged',
  'other',
]);

/** Brokerage abbreviations, token by token, to the words the rules below look for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  INTL: 'INTERNATIONAL', INTERNATL: 'INTERNATIONAL', INTNL: 'INTERNATIONAL', INTRNTL: 'INTERNATIONAL',
  INTERNTNL: 'INTERNATIONAL', INTERNATNL: 'INTERNATIONAL',
  IDX: 'INDEX', INDX: 'INDEX',
  MKT: 'MARKET', MKTS: 'MARKETS', MRKT: 'MARKET', MRKTS: 'MARKETS',
  STK: 'STOCK', STCK: 'STOCK', STKS: 'STOCKS',
  BD: 'BOND', BND: 'BOND', BDS: 'BONDS',
  TOT: 'TOTAL', TTL: 'TOTAL',
  GOVT: 'GOVERNMENT', GOV: 'GOVERNMENT', GVT: 'GOVERNMENT', GOVERNMNT: 'GOVERNMENT',
  TREAS: 'TREASURY', TRSY: 'TREASURY', TRES: 'TREASURY', TSY: 'TREASURY', TRS: 'TREASURY',
  MUNI: 'MUNICIPAL', MUNIS: 'MUNICIPAL', MUN: 'MUNICIPAL', MUNICIPALS: 'MUNICIPAL',
  MMKT: 'MONEY MARKET', MMF: 'MONEY MARKET', MNY: 'MONEY',
  EMERG: 'EMERGING', EMRG: 'EMERGING', EMER: 'EMERGING', EMG: 'EMERGING', EMGING: 'EMERGING',
  DEV: 'DEVELOPED', DEVEL: 'DEVELOPED', DEVLPD: 'DEVELOPED', DVLPD: 'DEVELOPED', DEVLP: 'DEVELOPED',
  EQ: 'EQUITY', EQTY: 'EQUITY', EQUIT: 'EQUITY',
  GRTH: 'GROWTH', GRW: 'GROWTH', GWTH: 'GROWTH',
  VAL: 'VALUE',
  DIV: 'DIVIDEND', DIVD: 'DIVIDEND', DIVS: 'DIVIDENDS',
  SM: 'SMALL', SML: 'SMALL', SMALLCAP: 'SMALL CAP', SMCAP: 'SMALL CAP', SMCP: 'SMALL CAP',
  MIDCAP: 'MID CAP', MDCAP: 'MID CAP',
  LG: 'LARGE', LRG: 'LARGE', LARGECAP: 'LARGE CAP', LGCAP: 'LARGE CAP',
  MICROCAP: 'MICRO CAP', MEGACAP: 'MEGA CAP', FD: 'FUND', FDS: 'FUNDS',
  TGT: 'TARGET', RETIRE: 'RETIREMENT', RETIR: 'RETIREMENT', RETMT: 'RETIREMENT', RTMT: 'RETIREMENT',
  INFL: 'INFLATION', PROT: 'PROTECTED', PROTD: 'PROTECTED',
  HI: 'HIGH', YLD: 'YIELD',
  SHRT: 'SHORT', TRM: 'TERM',
  TECH: 'TECHNOLOGY', HLTH: 'HEALTH', HLTHCARE: 'HEALTH CARE', HEALTHCARE: 'HEALTH CARE',
  FINL: 'FINANCIAL', FINCL: 'FINANCIAL', UTIL: 'UTILITIES', UTILS: 'UTILITIES', INDL: 'INDUSTRIAL',
  ALLOC: 'ALLOCATION', BAL: 'BALANCED', BALNCD: 'BALANCED',
  CONSV: 'CONSERVATIVE', AGGR: 'AGGRESSIVE', AGG: 'AGGREGATE',
  LIFESTRAT: 'LIFESTRATEGY', LIFESTRATGY: 'LIFESTRATEGY',
  COMMOD: 'COMMODITY', CMDTY: 'COMMODITY', COMDTY: 'COMMODITY', COMMODTY: 'COMMODITY',
  EXUS: 'EX US', XUS: 'EX US', NONUS: 'NON US',
  WLD: 'WORLD', WRLD: 'WORLD', GLBL: 'GLOBAL', GLB: 'GLOBAL', GLOBL: 'GLOBAL',
  PAC: 'PACIFIC', RUSS: 'RUSSELL', RSSL: 'RUSSELL',
  SP: 'S&P', SANDP: 'S&P', 'S&P500': 'S&P 500', SP500: 'S&P 500',
  NASDAQ100: 'NASDAQ 100', ETH: 'ETHEREUM', BTC: 'BITCOIN',
};

/**
 * Upper case, "U.S." → US, punctuation → spaces, abbreviations expanded, padded with spaces so
 * every rule can match whole words with `\b`.
 */
function normalise(name: string): string {
  const upper = name
    .toUpperCase()
    .replace(/[’']/g, '')
    .replace(/\bU\.\s?S\.(\s?A\.?)?/g, 'US ')
    .replace(/\bS\s*&\s*P\b/g, 'S&P')
    .replace(/[^A-Z0-9&+]+/g, ' ');
  const words = upper
    .split(' ')
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? (w.startsWith('MUNI') ? 'MUNICIPAL' : w)) // MuniYield, MuniHoldings
    .join(' ');
  return ` ${words
    .replace(/\bEM (MARKETS?|DEBT|BOND|BONDS|EQUITY|LOCAL|STOCK)\b/g, 'EMERGING $1')
    .replace(/\bMSCI EM\b/g, 'MSCI EMERGING')
    .replace(/\bU S\b/g, 'US')
    .replace(/\bGLOBAL X\b/g, ' ') // an issuer (Global X Funds), not a region
    .replace(/\bS&P ?(\d{3,4})\b/g, 'S&P $1')} `;
}

const test = (re: RegExp, s: string) => re.test(s);

// ── Leveraged and inverse: a multiplier, or the issuers' words for it. Checked on the raw upper-case
// name too, because "-1x" loses its minus sign once punctuation goes.
const NEGATIVE_MULTIPLIER = /(^|[^\w.])-\d+(\.\d+)?X(?![A-Z0-9])/;
const MULTIPLIER = /(^|[^\w.])(\d+(?:\.\d+)?)X(?![A-Z0-9])/;
const LEVERAGED_WORDS =
  /\b(INVERSE|1X SHORT|DOUBLE LONG|DOUBLE SHORT|ULTRAPRO|ULTRASHORT|PROSHARES ULTRA|PROSHARES SHORT|BEAR|BULL [0-9]|DAILY [A-Z0-9 &]*\b(BULL|BEAR|LONG|SHORT))\b|LEVERAGED\b(?! LOANS?\b)/;

function isLeveraged(raw: string, text: string): boolean {
  if (NEGATIVE_MULTIPLIER.test(raw)) return true;
  const m = MULTIPLIER.exec(raw);
  if (m && Number(m[2]) !== 1 && Number(m[2]) <= 5) return true;
  return LEVERAGED_WORDS.test(text);
}

const MONEY_MARKET =
  /\b(MONEY MARKET|MONEY MARKETS|MONEY FUND|MONEY FD|MONEY RESERVES|CASH RESERVES?|CASH RES|GOVERNMENT CASH|TREASURY MONEY|GOVERNMENT MONEY|PRIME MONEY|MUNICIPAL MONEY|TAX EXEMPT MONEY|CASH MANAGEMENT|CASH MGMT|LIQUID RESERVES)\b/;

/** Volatility futures, currency trusts and hedge-fund-like strategies: funds, but none of the classes above. */
const OTHER_STRATEGY =
  /\b(VIX|VOLATILITY FUTURES|CURRENCYSHARES|DOLLAR BULLISH|DOLLAR BEARISH|US DOLLAR INDEX|MANAGED FUTURES|MERGER ARBITRAGE|MARKET NEUTRAL|LONG SHORT|HEDGE)\b/;

/** Funds of crypto-related companies (exchanges, miners) hold stocks, not coins. */
const CRYPTO_COMPANIES = /\b(INDUSTRY|INDUSTRIES|EQUITY|EQUITIES|ECOSYSTEM|INFRASTRUCTURE|THEMATIC|ECONOMY|INNOVATORS|MINERS|MINING|COMPANIES|CORPORATIONS|STOCKS?|BLOCKCHAIN)\b/;
const CRYPTO =
  /\b(BITCOIN|BITCOINS|ETHER|ETHEREUM|CRYPTO|CRYPTOCURRENCY|CRYPTOCURRENCIES|SOLANA|XRP|DOGECOIN|LITECOIN|CHAINLINK|AVALANCHE|CARDANO|POLKADOT|HEDERA|HBAR|SUI|DIGITAL ASSETS?)\b/;

const COMMODITY =
  /\b(GOLD|SILVER|PLATINUM|PALLADIUM|PRECIOUS METALS?|BASE METALS|INDUSTRIAL METALS|COPPER|ALUMINUM|NICKEL|COMMODITY|COMMODITIES|CRUDE|OIL|BRENT|WTI|NATURAL GAS|GASOLINE|AGRICULTURE|AGRICULTURAL|CORN|WHEAT|SOYBEANS?|SUGAR|COCOA|COFFEE|CATTLE|LIVESTOCK|GRAINS|BULLION|GSCI)\b/;
/** Words that make a gold / oil name a fund of companies (miners, drillers) or a company itself. */
const COMMODITY_COMPANIES =
  /\b(MINERS?|MINING|PRODUCERS?|EXPLORATION|SERVICES|EQUIPMENT|EQUITY|EQUITIES|STOCKS?|COMPANIES|ROYALTY|ROYALTIES|STREAMING|MIDSTREAM|PIPELINES?|MLPS?|INFRASTRUCTURE|INDUSTRY|INDUSTRIES|CORP|CORPORATION|INC|LTD|LIMITED|PLC|HOLDINGS|SECTOR|AGRIBUSINESS|REFINERS?|TANKERS?|SHIPPING|ENERGY TRANSITION|NATURAL RESOURCES|OIL & GAS|OIL AND GAS|DRINKS|POWER|GREEN METALS)\b/;

const ALLOCATION =
  /\b(LIFESTRATEGY|LIFEPATH|LIFECYCLE|LIFETIME|TARGET RETIREMENT|TARGET DATE|TARGET RISK|TARGET ALLOCATION|BALANCED|ALLOCATION|MULTI ASSET|MULTIASSET|PURITAN|VANGUARD STAR|ASSET MANAGER \d+|RETIREMENT INCOME|INCOME BUILDER|60 40|(CONSERVATIVE|MODERATE|MODERATELY AGGRESSIVE|MODERATELY CONSERVATIVE) (GROWTH|INCOME|PORTFOLIO|STRATEGY|BALANCED)|AGGRESSIVE (PORTFOLIO|STRATEGY|BALANCED)|FREEDOM (INDEX |BLEND |K |K6 )?(20\d\d|INCOME)|(TARGET|RETIREMENT|LIFEPATH|LIFECYCLE|DESTINATION|PATH) (INDEX )?20\d\d|20\d\d (FUND|TARGET|RETIREMENT|PORTFOLIO|TRUST))\b/;
/** Vanguard Wellington and Wellesley are balanced funds; "Vanguard Wellington U.S. Growth" is an ETF Wellington Management advises. */
const WELLINGTON_FUND = /\b(WELLINGTON|WELLESLEY INCOME)( FUND| FD)?( ADMIRAL| ADM| INVESTOR| INV| SHARES)* $/;
/** Target-maturity bond funds carry a year too ("iBonds Dec 2030 Term Treasury"). */
const BOND_MATURITY = /\b(BONDS?|TREASURY|TREASURIES|MUNICIPAL|CORPORATE|TERM|MATURITY|BULLETSHARES|IBONDS|HIGH YIELD)\b/;

const BOND =
  /\b(BONDS?|TREASURY|TREASURIES|T BILLS?|TBILLS?|BILLS|AGGREGATE|FIXED INCOME|FIXED INC|MUNICIPAL|TAX EXEMPT|TAX FREE|TIPS|INFLATION PROTECTED|INFLATION LINKED|INFLATION INDEXED|CORPORATE|INVESTMENT GRADE|HIGH YIELD|MORTGAGE BACKED|MBS|GNMA|GINNIE MAE|SECURITIZED|FLOATING RATE|FLOAT RATE|SENIOR LOANS?|BANK LOANS?|CLO|CLOS|DEBT|ULTRA SHORT|SHORT MATURITY|ZERO COUPON|STRIPS|CONVERTIBLES?|PREFERRED|GOVERNMENT|SOVEREIGN|IBONDS|BULLETSHARES|CMBS|ABS|ASSET BACKED|FALLEN ANGELS|MORTGAGE(?! REITS?))\b/;
/** Bond words that also name stock strategies ("Large Cap Core Plus", "Credit Suisse"): bond only without stock words. */
const WEAK_BOND = /\b(CREDIT|DURATION|CORE PLUS)\b/;
const STOCK_STYLE = /\b(STOCKS?|EQUITY|EQUITIES|LARGE CAP|MID CAP|SMALL CAP|DIVIDENDS?)\b/;
/** "Income" is a bond fund's word unless the name says its income comes from stocks or options. */
const INCOME = /\bINCOME\b/;
const EQUITY_INCOME =
  /\b(EQUITY|EQUITIES|STOCKS?|DIVIDENDS?|PREMIUM|COVERED CALL|BUYWRITE|BUY WRITE|OPTIONS?|REAL ESTATE|REALTY|REITS?|INFRASTRUCTURE|MLPS?|MIDSTREAM|ENERGY|UTILITIES|UTILITY|GROWTH|S&P|NASDAQ|RUSSELL|DOW|DJIA|BUFFER|BARRIER|YIELDMAX|MSCI|EAFE|500|LARGE CAP|MID CAP|SMALL CAP|QUALITY|AUTOCALLABLE|NATURAL RESOURCES|MINING|BDC|SHARES)\b/;
const STOCK_WORDS = /\b(STOCKS?|EQUITY|EQUITIES)\b/;

const EX_US = /\b(EX US|EX USA|EX UNITED STATES|EX NORTH AMERICA|NON US|OUTSIDE US)\b/;
const INTERNATIONAL =
  /\b(INTERNATIONAL|FOREIGN|OVERSEAS|EAFE|EMERGING|FRONTIER|EUROPE|EUROPEAN|EUROZONE|EUROPACIFIC|EURO STOXX|PACIFIC|ASIA|ASIAN|ASEAN|BRIC|LATIN AMERICA|MIDDLE EAST|AFRICA|AFRICAN|GCC|NORDIC|SCANDINAVIA|JAPAN|JAPANESE|CHINA|CHINESE|HONG KONG|TAIWAN|KOREA|KOREAN|INDIA|INDIAN|INDONESIA|VIETNAM|PHILIPPINES|THAILAND|MALAYSIA|SINGAPORE|AUSTRALIA|NEW ZEALAND|CANADA|CANADIAN|MEXICO|BRAZIL|CHILE|PERU|ARGENTINA|COLOMBIA|UNITED KINGDOM|UK|BRITISH|GERMANY|GERMAN|FRANCE|FRENCH|ITALY|SPAIN|SWITZERLAND|SWISS|NETHERLANDS|SWEDEN|NORWAY|DENMARK|FINLAND|IRELAND|BELGIUM|AUSTRIA|POLAND|GREECE|TURKEY|ISRAEL|SAUDI ARABIA|SAUDI|HANG SENG|CSI 300|NIKKEI|TOPIX|ADRS?|ADRHEDGED|QATAR|UAE|KUWAIT|NIGERIA|EGYPT|SOUTH AFRICA)\b/;
/** "Developed" alone means ex-US (VEA, IEFA); "Developed World" includes the US. */
const DEVELOPED = /\bDEVELOPED\b/;
const GLOBAL = /\b(TOTAL WORLD|ALL WORLD|KOKUSAI|ALL COUNTRY|ACWI|WORLD|GLOBAL|WORLDWIDE|MINERS|MINING)\b/;

const US_EQUITY =
  /\b(STOCKS?|EQUITY|EQUITIES|INDEX|S&P|500|RUSSELL|NASDAQ|QQQ|DOW|DOW JONES|TOTAL MARKET|BROAD MARKET|EXTENDED MARKET|COMPLETION|GROWTH|VALUE|DIVIDENDS?|MID CAP|SMALL CAP|LARGE CAP|MICRO CAP|MEGA CAP|SMALL COMPANY|LARGE COMPANY|BLUE CHIP|US|USA|DOMESTIC|MOMENTUM|QUALITY|LOW VOLATILITY|MIN VOL|MINIMUM VOLATILITY|EQUAL WEIGHT|BUYBACK|TECHNOLOGY|SEMICONDUCTORS?|BIOTECH|BIOTECHNOLOGY|HEALTH CARE|HEALTH SCIENCES|FINANCIALS?|BANKS?|INSURANCE|ENERGY|UTILITIES|INDUSTRIALS?|MATERIALS|CONSUMER|COMMUNICATIONS?|REAL ESTATE|REITS?|HOMEBUILDERS|AEROSPACE|DEFENSE|INFRASTRUCTURE|CYBERSECURITY|ROBOTICS|ARTIFICIAL INTELLIGENCE|AI|INTERNET|SOFTWARE|CLOUD|RETAIL|TRANSPORTATION|PHARMACEUTICALS?|MEDICAL|MLPS?|MIDSTREAM|CLEAN ENERGY|SOLAR|INNOVATION|COVERED CALL|BUYWRITE|BUFFER|CAPITAL APPRECIATION|OPPORTUNITIES)\b/;

/** What a fund is from its name or a brokerage description; `null` when the name says nothing usable. */
export function assetClassFromName(name: string): FundAssetClass | null {
  const raw = name.toUpperCase();
  const text = normalise(name);
  if (text.trim() === '') return null;
  if (isLeveraged(raw, text)) return 'leveraged';
  if (test(MONEY_MARKET, text)) return 'money-market';
  if (test(CRYPTO, text) && !test(CRYPTO_COMPANIES, text)) return 'crypto';
  if (test(OTHER_STRATEGY, text)) return 'other';
  if (test(COMMODITY, text) && !test(COMMODITY_COMPANIES, text)) return 'commodity';
  if (test(WELLINGTON_FUND, text)) return 'allocation';
  if (test(ALLOCATION, text) && !(/\b20\d\d\b/.test(text) && test(BOND_MATURITY, text) && !/\bRETIREMENT\b/.test(text))) return 'allocation';
  const bond =
    test(BOND, text) || (test(WEAK_BOND, text) && !test(STOCK_STYLE, text)) || (test(INCOME, text) && !test(EQUITY_INCOME, text));
  // "Stock and Bond" funds hold both.
  if (bond && /\bBONDS?\b/.test(text) && test(STOCK_WORDS, text)) return 'allocation';
  if (bond) return 'bond';
  if (test(EX_US, text)) return 'international-equity';
  if (test(INTERNATIONAL, text)) return 'international-equity';
  if (test(DEVELOPED, text)) return test(GLOBAL, text) ? 'global-equity' : 'international-equity';
  if (test(GLOBAL, text)) return 'global-equity';
  // "US DOLLAR" is a cash line, not a US stock fund.
  if (test(US_EQUITY, text) && !/\bDOLLARS?\b/.test(text)) return 'us-equity';
  return null;
}
