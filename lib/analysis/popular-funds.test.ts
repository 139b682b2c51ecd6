/**
 * The most-held US funds and share classes (../shared/reference/funds/popular-funds.md and the
 * bundled look-through set, written here as a list): each must resolve, on the bundled reference,
 * to a look-through (with its source named), international, non-equity or cash — never to "other
 * stocks", "unresolved" or "unrecognised".
 */
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { bundledReference } from '../reference';

type Expected = 'index' | 'holdings' | 'international' | 'nonEquity' | 'cash';

const POPULAR: readonly [string, Expected, string?][] = [
  // S&P 500, 400, 600 and equal weight: the bundled index data
  ['SPY', 'index'], ['IVV', 'index'], ['VOO', 'index'], ['SPLG', 'index'], ['FXAIX', 'index'], ['VFIAX', 'index'],
  ['VFINX', 'index'], ['SWPPX', 'index'], ['VFFSX', 'index'], ['IJH', 'index'], ['MDY', 'index'], ['IJR', 'index'], ['RSP', 'index'],
  // Total market: VTI's or ITOT's holdings
  ['VTI', 'holdings', 'VTI'], ['VTSAX', 'holdings', 'VTI'], ['VITSX', 'holdings', 'VTI'], ['VSMPX', 'holdings', 'VTI'],
  ['ITOT', 'holdings', 'ITOT'], ['FSKAX', 'holdings', 'VTI'], ['FZROX', 'holdings', 'VTI'], ['SWTSX', 'holdings', 'VTI'],
  ['SCHB', 'holdings', 'VTI'], ['IWV', 'holdings', 'VTI'],
  // Nasdaq-100
  ['QQQ', 'holdings', 'Nasdaq-100'], ['QQQM', 'holdings', 'Nasdaq-100'],
  // Growth, value, dividend, size, sector, factor
  ['VUG', 'holdings', 'VUG'], ['VIGAX', 'holdings', 'VUG'], ['VTV', 'holdings', 'VTV'], ['VVIAX', 'holdings', 'VTV'],
  ['IWF', 'holdings', 'IWF'], ['IWD', 'holdings', 'IWD'], ['IWM', 'holdings', 'IWM'], ['VIG', 'holdings', 'VIG'],
  ['VYM', 'holdings', 'VYM'], ['VHYAX', 'holdings', 'VYM'], ['SCHD', 'holdings', 'SCHD'], ['SCHG', 'holdings', 'SCHG'],
  ['VO', 'holdings', 'VO'], ['VIMAX', 'holdings', 'VO'], ['VB', 'holdings', 'VB'], ['VSMAX', 'holdings', 'VB'],
  ['VGT', 'holdings', 'VGT'], ['VITAX', 'holdings', 'VGT'], ['VNQ', 'holdings', 'VNQ'], ['VGSLX', 'holdings', 'VNQ'],
  ['MTUM', 'holdings', 'MTUM'], ['QUAL', 'holdings', 'QUAL'], ['USMV', 'holdings', 'USMV'], ['VLUE', 'holdings', 'VLUE'], ['LRGF', 'holdings', 'LRGF'],
  ['XLB', 'holdings', 'XLB'], ['XLC', 'holdings', 'XLC'], ['XLE', 'holdings', 'XLE'], ['XLF', 'holdings', 'XLF'], ['XLI', 'holdings', 'XLI'],
  ['XLK', 'holdings', 'XLK'], ['XLP', 'holdings', 'XLP'], ['XLRE', 'holdings', 'XLRE'], ['XLU', 'holdings', 'XLU'], ['XLV', 'holdings', 'XLV'], ['XLY', 'holdings', 'XLY'],
  // International stock funds
  ['VXUS', 'international'], ['VTIAX', 'international'], ['VEA', 'international'], ['IEFA', 'international'], ['VWO', 'international'],
  ['IEMG', 'international'], ['EFA', 'international'], ['FTIHX', 'international'], ['FZILX', 'international'], ['SWISX', 'international'],
  ['VTMGX', 'international'], ['IXUS', 'international'],
  // Bonds, gold, bitcoin: not equity
  ['BND', 'nonEquity'], ['AGG', 'nonEquity'], ['BNDX', 'nonEquity'], ['VBTLX', 'nonEquity'], ['FXNAX', 'nonEquity'], ['SCHZ', 'nonEquity'],
  ['TLT', 'nonEquity'], ['GLD', 'nonEquity'], ['IAU', 'nonEquity'], ['IBIT', 'nonEquity'],
  // Money-market funds: cash, by what they are
  ['SPAXX', 'cash'], ['FDRXX', 'cash'], ['VMFXX', 'cash'], ['SWVXX', 'cash'],
];

describe('the most-held US funds resolve to something Breadth can count', () => {
  const reference = bundledReference();
  it('lists at least 60 funds and share classes', () => expect(POPULAR.length).toBeGreaterThanOrEqual(60));

  it.each(POPULAR)('%s → %s %s', (ticker, expected, source) => {
    const c = classify({ symbol: ticker, marketValue: 1_000 }, reference);
    if (expected === 'index' || expected === 'holdings') {
      expect(c.kind).toBe('fund');
      if (c.kind !== 'fund') return;
      expect(c.view.kind).toBe(expected);
      if (source) expect(c.seenThrough.source).toBe(source);
      expect(c.seenThrough.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } else {
      expect(c.kind).toBe(expected);
    }
  });
});
