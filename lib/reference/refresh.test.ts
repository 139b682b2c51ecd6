import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { bundledReference } from './index';
import { applyReferenceFile, bundledState, readReferenceFile, referenceFromState, ReferenceFileError } from './refresh';
import { iSharesCsv } from '../../test/helpers/ishares';
import { buildXlsx, type Cell } from '../../test/helpers/xlsx';
import { buildAudit } from '../analysis/audit';
import { DEFAULT_RULE_SETTINGS } from '../schema/settings';
import type { StoredAccount } from '../schema/portfolio';
import type { RawHolding } from '../schema/holdings';

const bundled = () => bundledState(bundledReference().snapshot);
const at = new Date('2026-11-25T10:00:00Z');
const bytes = (text: string) => strToU8(text);

describe('refreshing an index from an iShares file', () => {
  // A (tiny) S&P MidCap 400 as of Nov 20, 2026 in the 2026 layout: CRS stays, NEWCO joins, HOLX
  // drops down from the S&P 500; cash and collateral rows are not constituents.
  const ijh = iSharesCsv(
    'iShares Core S&P Mid-Cap ETF',
    'Nov 20, 2026',
    [
      { ticker: 'CRS', name: 'CARPENTER TECHNOLOGY CORP', sector: 'Industrials', marketValue: 600 },
      { ticker: 'NEWCO', name: 'NEW COMPANY INC', sector: 'Health Care', marketValue: 300 },
      { ticker: 'HOLX', name: 'HOLOGIC INC', sector: 'Health Care', marketValue: 100 },
      { ticker: 'USD', name: 'USD CASH', sector: 'Cash and/or Derivatives', marketValue: 50, assetClass: 'Cash', type: 'CASH' },
    ],
    '2026',
  );

  it('recognises the fund by its name and the index it stands for', () => {
    const file = readReferenceFile('IJH_holdings.csv', bytes(ijh));
    expect(file).toMatchObject({ kind: 'index', index: 'sp400', fund: 'IJH', asOf: '2026-11-20' });
  });

  it('replaces that index only, moves a company that changed index, and says what changed', () => {
    const before = bundled();
    const { state, change } = applyReferenceFile(before, readReferenceFile('IJH_holdings.csv', bytes(ijh)), at);
    const sp400 = state.snapshot.constituents.filter((c) => c.index === 'sp400');
    expect(sp400.map((c) => [c.ticker, c.weight])).toEqual([['CRS', 0.6], ['NEWCO', 0.3], ['HOLX', 0.1]]);
    expect(state.snapshot.constituents.filter((c) => c.ticker === 'HOLX').map((c) => c.index)).toEqual(['sp400']);
    expect(state.snapshot.constituents.filter((c) => c.index === 'sp600')).toHaveLength(604); // untouched
    expect(state.snapshot.sources.find((s) => s.index === 'sp400')).toMatchObject({ fund: 'IJH', asOf: '2026-11-20', layout: 'ishares-2026' });
    // The oldest source still dates the whole: the S&P 500 and 600 are from June.
    expect(state.snapshot.asOf).toBe('2026-06-19');
    expect(change.added).toEqual(['NEWCO', 'HOLX']);
    expect(change.removed).toHaveLength(399); // 400 before, CRS kept
    expect(change.summary).toMatch(/^S&P MidCap 400 from iShares IJH: 2026-06-19 → 2026-11-20; 2 added \(NEWCO, HOLX\); 399 removed/);
    expect(state.change).toBe(change.summary);
    // The company names already known are kept.
    expect(state.snapshot.constituents.find((c) => c.ticker === 'NEWCO')?.name).toBe('New Company Inc');
    const reference = referenceFromState(state);
    expect(reference.sourceLabel).toBe('iShares IVV (2026-06-19), IJH (2026-11-20), IJR (2026-06-19) holdings as of 2026-06-19');
  });

  it('reads the classic layout too, and reports a new top-10 order', () => {
    const ivv = iSharesCsv('iShares Core S&P 500 ETF', 'Nov 20, 2026', [
      { ticker: 'MSFT', name: 'MICROSOFT CORP', sector: 'Information Technology', marketValue: 500 },
      { ticker: 'NVDA', name: 'NVIDIA CORP', sector: 'Information Technology', marketValue: 300 },
      { ticker: 'JPM', name: 'JPMORGAN CHASE & CO', sector: 'Financials', marketValue: 200 },
    ]);
    const { state, change } = applyReferenceFile(bundled(), readReferenceFile('IVV_holdings.csv', bytes(ivv)), at);
    expect(state.snapshot.sources.find((s) => s.index === 'sp500')).toMatchObject({ layout: 'ishares-classic', asOf: '2026-11-20' });
    expect(change.topTenAfter).toEqual(['Microsoft', 'Nvidia', 'JPMorgan Chase']);
    expect(change.summary).toContain('top 10: +JPMorgan Chase, −Apple Inc.');
  });

  it('refuses a web page saved as .csv, and files that are not holdings', () => {
    expect(() => readReferenceFile('IVV_holdings.csv', bytes('\n<!DOCTYPE html><html><body>Error 404</body></html>'))).toThrow(
      'IVV_holdings.csv is a web page (HTML), not a holdings file: the fund site sent an error page. Download the holdings file again.',
    );
    expect(() => readReferenceFile('positions.csv', bytes('Symbol,Quantity\nAAPL,1\n'))).toThrow(ReferenceFileError);
    expect(() => readReferenceFile('positions.csv', bytes('Symbol,Quantity\nAAPL,1\n'))).toThrow(/not a fund holdings file from iShares \(\.csv\), SPDR \(\.xlsx\) or Invesco \(\.csv\)/);
  });
});

