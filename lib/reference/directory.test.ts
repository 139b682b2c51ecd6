import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import directoryJson from './directory.json';
import { buildDirectory, bundledDirectory, DirectoryFileSchema, type SecurityInfo } from './directory';
import {
  canonicalNasdaqSymbol,
  canonicalSecSymbol,
  listedType,
  seriesName,
  shortName,
} from '../../scripts/generate-directory';

const dir = bundledDirectory();
const info = (ticker: string) => dir.lookup(ticker);

describe('bundled security directory (canonical)', () => {
  const file = DirectoryFileSchema.parse(directoryJson);

  it('parses with its schema and states its sources and dates', () => {
    expect(file.asOf).toBe('2026-05-12');
    expect(dir.asOf).toBe('2026-05-12');
    expect(dir.sources.map((s) => s.asOf)).toEqual(['2026-05-12', '2025-12-14', '2025-09-14']);
    expect(dir.sources.map((s) => s.name).join(' ')).toMatch(/Nasdaq.*company_tickers_exchange.*company_tickers_mf/);
  });

  it('holds as many symbols of each type as its counts say, each once', () => {
    const symbols = (groups: readonly string[]) => groups.flatMap((g) => g.split(' '));
    const companies = symbols(file.companies);
    const others = symbols(file.other);
    const mutualFunds = symbols(file.mutualFunds).map((pair) => pair.split(':')[0]!);
    const funds = file.funds.map((line) => line.split('|'));
    const fundsOfType = (code: string) => funds.filter((f) => f[1] === code).length;
    expect(companies).toHaveLength(file.counts.company);
    expect(others).toHaveLength(file.counts.other);
    expect(mutualFunds).toHaveLength(file.counts['mutual-fund']);
    expect(fundsOfType('e')).toBe(file.counts.etf);
    expect(fundsOfType('n')).toBe(file.counts.etn);
    expect(fundsOfType('t')).toBe(file.counts.trust);
    expect(fundsOfType('c')).toBe(file.counts['closed-end-fund']);
    const all = [...companies, ...others, ...mutualFunds, ...funds.map((f) => f[0]!)];
    expect(new Set(all).size).toBe(all.length);
    // Every US-listed symbol and every fund class: the sources hold ~12,600 listed symbols and ~28,500 classes.
    expect(all.length).toBeGreaterThan(38_000);
    expect(file.counts.etf).toBeGreaterThan(4_500);
    expect(file.counts['mutual-fund']).toBeGreaterThan(20_000);
  });

  it('stays within its size budget (≤ 250 KB gzip)', () => {
    const text = readFileSync(resolve(__dirname, 'directory.json'));
    expect(gzipSync(text).length).toBeLessThanOrEqual(250_000);
  });

  it('builds from the bundled file within its time budget (≤ 20 ms)', () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      buildDirectory(directoryJson).lookup('VTSAX');
      times.push(performance.now() - start);
    }
    const median = times.sort((a, b) => a - b)[2]!;
    expect(median).toBeLessThanOrEqual(20);
  });

  const shared = resolve(__dirname, '../../../shared/reference/funds/directory');
  it.skipIf(!existsSync(shared))('is reproduced exactly by the generator from ../shared', async () => {
    const { generate, DIRECTORY_PATH } = await import('../../scripts/generate-directory');
    expect(generate()).toBe(readFileSync(DIRECTORY_PATH, 'utf8'));
  });
});

