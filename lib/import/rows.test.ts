import { describe, expect, it } from 'vitest';
import { StatedTotals, SubRows, totalKind } from './rows';

describe('total labels', () => {
  it.each([
    ['Grand Total', 'overall'], ['Total Accounts Value', 'overall'], ['Total Accounts', 'overall'], ['TOTAL (all accounts)', 'overall'],
    ['Account Total', 'account'], ['Net Account Value', 'account'], ['Total Account Value:', 'account'],
    ['TOTAL', 'neutral'], ['Totals', 'neutral'], ['Total Holdings', 'neutral'],
    ['Subtotal of Stocks', 'partial'], ['Sub-total', 'partial'], ['Positions Market Value', 'partial'], ['Total Cash', 'partial'],
    ['Total Stock Market Index', null], ['VTSAX', null], ['Totalenergies SE', null], ['', null],
  ])('%j is %s', (label, kind) => expect(totalKind(label)).toBe(kind));
});

describe('lot and sub-rows', () => {
  it('drops dated, "Lot"-labelled and deeper-indented symbol cells, relative to the position above', () => {
    const rows = new SubRows();
    const seen = ['AAPL', '01/02/2024', '   06/03/2024', '2024-01-02', 'Lot 1', 'Tax lot #2', '    AAPL', 'MSFT', 'LOT'].map((cell) => rows.isSubRow(cell));
    expect(seen).toEqual([false, true, true, true, true, true, true, false, false]);
  });

  it('reads a file that pads every symbol alike', () => {
    const rows = new SubRows();
    expect([' AAPL', ' MSFT', '     MSFT', ' VOO'].map((cell) => rows.isSubRow(cell))).toEqual([false, false, true, false]);
  });

  it('does not take an option symbol or a CUSIP for a lot', () => {
    const rows = new SubRows();
    expect(['AAPL 01/15/2027 300.00 C', '912797QY1', 'MSFT#A1527C450000'].map((cell) => rows.isSubRow(cell))).toEqual([false, false, false]);
  });
});

describe('what a total line covers', () => {
  const line = (label: string, value: number, row: number, account?: string) => ({ label, kind: totalKind(label)!, value, row, account });

  it('a "Total" after one account’s rows is that account’s; after the account totals, the grand total', () => {
    const totals = new StatedTotals();
    totals.row('A');
    totals.row('A');
    totals.line(line('Total', 30, 3));
    totals.row('B');
    totals.line(line('Total', 5, 5));
    totals.line(line('Total', 35, 6));
    expect(totals.result()).toEqual([
      { account: 'A', label: 'Total', value: 30, row: 3 },
      { account: 'B', label: 'Total', value: 5, row: 5 },
      { label: 'Total', value: 35, row: 6 },
    ]);
  });

  it('a "Total" after every row of several accounts is the file’s; one after some of them only is dropped', () => {
    const whole = new StatedTotals();
    whole.row('A');
    whole.row('B');
    whole.line(line('Total', 9, 3));
    expect(whole.result()).toEqual([{ label: 'Total', value: 9, row: 3 }]);

    const unclear = new StatedTotals();
    unclear.row('A');
    unclear.line(line('Total', 1, 2));
    unclear.row('B');
    unclear.row('C');
    unclear.line(line('Total', 2, 5));
    expect(unclear.result()).toEqual([{ account: 'A', label: 'Total', value: 1, row: 2 }]);
  });

  it('subtotals do not end an account; a line naming its account keeps it; a line without a figure states nothing', () => {
    const totals = new StatedTotals();
    totals.row('A');
    totals.line(line('Subtotal of Stocks', 10, 2));
    totals.row('A');
    totals.line(line('Account Total', 25, 4));
    totals.row('B');
    totals.line(line('Total', 7, 6, 'B'));
    totals.line({ label: 'Grand Total', kind: 'overall', value: null, row: 7 });
    expect(totals.result()).toEqual([
      { account: 'A', label: 'Account Total', value: 25, row: 4 },
      { account: 'B', label: 'Total', value: 7, row: 6 },
    ]);
  });

  it('in a one-account file, "TOTAL" is the file’s total', () => {
    const totals = new StatedTotals();
    totals.add({ account: 'Brokerage -5678', label: 'Net Account Value', value: 10, row: 3 });
    totals.row('Brokerage -5678');
    totals.line(line('TOTAL', 10, 12));
    expect(totals.result()).toEqual([
      { account: 'Brokerage -5678', label: 'Net Account Value', value: 10, row: 3 },
      { label: 'TOTAL', value: 10, row: 12 },
    ]);
  });
});