describe('funds imported for look-through', () => {
  const account = (holdings: RawHolding[]): StoredAccount => ({
    key: 'test:a', label: 'A', source: { kind: 'file', readerId: 'plain-csv', label: 'test' }, readAt: '2026-11-25T00:00:00.000Z', holdings, skipped: [], complete: true,
  });

  // QQQ as Invesco publishes it: AAPL 9 %, NVDA 8 %, CRS (an S&P 400 name) 3 %, ACME (outside the
  // S&P 1500) 5 %, a futures line; the stocks sum to 25 %, the rest (75 %) is counted as cash here
  // only because this test file is short.
  const qqq = [
    'Fund Ticker,Security Identifier,Holding Ticker,Shares/Par Value,MarketValue,Weight,Name,Class of Shares,Sector,Date',
    'QQQ,037833100,AAPL ,"100","9,000.00",9.000,Apple Inc,Common Stock,Information Technology,11/20/2026',
    'QQQ,67066G104,NVDA ,"100","8,000.00",8.000,NVIDIA Corp,Common Stock,Information Technology,11/20/2026',
    'QQQ,144285103,CRS ,"10","3,000.00",3.000,Carpenter Technology Corp,Common Stock,Industrials,11/20/2026',
    'QQQ,000000000,ACME ,"10","5,000.00",5.000,Acme Widgets Inc,Common Stock,Industrials,11/20/2026',
    'QQQ,NQZ6,NQZ6 ,"1","1,000.00",1.000,NASDAQ 100 E-MINI DEC26,Futures,,11/20/2026',
  ].join('\n');

  it('an Invesco fund becomes a look-through fund with its own weights', () => {
    const file = readReferenceFile('QQQ.csv', bytes(qqq));
    expect(file).toMatchObject({ kind: 'fund', fund: { ticker: 'QQQ', tracks: 'holdings', asOf: '2026-11-20', publisher: 'Invesco' } });
    const { state, change } = applyReferenceFile(bundled(), file, at);
    expect(change.summary).toBe('QQQ (Invesco QQQ) for look-through: as of 2026-11-20');
    const reference = referenceFromState(state);
    // $10,000 in QQQ: top 10 = (9 % + 8 %) → $1,700; S&P 400 (CRS) $300; other equity (ACME) $500;
    // the rest, $7,500, cash. Nothing unresolved any more.
    const audit = buildAudit({ accounts: [account([{ symbol: 'QQQ', marketValue: 10_000 }])], reference, settings: DEFAULT_RULE_SETTINGS, generatedAt: at });
    expect(audit.exposure.tiers.top10).toBeCloseTo(0.17, 12);
    expect(audit.exposure.tiers.sp400).toBeCloseTo(0.03, 12);
    expect(audit.exposure.tiers.otherEquity).toBeCloseTo(0.05, 12);
    expect(audit.exposure.tiers.cash).toBeCloseTo(0.75, 12);
    expect(audit.exposure.tiers.unresolved).toBe(0);
    expect(audit.exposure.coverage).toBe(1);
    expect(audit.holdings[0]).toMatchObject({ category: 'fund', fundTracks: 'holdings', topTenByIssuer: { 'Apple Inc.': 0.09, Nvidia: 0.08 } });
    expect(audit.holdings[0]!.topTenLookThrough).toBeCloseTo(0.17, 12);
    expect(audit.exposure.topTen.issuers.find((i) => i.issuer === 'Apple Inc.')?.viaFunds).toBeCloseTo(0.09, 12);
    // The imported file wins over the bundled Nasdaq-100 weights, and says so.
    expect(audit.holdings[0]!.seenThrough).toMatchObject({ source: 'QQQ', relation: 'own', asOf: '2026-11-20' });
    const before = buildAudit({ accounts: [account([{ symbol: 'QQQ', description: 'INVESCO QQQ TRUST', marketValue: 10_000 }])], reference: bundledReference(), settings: DEFAULT_RULE_SETTINGS, generatedAt: at });
    expect(before.holdings[0]!.seenThrough).toMatchObject({ source: 'Nasdaq-100', relation: 'same-index' });
  });

  it('another iShares fund is recognised by the name iShares gives its download', () => {
    const iwb = iSharesCsv('iShares Russell 1000 ETF', 'Nov 20, 2026', [
      { ticker: 'NVDA', name: 'NVIDIA CORP', sector: 'Information Technology', marketValue: 750 },
      { ticker: 'CRS', name: 'CARPENTER TECHNOLOGY CORP', sector: 'Industrials', marketValue: 250 },
    ]);
    expect(readReferenceFile('IWB_holdings.csv', bytes(iwb))).toMatchObject({ kind: 'fund', fund: { ticker: 'IWB', holdings: [{ ticker: 'NVDA', weight: 0.75 }, { ticker: 'CRS', weight: 0.25 }] } });
    expect(() => readReferenceFile('download.csv', bytes(iwb))).toThrow(/cannot tell which fund "iShares Russell 1000 ETF" is/);
  });

  it('SPDR SPY (.xlsx) refreshes the S&P 500 weights, with sectors from the current data', () => {
    const known = bundledReference().issuersByIndex.sp500.flatMap((i) => i.tickers).slice(0, 450);
    const rows: Record<number, Cell[]> = {
      1: ['Fund Name:', 'SPDR® S&P 500® ETF Trust'],
      2: ['Ticker Symbol:', 'SPY'],
      3: ['Holdings:', 'As of 20-Nov-2026'],
      5: ['Name', 'Ticker', 'Identifier', 'SEDOL', 'Weight', 'Sector', 'Shares Held', 'Local Currency'],
    };
    known.forEach((t, i) => (rows[6 + i] = [`COMPANY ${t}`, t, '000000000', '-', 0.2, '-', 100, 'USD']));
    rows[6 + known.length] = ['BRAND NEW CO', 'ZZNEW', '000000000', '-', 0.2, '-', 100, 'USD'];
    rows[7 + known.length] = ['US DOLLAR', '-', '-', '-', 0.1, '-', 1, 'USD'];
    const file = readReferenceFile('holdings-daily-us-en-spy.xlsx', buildXlsx(rows));
    expect(file.kind).toBe('spdr-index');
    const { state, change } = applyReferenceFile(bundled(), file, at);
    const sp500 = state.snapshot.constituents.filter((c) => c.index === 'sp500');
    expect(sp500).toHaveLength(450);
    expect(sp500.every((c) => Math.abs(c.weight - 1 / 450) < 1e-9)).toBe(true);
    expect(sp500.find((c) => c.ticker === 'NVDA')).toMatchObject({ sector: 'Information Technology', name: 'Nvidia' });
    expect(change.leftOut).toEqual(["ZZNEW (no sector known: import IVV's file from iShares to include it)"]);
    expect(state.snapshot.sources.find((s) => s.index === 'sp500')).toMatchObject({ fund: 'SPY', publisher: 'SPDR (State Street)', layout: 'spdr-xlsx', asOf: '2026-11-20' });
  });
});