describe('security directory look-ups', () => {
  const SPOT: readonly (readonly [string, Partial<SecurityInfo>])[] = [
    ['AAPL', { type: 'company' }],
    ['BRK.B', { type: 'company' }],
    ['VTI', { type: 'etf', assetClass: 'us-equity' }],
    ['VOO', { type: 'etf', assetClass: 'us-equity' }],
    ['SPY', { type: 'etf', assetClass: 'us-equity' }],
    ['QQQ', { type: 'etf', assetClass: 'us-equity' }],
    ['DIA', { type: 'etf', assetClass: 'us-equity' }],
    ['MDY', { type: 'etf', assetClass: 'us-equity' }],
    ['GLD', { type: 'trust', assetClass: 'commodity' }],
    ['IAU', { type: 'trust', assetClass: 'commodity' }],
    ['IBIT', { type: 'trust', assetClass: 'crypto' }],
    ['FBTC', { type: 'trust', assetClass: 'crypto' }],
    ['BND', { type: 'etf', assetClass: 'bond' }],
    ['AGG', { type: 'etf', assetClass: 'bond' }],
    ['BNDX', { type: 'etf', assetClass: 'bond' }],
    ['VBTLX', { type: 'mutual-fund', assetClass: 'bond', name: 'Vanguard Total Bond Market' }],
    ['VXUS', { type: 'etf', assetClass: 'international-equity' }],
    ['VTIAX', { type: 'mutual-fund', assetClass: 'international-equity' }],
    ['VEA', { type: 'etf', assetClass: 'international-equity' }],
    ['IEFA', { type: 'etf', assetClass: 'international-equity' }],
    ['VWO', { type: 'etf', assetClass: 'international-equity' }],
    ['IEMG', { type: 'etf', assetClass: 'international-equity' }],
    ['EFA', { type: 'etf', assetClass: 'international-equity' }],
    ['VT', { type: 'etf', assetClass: 'global-equity' }],
    ['VTWAX', { type: 'mutual-fund', assetClass: 'global-equity' }],
    ['SPAXX', { type: 'mutual-fund', assetClass: 'money-market' }],
    ['VMFXX', { type: 'mutual-fund', assetClass: 'money-market' }],
    ['SWVXX', { type: 'mutual-fund', assetClass: 'money-market' }],
    ['FDRXX', { type: 'mutual-fund', assetClass: 'money-market' }],
    ['TQQQ', { type: 'etf', assetClass: 'leveraged' }],
    ['SQQQ', { type: 'etf', assetClass: 'leveraged' }],
    ['VXX', { type: 'etn' }],
    ['FXAIX', { type: 'mutual-fund' }],
    ['ADX', { type: 'closed-end-fund', assetClass: 'us-equity' }],
    ['NEA', { type: 'closed-end-fund', assetClass: 'bond' }],
    ['FXE', { type: 'trust', assetClass: 'other' }],
  ];
  it.each(SPOT)('%s', (ticker, expected) => {
    expect(info(ticker)).toMatchObject({ symbol: ticker, ...expected });
  });

  it('files an ETN the Nasdaq file names as one', () => {
    const line = (directoryJson.funds as string[]).find((l) => /\|ETRACS .*ETN/.test(l))!;
    const symbol = line.split('|')[0]!;
    expect(info(symbol)?.type).toBe('etn');
  });

  it('ties share classes of one fund by SEC series', () => {
    const vti = info('VTI')!.series!;
    expect(vti).toBe('S000002848');
    expect(info('VTSAX')?.series).toBe(vti);
    expect(info('VSMPX')?.series).toBe(vti);
    expect(info('VITSX')?.series).toBe(vti);
    expect(dir.classesOfSeries(vti)).toEqual(expect.arrayContaining(['VTI', 'VTSAX', 'VSMPX', 'VITSX']));
    const voo = info('VOO')!.series!;
    expect(info('VFIAX')?.series).toBe(voo);
    expect(info('VFINX')?.series).toBe(voo);
    expect(dir.classesOfSeries(voo)).toEqual(expect.arrayContaining(['VOO', 'VFIAX', 'VFINX']));
    expect(dir.classesOfSeries('S999999999')).toEqual([]);
  });

  it('gives mutual funds the name and asset class of their listed class', () => {
    expect(info('VTSAX')).toEqual({ symbol: 'VTSAX', type: 'mutual-fund', series: 'S000002848', assetClass: 'us-equity', name: 'Vanguard Total Stock Market' });
    expect(info('VTI')?.name).toBe('Vanguard Total Stock Market ETF');
  });

  it('normalises other spellings of a ticker', () => {
    expect(info('brk-b')?.symbol).toBe('BRK.B');
    expect(info('BRKB')?.symbol).toBe('BRK.B');
    expect(info(' spaxx** ')?.symbol).toBe('SPAXX');
    expect(info('ABR-PD')).toEqual({ symbol: 'ABR.PD', type: 'other' });
  });

  it('answers null for what it does not know', () => {
    expect(info('ZZZZZ')).toBeNull();
    expect(info('')).toBeNull();
    expect(info('912797LN5')).toBeNull();
  });
});

