/**
 * Mutation tests over every positions format: a fixture with (a) a grand total line, (b) per-account
 * total lines, (c) lot rows under positions (dated, indented, "Lot"-labelled) inserted the way that
 * format writes them. Either the holdings still sum to what they did, or the reconciliation flags
 * the read (a check with ok: false) — a total or lot row must never add money silently.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPositionsFile, POSITIONS_FORMATS } from './index';
import { accountsFromScan } from '../analysis/accounts';
import { reconcileAccounts } from '../analysis/reconcile';
import type { ScanResult } from '../schema/holdings';

const FILES = resolve(import.meta.dirname, '../../test/fixtures/files');
const NOW = new Date('2026-12-01T18:00:00Z');

type Mutate = (text: string) => string;

/** Line edits that fail loudly when their anchor is missing, so a mutation never silently does nothing. */
function lines(text: string) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const list = text.split(/\r?\n/);
  const at = (anchor: RegExp) => {
    const i = list.findIndex((l) => anchor.test(l));
    if (i < 0) throw new Error(`no line matches ${anchor}`);
    return i;
  };
  return {
    after: (anchor: RegExp, ...added: string[]) => (list.splice(at(anchor) + 1, 0, ...added), list.join(eol)),
    before: (anchor: RegExp, ...added: string[]) => (list.splice(at(anchor), 0, ...added), list.join(eol)),
    /** After the last non-blank line. */
    append: (...added: string[]) => {
      let end = list.length;
      while (end > 0 && list[end - 1]!.trim() === '') end--;
      list.splice(end, 0, ...added);
      return list.join(eol);
    },
    drop: (anchor: RegExp) => list.filter((l) => !anchor.test(l)).join(eol),
  };
}
const after = (anchor: RegExp, ...added: string[]): Mutate => (t) => lines(t).after(anchor, ...added);
const before = (anchor: RegExp, ...added: string[]): Mutate => (t) => lines(t).before(anchor, ...added);
const append = (...added: string[]): Mutate => (t) => lines(t).append(...added);
const drop = (anchor: RegExp): Mutate => (t) => lines(t).drop(anchor);
const all = (...steps: Mutate[]): Mutate => (t) => steps.reduce((s, step) => step(s), t);

interface Case {
  format: string;
  file: string;
  /** The fixture without the total lines it already has, so that (b) or (a) adds them back. */
  base?: Mutate;
  /** Values below are hand sums of the rows each fixture holds (USD). A missing mutation says why. */
  grandTotal: Mutate | string;
  accountTotals: Mutate | string;
  lots: Mutate | string;
  /** The format's "grand" total lines are per asset class and currency: never holdings, never compared. */
  grandTotalIsPartial?: true;
}

