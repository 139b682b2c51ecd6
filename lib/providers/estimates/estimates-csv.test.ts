import { describe, expect, it } from 'vitest';
import { ProviderError } from '../types';
import { csvDate, looksLikeEstimatesCsv, parseEstimatesCsv } from './estimates-csv';
import { EstimateReadingSchema } from './types';
import { providerError } from '../../../test/helpers/provider-error';

// Every column, ISO dates, CRLF and a BOM as Excel saves it.
const FULL =
  '\uFEFFTicker,Date,EPS estimate,Fiscal year end,EPS 30 days ago,EPS 90 days ago,Up revisions 30d,Down revisions 30d,Analysts\r\n' +
  'NVDA,2026-11-20,4.52,2027-01-31,4.41,4.10,12,1,58\r\n' +
  'brk-b,2026-11-20,"21.30",2026-12-31,,,,,\r\n';

// Aliases, US dates, only the required columns plus analysts; a bad row, a blank line and a marker.
const ALIASED = `Symbol,As of,Consensus EPS,# Analysts
MSFT,11/20/2026,15.85,52
AAPL,1/5/2027,8.10,--
GOOGL,13/01/2026,10.20,40

META,2026-11-21,n/a,60
`;


describe('estimates CSV', () => {
  it('recognises a CSV with ticker, date and EPS columns only', () => {
    expect(looksLikeEstimatesCsv(FULL)).toBe(true);
    expect(looksLikeEstimatesCsv(ALIASED)).toBe(true);
    expect(looksLikeEstimatesCsv('Symbol,Quantity,Market Value\nAAPL,10,2000\n')).toBe(false);
    expect(looksLikeEstimatesCsv('<!doctype html><html><body>Ticker,Date,EPS</body></html>')).toBe(false);
    expect(looksLikeEstimatesCsv('Ticker,Date,EPS\n"AAPL,2026-01-01,1')).toBe(false);
  });

  it('reads every column, ISO dates, a quoted figure and empty optional cells', () => {
    const { readings, skipped } = parseEstimatesCsv(FULL, 'C:\\Users\\me\\estimates.csv');
    expect(skipped).toEqual([]);
    expect(readings).toEqual([
      {
        ticker: 'NVDA',
        readAt: '2026-11-20T00:00:00.000Z',
        fiscalYearEnd: '2027-01-31',
        eps: 4.52,
        eps30DaysAgo: 4.41,
        eps90DaysAgo: 4.1,
        upLast30Days: 12,
        downLast30Days: 1,
        analysts: 58,
        source: 'estimates.csv (your import)',
      },
      {
        ticker: 'BRK.B',
        readAt: '2026-11-20T00:00:00.000Z',
        fiscalYearEnd: '2026-12-31',
        eps: 21.3,
        eps30DaysAgo: null,
        eps90DaysAgo: null,
        upLast30Days: null,
        downLast30Days: null,
        analysts: null,
        source: 'estimates.csv (your import)',
      },
    ]);
    for (const r of readings) expect(EstimateReadingSchema.safeParse(r).success).toBe(true);
  });

  it('reads aliases and MM/DD/YYYY dates, and skips bad rows with their line', () => {
    const { readings, skipped } = parseEstimatesCsv(ALIASED, 'my estimates.csv');
    expect(readings.map((r) => [r.ticker, r.readAt, r.eps, r.analysts, r.fiscalYearEnd, r.eps30DaysAgo])).toEqual([
      ['MSFT', '2026-11-20T00:00:00.000Z', 15.85, 52, null, null],
      ['AAPL', '2027-01-05T00:00:00.000Z', 8.1, null, null, null],
    ]);
    expect(readings[0]!.source).toBe('my estimates.csv (your import)');
    expect(skipped).toEqual([
      { line: 4, reason: 'line 4: date "13/01/2026" is not YYYY-MM-DD or MM/DD/YYYY' },
      { line: 6, reason: 'line 6: EPS estimate "n/a" is not a number' },
    ]);
  });

  it('skips junk in optional columns, fractional counts and non-tickers', () => {
    const text = `ticker,date,eps,eps 30 days ago,analysts
AAPL,2026-11-20,8.10,about 8,40
AAPL,2026-11-21,8.10,8.05,40.5
912797LN5,2026-11-20,1,,
,2026-11-20,1,,
AAPL,,8.1,,
AAPL,2026-02-30,8.1,,
`;
    const { readings, skipped } = parseEstimatesCsv(text, 'e.csv');
    expect(readings).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual([
      'line 2: EPS 30 days ago "about 8" is not a number',
      'line 3: analysts "40.5" is not a whole number',
      'line 4: ticker "912797LN5" is not a US stock symbol',
      'line 5: no ticker',
      'line 6: no date',
      'line 7: date "2026-02-30" is not YYYY-MM-DD or MM/DD/YYYY',
    ]);
  });

  it('keeps one reading per ticker and day: the later row', () => {
    const text = 'Ticker,Date,EPS\nAAPL,2026-11-20,8.00\nMSFT,2026-11-20,15.85\nAAPL,11/20/2026,8.05\n';
    const { readings, skipped } = parseEstimatesCsv(text, 'e.csv');
    expect(readings.map((r) => [r.ticker, r.eps])).toEqual([
      ['AAPL', 8.05],
      ['MSFT', 15.85],
    ]);
    expect(skipped).toEqual([{ line: 2, reason: 'line 2: replaced by line 4 (same ticker and date)' }]);
  });

  it('finds the header below a title line', () => {
    const text = 'My estimates, copied weekly\n\nTicker,Date,EPS estimate\nAAPL,2026-11-20,8.10\n';
    expect(parseEstimatesCsv(text, 'e.csv').readings).toHaveLength(1);
  });

  it('refuses a file without the required columns, naming what is missing', () => {
    const e = providerError(() => parseEstimatesCsv('Ticker,EPS estimate\nAAPL,8.10\n', 'e.csv'));
    expect(e.provider).toBe('Estimates CSV');
    expect(e.kind).toBe('format');
    expect(e.message).toBe('Estimates CSV: e.csv has no Date column');
    expect(providerError(() => parseEstimatesCsv('Symbol,Quantity\nAAPL,10\n', 'e.csv')).message).toBe('Estimates CSV: e.csv has no Date, no EPS estimate column');
    expect(providerError(() => parseEstimatesCsv('', 'e.csv')).message).toBe('Estimates CSV: e.csv is empty');
  });

  it('refuses an HTML page and a broken quote', () => {
    const html = providerError(() => parseEstimatesCsv('<!DOCTYPE html><html><body>Sign in</body></html>', 'e.csv'));
    expect(html.kind).toBe('format');
    expect(html.message).toBe('Estimates CSV: e.csv is a web page, not a CSV of estimates');
    expect(providerError(() => parseEstimatesCsv('Ticker,Date,EPS\n"AAPL,2026-11-20,8\n', 'e.csv')).message).toBe(
      'Estimates CSV: e.csv: line 2: a quoted field is never closed',
    );
  });

  it('keeps a long file name within the source limit', () => {
    const { readings } = parseEstimatesCsv('Ticker,Date,EPS\nAAPL,2026-11-20,8.1\n', `${'x'.repeat(200)}.csv`);
    expect(readings[0]!.source.length).toBe(120);
    expect(readings[0]!.source.endsWith('… (your import)')).toBe(true);
  });

  it('reads real calendar days only', () => {
    expect(csvDate('2026-11-20')).toBe('2026-11-20');
    expect(csvDate('02/29/2028')).toBe('2028-02-29');
    expect(csvDate('02/29/2027')).toBeNull();
    expect(csvDate('2026-1-5')).toBeNull();
    expect(csvDate('20/11/2026')).toBeNull();
  });
});
