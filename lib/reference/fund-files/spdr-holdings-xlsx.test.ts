import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeXlsx, parseSpdrHoldingsXlsx } from './spdr-holdings-xlsx';
import { FundFileFormatError } from './types';
import { strToU8 } from 'fflate';
import { buildXlsx, type Cell } from '../../../test/helpers/xlsx';

const PREAMBLE: Record<number, Cell[]> = {
  1: ['Fund Name:', 'SPDR® S&P 500® ETF Trust'],
  2: ['Ticker Symbol:', 'SPY'],
  3: ['Holdings:', 'As of 10-Apr-2026'],
  // row 4 is absent, as in the real file
};
const HEADER: Cell[] = ['Name', 'Ticker', 'Identifier', 'SEDOL', 'Weight', 'Sector', 'Shares Held', 'Local Currency'];
const LEGAL = 'Portfolio holdings are as of the date indicated.\nThey are subject to change & not a recommendation.';
const SAMPLE: Record<number, Cell[]> = {
  ...PREAMBLE,
  5: HEADER,
  6: ['MICROSOFT CORP', 'MSFT', '594918104', '2588173', 6.25, '-', 1_000_000, 'USD'],
  7: ['BERKSHIRE HATHAWAY INC CL B', { inline: 'BRK.B' }, '084670702', '2073390', 1.5, '-', 250_000, 'USD'],
  8: ['US DOLLAR', '-', '999USDZ92', '-', 0.25, '-', 123_456_789.5, 'USD'],
  9: ['ACME WIDGETS INC', 'ACME', '00000A101', 'B000001', 0.000004, '-', 1200, 'USD'],
  10: [null, null, null, null, null, null, null, null],
  11: [LEGAL, null, null, null, null, null, null, null],
  12: ['Past performance is not a reliable indicator of future performance.', 'X', '', '', 9],
};

describe('parseSpdrHoldingsXlsx', () => {
  it('reads the preamble and the holdings up to the first empty row', () => {
    const bytes = buildXlsx(SAMPLE);
    expect(looksLikeXlsx(bytes)).toBe(true);
    const file = parseSpdrHoldingsXlsx(bytes);
    expect(file).toMatchObject({ publisher: 'SPDR (State Street)', fund: 'SPY', fundName: 'SPDR® S&P 500® ETF Trust', asOf: '2026-04-10' });
    expect(file.rows).toEqual([
      { line: 6, ticker: 'MSFT', name: 'MICROSOFT CORP', sector: null, weightPct: 6.25, marketValue: null, isEquity: true },
      { line: 7, ticker: 'BRK.B', name: 'BERKSHIRE HATHAWAY INC CL B', sector: null, weightPct: 1.5, marketValue: null, isEquity: true },
      { line: 8, ticker: '', name: 'US DOLLAR', sector: null, weightPct: 0.25, marketValue: null, isEquity: false },
      { line: 9, ticker: 'ACME', name: 'ACME WIDGETS INC', sector: null, weightPct: 0.000004, marketValue: null, isEquity: true },
    ]);
  });

  it('stops at legal text that follows the last holding directly, as in the real file', () => {
    const { 10: _blank, ...rest } = SAMPLE;
    const rows = { ...rest, 10: [LEGAL] } satisfies Record<number, Cell[]>;
    expect(parseSpdrHoldingsXlsx(buildXlsx(rows)).rows.map((r) => r.line)).toEqual([6, 7, 8, 9]);
  });

  const html = strToU8('\n\n<!DOCTYPE HTML>\n<html lang="en-US"><head><title>404 Error Page</title></head><body></body></html>');
  const { 3: _asOf, ...noAsOf } = SAMPLE;
  it.each([
    ['an HTML page saved as .xlsx', html, /web page \(HTML\), not an SPDR holdings \.xlsx/],
    ['a file that is not a zip', strToU8('Name,Ticker\nAPPLE INC,AAPL\n'), /not an Excel \.xlsx workbook/],
    ['a damaged zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /damaged/],
    ['a workbook without the holdings header', buildXlsx(PREAMBLE), /No holdings header \(Name, Ticker, Weight, …\) found/],
    ['an empty table', buildXlsx({ ...PREAMBLE, 5: HEADER, 7: [LEGAL] }), /^row 5: the holdings table is empty\.$/],
    ['a file without an as-of date', buildXlsx(noAsOf), /No as-of date/],
  ])('refuses %s', (_, bytes, message) => {
    expect(() => parseSpdrHoldingsXlsx(bytes)).toThrow(FundFileFormatError);
    expect(() => parseSpdrHoldingsXlsx(bytes)).toThrow(message);
  });
});

describe('looksLikeXlsx', () => {
  it('checks the zip magic', () => {
    expect(looksLikeXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true);
    expect(looksLikeXlsx(strToU8('<html>'))).toBe(false);
    expect(looksLikeXlsx(new Uint8Array([0x50, 0x4b]))).toBe(false);
  });
});

const REAL_SPY = resolve(__dirname, '../../../../shared/reference/ssga_SPY_holdings-daily-us-en-spy_2026-04-10.xlsx');

describe.skipIf(!existsSync(REAL_SPY))('the real SPDR SPY file in ../shared', () => {
  it('parses to the S&P 500 with equity weights summing to about 100 %', () => {
    const file = parseSpdrHoldingsXlsx(new Uint8Array(readFileSync(REAL_SPY)));
    expect(file).toMatchObject({ fund: 'SPY', asOf: '2026-04-10' });
    expect(file.fundName).toMatch(/SPDR® S&P 500® ETF Trust/);
    const equity = file.rows.filter((r) => r.isEquity);
    expect(equity.length).toBeGreaterThan(490);
    expect(equity.some((r) => r.ticker === 'BRK.B')).toBe(true);
    expect(file.rows.find((r) => r.name === 'US DOLLAR')?.isEquity).toBe(false);
    const total = equity.reduce((s, r) => s + (r.weightPct ?? 0), 0);
    expect(Math.abs(total - 100)).toBeLessThan(1);
  });
});