const CASES: Case[] = [
  {
    format: 'plain-csv',
    file: 'plain-positions.csv',
    // 4,887.80 + 4,350 + 6,520 + 1,000 = 16,757.80
    grandTotal: append('Grand Total,,,,"16,757.80"'),
    accountTotals: before(/^Total,/, 'Account Total,,,,"16,757.80"'),
    lots: after(/^AMZN,/, '01/02/2024,Amazon.com Inc,12,244.39,"2,932.68"', '   AMZN,Amazon.com Inc,8,244.39,"1,955.12"'),
  },
  {
    format: 'schwab-positions-csv',
    file: 'schwab/All-Accounts-Positions-2026-12-01.csv',
    base: drop(/^"(Account|Grand) Total"/),
    grandTotal: append('"Grand Total","","","","$30,500.00","$145.00","$21,700.00","","","",'),
    accountTotals: all(
      after(/^"Cash & Cash Investments"/, '"Account Total","","","","$20,000.00","$51.00","$15,100.00","","","",'),
      after(/^"Cash and Money Market"/, '"Account Total","","","","$10,500.00","$94.00","$6,600.00","","","",'),
    ),
    lots: all(
      after(/^"AAPL"/, '"01/02/2024","APPLE INC","15","$298.00","$4,470.00","$18.00","$3,000.00","49%","22.35%","Equity",', '"    AAPL","APPLE INC","10","$298.00","$2,980.00","$12.00","$2,000.00","49%","14.9%","Equity",'),
      after(/^"NVDA"/, '"  Lot 1","NVIDIA CORP","40","$180.50","$7,220.00","$84.00","$4,000.00","80.5%","68.76%","Equity",'),
    ),
  },
  {
    format: 'schwab-positions-csv',
    file: 'schwab/All-Accounts-Positions-2026-11-24.csv',
    base: drop(/^"Account Total"/),
    // 10,001 + 6,930 (XOM shows no value and is not read)
    grandTotal: append('"Total Accounts Value","--","--","--","--","--","$16,931.00","$74.01","+0.44%","N/A","N/A","N/A","--","--","--",'),
    accountTotals: all(
      after(/^"Cash & Cash Investments".*"\$264\.70"/, '"Account Total","--","--","--","--","--","$10,001.00","$47.00","+0.47%","N/A","N/A","N/A","--","--","--",'),
      after(/^"Cash & Cash Investments".*"\$412\.13"/, '"Account Total","--","--","--","--","--","$6,930.00","$27.01","+0.39%","N/A","N/A","N/A","--","--","--",'),
    ),
    lots: after(
      /^"MSFT"/,
      '"01/02/2024","MICROSOFT CORP","7","$379.40","$1.00","+0.26%","$2,655.80","$7.00","+0.26%","$1,750.00","$905.80","+51.76%","No","--","26.5%","Equity",',
      '"   MSFT","MICROSOFT CORP","5","$379.40","$1.00","+0.26%","$1,897.00","$5.00","+0.26%","$1,250.00","$647.00","+51.76%","No","--","19%","Equity",',
    ),
  },
  {
    format: 'etrade-portfolio-csv',
    file: 'etrade/PortfolioDownload.csv',
    base: drop(/^TOTAL,/),
    grandTotal: after(/^CASH,/, 'TOTAL,,,,,1617.80,14.95,12430.3000,,,,'),
    accountTotals: 'E*TRADE states the account total once, in its Account Summary block (Net Account Value), never as a line',
    lots: all(
      after(/^IJR,/, '02/03/2025,118.40,-.29,15.0000,108.00,156.0000,9.6296,1776.0000,02/03/2025,--,1.3000,--', '   IJR,118.40,-.29,10.0000,113.00,54.0000,4.7788,1184.0000,05/06/2025,--,1.3000,--'),
      after(/^JPM,/, '   Lot 1,290.00,.05,13.0000,250.00,520.0000,16.0000,3770.0000,04/04/2024,14.1000,2.1000,--'),
    ),
  },
  {
    format: 'fidelity-positions-csv',
    file: 'Portfolio_Positions_Nov-24-2026.csv',
    // Every row read: 58,825 − 600 pending + 36,000 + 2,200 (+ the crypto row, which shows no value).
    grandTotal: before(/^\s*$/, ',,,Total,,,,,$96425.00,,,,,,,,,'),
    accountTotals: all(
      after(/^X12345678,Individual - TOD,,Pending activity/, 'X12345678,Individual - TOD,,Account Total,,,,,$58225.00,,,,,,,,,'),
      after(/^222222222,ROTH IRA,,FDRXX/, '222222222,ROTH IRA,,Account Total,,,,,$36000.00,,,,,,,,,'),
      after(/^234567890,/, '234567890,Health Savings Account,,Account Total,,,,,$2200.00,,,,,,,,,'),
      after(/^9999999999,/, '9999999999,Fidelity Crypto,,Account Total,,,,,--,,,,,,,,,'),
    ),
    lots: after(
      /^X12345678,Individual - TOD,,NVDA,/,
      'X12345678,Individual - TOD,,01/02/2024,NVIDIA CORPORATION COM,60,$180.50,+$2.10,$10830.00,+$126.00,+1.18%,+$5430.00,+100.56%,17.80%,$5400.00,$90.00,Cash,',
      'X12345678,Individual - TOD,,   NVDA,NVIDIA CORPORATION COM,40,$180.50,+$2.10,$7220.00,+$84.00,+1.18%,+$3620.00,+100.56%,11.86%,$3600.00,$90.00,Cash,',
    ),
  },
  {
    format: 'fidelity-statement-csv',
    file: 'fidelity-statement/Statement10312026.csv',
    // 42,235.50 + 20,520
    grandTotal: append('Total,,,,,62755.50,,,,,'),
    accountTotals: all(
      after(/^Subtotal of Core Account,,,,,10310\.50/, 'Total Holdings,,,,,42235.50,,,,,'),
      after(/^Subtotal of Core Account,,,,,384\.00/, 'Total Holdings,,,,,20520.00,,,,,'),
    ),
    lots: after(/^NVDA,/, '01/02/2024,NVIDIA CORPORATION COM ,60.0000,180.50000,10320.00,10830.00,5400.00', '   NVDA,NVIDIA CORPORATION COM ,40.0000,180.50000,6880.00,7220.00,3600.00'),
  },
  {
    format: 'merrill-holdings-csv',
    file: 'merrill/Holdings_11242026.csv',
    // 2,486.98 − 1,200 + 9,025 + 4,935 = 15,246.98 and 1,258.53 + 6,100 = 7,358.53 (PFE shows no value)
    grandTotal: append('"11/24/2026","--","Total","--","--","--","--","--","--","--","22,605.51","--","--"'),
    accountTotals: all(
      after(/"912797QY1"/, '"11/24/2026","--","Account Total","--","--","--","IRA-Edge","AA-11111","--","--","15,246.98","--","--"'),
      after(/"PFE"/, '"11/24/2026","--","Account Total","--","--","Kids College","Roth IRA-Edge","BB-22222","--","--","7,358.53","--","--"'),
    ),
    lots: after(
      /"NVDA"/,
      '"11/24/2026","74K38","01/02/2024","67066G104","NVIDIA CORP","--","IRA-Edge","AA-11111","30","180.50","5,415.00","2,415.00","80.50"',
      '"11/24/2026","74K38","   NVDA","67066G104","NVIDIA CORP","--","IRA-Edge","AA-11111","20","180.50","3,610.00","1,610.00","80.50"',
    ),
  },
  {
    format: 'vanguard-ofx-csv',
    file: 'vanguard/OfxDownload.csv',
    // 1,520.33 + 15,250 + 6,075 + 2,980 = 25,825.33 and 6,860
    grandTotal: before(/^\s*$/, ',Total,,,,32685.33,'),
    accountTotals: all(after(/^12345678,Apple Inc,/, '12345678,Account Total,,,,25825.33,'), after(/^98765432,/, '98765432,Account Total,,,,6860.00,')),
    lots: after(/^12345678,Vanguard S&P 500 ETF,/, '12345678,Vanguard S&P 500 ETF,01/02/2024,15,610.00,9150.00,', '12345678,Vanguard S&P 500 ETF,   VOO,10,610.00,6100.00,'),
  },
  {
    format: 'breadth-holdings-csv',
    file: 'breadth/breadth-holdings-2026-11-24.csv',
    // 18,050 + 6,520 + 2,500 = 27,070 and 15,400
    grandTotal: append(',Total,,42470.00,1.000000,,,,,,'),
    accountTotals: all(
      after(/^Individual ••5678,SPAXX/, 'Individual ••5678,Account Total,,27070.00,0.637400,,,,,,'),
      after(/^ROTH IRA ••2222,FXAIX/, 'ROTH IRA ••2222,Account Total,,15400.00,0.362600,,,,,,'),
    ),
    lots: after(/^Individual ••5678,NVDA,/, 'Individual ••5678,01/02/2024,NVIDIA CORP,10830.00,0.255000,Top 10,NVIDIA,S&P 500,,,60', 'Individual ••5678,   NVDA,NVIDIA CORP,7220.00,0.170000,Top 10,NVIDIA,S&P 500,,,40'),
  },
  {
    format: 'ibkr-activity-csv',
    file: 'ibkr/activity-statement-usd.csv',
    base: drop(/^Net Asset Value,Data,Total,/),
    grandTotalIsPartial: true,
    grandTotal: after(/^Open Positions,Total,/, 'Open Positions,SubTotal,,Stocks,USD,,,,,13125,,15128,2003,', 'Open Positions,Total,,Stocks,USD,,,,,13125,,15128,2003,'),
    // 15,128 positions + 1,250.50 cash + 12.25 accruals
    accountTotals: after(/^Net Asset Value,Data,Dividend Accruals,/, 'Net Asset Value,Data,Total,16100,16390.75,0,16390.75,290.75'),
    lots: after(/^Open Positions,Data,Summary,Stocks,USD,JPM,/, 'Open Positions,Data,Lot,Stocks,USD,JPM,12,1,240,2880,290,3480,600,', 'Open Positions,Data,Lot,Stocks,USD,JPM,8,1,265,2120,290,2320,200,'),
  },
  {
    format: 'ibkr-flex-xml',
    file: 'ibkr/flex-open-positions.xml',
    grandTotal: 'an Open Positions section has no total lines',
    accountTotals: 'an Open Positions section has no total lines',
    lots: after(
      /symbol="VOO"/,
      '<OpenPosition accountId="U1234567" acctAlias="" currency="USD" fxRateToBase="1" assetCategory="STK" symbol="VOO" description="VANGUARD S&amp;P 500 ETF" position="12" markPrice="610" positionValue="7320" openDateTime="2024-01-02;093000" levelOfDetail="LOT" />',
      '<OpenPosition accountId="U1234567" acctAlias="" currency="USD" fxRateToBase="1" assetCategory="STK" symbol="VOO" description="VANGUARD S&amp;P 500 ETF" position="8" markPrice="610" positionValue="4880" openDateTime="2025-03-04;100000" levelOfDetail="LOT" />',
    ),
  },
  {
    format: 'ofx-positions',
    file: 'ofx/fidelity-like.ofx',
    grandTotal: 'an OFX statement states no total across its accounts',
    // 18,050 + 22,000 + 4,935 positions + 2,500 available cash
    accountTotals: (t) => t.replace('</INVBAL>', '<BALLIST><BAL><NAME>Networth<DESC>The net market value of all long and short positions in the account<BALTYPE>DOLLAR<VALUE>47485.00<DTASOF>20261124033034.000[-5:EST]</BAL></BALLIST></INVBAL>'),
    lots: 'OFX positions are one record per security (INVPOSLIST has no lot records)',
  },
];

