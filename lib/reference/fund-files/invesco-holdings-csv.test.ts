import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeInvescoHoldings, parseInvescoHoldings } from './invesco-holdings-csv';
import { FundFileFormatError } from './types';

const HEADER = 'Fund Ticker,Security Identifier,Holding Ticker,Shares/Par Value,MarketValue,Weight,Name,Class of Shares,Sector,Date';
// Own values in Invesco's layout: trailing spaces in Holding Ticker, quoted thousands, MM/DD/YYYY.
const SAMPLE = [
  HEADER,
  'QQQ,037833100,AAPL ,"1,000,000","250,000,000.50",10.5,Apple Inc,Common Stock,Information Technology,01/02/2025',
  'QQQ,594918104,MSFT ,"500,000","200,000,000.00",8.400,Microsoft Corp,Common Stock,Information Technology,01/02/2025',
  'QQQ,N07059210,ASML ,"10,000","7,000,000.25",0.294,ASML Holding NV,American Depository Receipt - NY,Information Technology,01/02/2025',
  'QQQ,ZZFUT0001,NQH5 ,10,"2,100,000.00",0.088,E-mini Nasdaq 100 Future,Futures,,01/02/2025',
  'QQQ,,,"3,456,789","3,456,789.00",0.145,Cash/Receivables/Payables,Cash,,01/02/2025',
  '',
].join('\n');

const HTML_PAGE = '\n\n\n<!DOCTYPE HTML>\n<html lang="en-US">\n<head><title>404 Error Page</title></head><body>Not found</body></html>\n';

describe('parseInvescoHoldings', () => {
  it('reads the holdings, trimming tickers and parsing quoted thousands and the US date', () => {
    const file = parseInvescoHoldings(SAMPLE);
    expect(file).toMatchObject({ publisher: 'Invesco', fund: 'QQQ', fundName: 'Invesco QQQ', asOf: '2025-01-02' });
    expect(file.rows).toEqual([
      { line: 2, ticker: 'AAPL', name: 'Apple Inc', sector: 'Information Technology', weightPct: 10.5, marketValue: 250_000_000.5, isEquity: true },
      { line: 3, ticker: 'MSFT', name: 'Microsoft Corp', sector: 'Information Technology', weightPct: 8.4, marketValue: 200_000_000, isEquity: true },
      { line: 4, ticker: 'ASML', name: 'ASML Holding NV', sector: 'Information Technology', weightPct: 0.294, marketValue: 7_000_000.25, isEquity: true },
      { line: 5, ticker: 'NQH5', name: 'E-mini Nasdaq 100 Future', sector: null, weightPct: 0.088, marketValue: 2_100_000, isEquity: false },
      { line: 6, ticker: '', name: 'Cash/Receivables/Payables', sector: null, weightPct: 0.145, marketValue: 3_456_789, isEquity: false },
    ]);
  });

  it('accepts a BOM and CRLF line ends', () => {
    const file = parseInvescoHoldings('\uFEFF' + SAMPLE.replace(/\n/g, '\r\n'));
    expect(file.rows.map((r) => r.ticker)).toEqual(['AAPL', 'MSFT', 'ASML', 'NQH5', '']);
  });

  it.each([
    ['an HTML page saved as .csv', HTML_PAGE, /web page \(HTML\), not an Invesco holdings CSV/],
    ['a file without the holdings header', 'Ticker,Name,Weight (%)\nAAPL,Apple Inc,7.1\n', /No holdings header .* not an Invesco holdings CSV/],
    ['a header without rows', HEADER + '\n\n', /^line 1: the holdings table is empty\.$/],
    ['rows without a date', HEADER + '\nQQQ,037833100,AAPL ,1,1,10,Apple Inc,Common Stock,Information Technology,\n', /No as-of date/],
    ['a header missing a needed column', 'Fund Ticker,Holding Ticker,Weight\nQQQ,AAPL,1\n', /^line 1: the holdings header lacks Name, Class of Shares, Date\.$/],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseInvescoHoldings(text)).toThrow(FundFileFormatError);
    expect(() => parseInvescoHoldings(text)).toThrow(message);
  });
});

describe('looksLikeInvescoHoldings', () => {
  it('recognises the header and nothing else', () => {
    expect(looksLikeInvescoHoldings(SAMPLE)).toBe(true);
    expect(looksLikeInvescoHoldings('\uFEFF' + SAMPLE)).toBe(true);
    expect(looksLikeInvescoHoldings(HTML_PAGE)).toBe(false);
    expect(looksLikeInvescoHoldings('Ticker,Name,Sector\n')).toBe(false);
  });
});

const REAL_QQQ = resolve(__dirname, '../../../../shared/reference/invesco_QQQ_holdings_2024-12-26.csv');

describe.skipIf(!existsSync(REAL_QQQ))('the real Invesco QQQ file in ../shared', () => {
  it('parses to the Nasdaq-100 with weights summing to 100 %', () => {
    const text = readFileSync(REAL_QQQ, 'utf8');
    expect(looksLikeInvescoHoldings(text)).toBe(true);
    const file = parseInvescoHoldings(text);
    expect(file.fund).toBe('QQQ');
    expect(file.asOf).toBe('2024-12-26');
    expect(file.rows.length).toBeGreaterThan(90);
    expect(file.rows.every((r) => r.isEquity && r.ticker === r.ticker.trim() && r.ticker !== '')).toBe(true);
    const total = file.rows.reduce((s, r) => s + (r.weightPct ?? 0), 0);
    expect(Math.abs(total - 100)).toBeLessThan(0.1);
  });
});