describe('buildDirectory', () => {
  const base = directoryJson as Record<string, unknown>;
  it('refuses a file that is not a directory', () => {
    expect(() => buildDirectory({})).toThrow();
    expect(() => buildDirectory({ ...base, schema: 'breadth.directory/v0' })).toThrow();
    expect(() => buildDirectory({ ...base, funds: ['VTI|z'] })).toThrow();
    expect(() => buildDirectory({ ...base, companies: ['A AA BA'] })).toThrow();
  });

  it('refuses unsorted funds, which binary search would miss', () => {
    expect(() => buildDirectory({ ...base, funds: ['VTI|e|u|2848', 'VOO|e|u|2839'] })).toThrow(/sorted/);
  });

  it('reads a small file', () => {
    const d = buildDirectory({
      ...base,
      companies: ['AAPL'],
      other: [],
      funds: ['VOO|e|u|2839|Vanguard S&P 500 ETF', 'ZZZ|n'],
      mutualFunds: ['VFIAX:2839 VFINX:2839'],
      series: ['2839|u|Vanguard S&P 500'],
    });
    expect(d.lookup('AAPL')).toEqual({ symbol: 'AAPL', type: 'company' });
    expect(d.lookup('ZZZ')).toEqual({ symbol: 'ZZZ', type: 'etn' });
    expect(d.lookup('VFINX')).toEqual({ symbol: 'VFINX', type: 'mutual-fund', series: 'S000002839', assetClass: 'us-equity', name: 'Vanguard S&P 500' });
    expect(d.classesOfSeries('S000002839')).toEqual(['VFIAX', 'VFINX', 'VOO']);
    expect(d.lookup('MSFT')).toBeNull();
  });
});

describe('generator rules', () => {
  it('canonicalises symbols to Breadth’s form', () => {
    expect(canonicalNasdaqSymbol('BRK.B')).toBe('BRK.B');
    expect(canonicalNasdaqSymbol('ABR$D')).toBe('ABR.PD');
    expect(canonicalNasdaqSymbol('ETI$')).toBe('ETI.P');
    expect(canonicalSecSymbol('BRK-B')).toBe('BRK.B');
    expect(canonicalSecSymbol('JPM-PC')).toBe('JPM.PC');
    expect(canonicalSecSymbol('ABC-WTS')).toBeNull();
  });

  const listed = (symbol: string, name: string, etf = false) => listedType({ symbol, name, etf }, null, false);
  it('tells listed companies from preferreds, warrants, units, notes and closed-end funds', () => {
    expect(listed('AAPL', 'Apple Inc. - Common Stock')).toBe('company');
    expect(listed('MPLX', 'MPLX LP Common Units Representing Limited Partner Interests')).toBe('company');
    expect(listed('PFBC', 'Preferred Bank Common Stock')).toBe('company');
    expect(listed('O', 'Realty Income Corporation Common Stock')).toBe('company');
    expect(listed('ABR.PD', 'Arbor Realty Trust 6.375% Series D Cumulative Redeemable Preferred Stock')).toBe('other');
    expect(listed('ACHR.W', 'Archer Aviation Inc. Redeemable Warrants')).toBe('other');
    expect(listed('CAQUU', 'Cambridge Acquisition Corp. - Unit')).toBe('other');
    expect(listed('XELLL', 'Xcel Energy Inc. - 6.25% Junior Subordinated Notes, Series due 2085')).toBe('other');
    expect(listed('ARCC', 'Ares Capital Corporation - Closed End Fund')).toBe('closed-end-fund');
    expect(listed('BHK', 'Blackrock Core Bond Trust')).toBe('closed-end-fund');
    expect(listed('VXX', 'iPath Series B S&P 500 VIX Short-Term Futures ETN')).toBe('etn');
    expect(listed('ETNG', 'Leverage Shares 2X Long ETN Daily ETF', true)).toBe('etf');
  });

  it('shortens names', () => {
    expect(shortName('Eaton Vance Municipal Bond Fund Common Shares of Beneficial Interest, $.01 par value')).toBe('Eaton Vance Municipal Bond Fund');
    expect(shortName('MicroSectors Gold 3X Leveraged ETNs due January 29, 2043')).toBe('MicroSectors Gold 3X Leveraged ETNs');
    expect(seriesName('Vanguard Total Stock Market ETF')).toBe('Vanguard Total Stock Market');
  });
});