const sum = (scan: ScanResult) => scan.holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0);
const read = (text: string, file: string) => importPositionsFile(text, file.split('/').pop(), NOW);

describe('mutation cases', () => {
  it('cover every positions format', () => {
    expect(new Set(CASES.map((c) => c.format))).toEqual(new Set(POSITIONS_FORMATS.map((f) => f.id)));
  });
});

describe.each(CASES.map((c) => [`${c.format} (${c.file})`, c] as const))('%s', (_, c) => {
  const fixture = readFileSync(resolve(FILES, c.file), 'utf8');
  const base = (c.base ?? ((t: string) => t))(fixture);
  const baseScan = read(base, c.file);
  const mutations: Record<string, Mutate | string> = { grandTotal: c.grandTotal, accountTotals: c.accountTotals, lots: c.lots };
  const applicable = Object.entries(mutations).filter((e): e is [string, Mutate] => typeof e[1] === 'function');
  // All together too, the grand total last so that it closes the file as it would.
  const combined: [string, Mutate] = ['all three', all(...[c.lots, c.accountTotals, c.grandTotal].filter((m): m is Mutate => typeof m === 'function'))];

  it.each([...applicable, combined])('%s: holdings sum as before, or the reconciliation flags the read', (name, mutate) => {
    const mutated = mutate(base);
    expect(mutated).not.toBe(base);
    const scan = read(mutated, c.file);
    expect(scan.source.readerId).toBe(c.format);
    const unchanged = Math.abs(sum(scan) - sum(baseScan)) < 0.005;
    const flagged = reconcileAccounts(accountsFromScan(scan)).some((check) => !check.ok);
    expect(unchanged || flagged).toBe(true);
  });

  it.each([...applicable, combined])('%s: read exactly, every inserted total stated and agreeing', (name, mutate) => {
    const scan = read(mutate(base), c.file);
    expect(sum(scan)).toBeCloseTo(sum(baseScan), 6);
    expect(scan.holdings).toHaveLength(baseScan.holdings.length);
    const checks = reconcileAccounts(accountsFromScan(scan));
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    const states = (key: string) => (key === 'accountTotals' || (key === 'grandTotal' && !c.grandTotalIsPartial)) && typeof mutations[key] === 'function';
    const stating = name === 'all three' ? ['grandTotal', 'accountTotals'].some(states) : states(name);
    const before = reconcileAccounts(accountsFromScan(baseScan)).length;
    if (stating) expect(checks.length).toBeGreaterThan(before);
    else expect(checks).toHaveLength(before);
  });
});
