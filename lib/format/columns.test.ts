import { describe, expect, it } from 'vitest';
import { headerMeaning } from './columns';

describe('column meanings', () => {
  it.each([
    // E*TRADE views, standard and custom
    ['Qty #', 'quantity'], ['Quantity', 'quantity'], ['Value $', 'value'], ['Market Value', 'value'], ['Last Price $', 'price'], ['Last Price', 'price'],
    ['Price Paid $', null], ['Total Gain $', null], ["Day's Gain $", null],
    // Schwab 2020 and 2026 names
    ['Qty (Quantity)', 'quantity'], ['Mkt Val (Market Value)', 'value'], ['Price Change $', null], ['Market Cap', null],
    // Fidelity, Merrill, statements, Breadth's own file
    ['Current Value', 'value'], ['Value ($)', 'value'], ['Price ($)', 'price'], ['Ending Value', 'value'], ['Beginning Value', null],
    ['Market value (USD)', 'value'], ['Last Price Change', null], ['Account #', 'account'], ['Account Number', 'account'], ['Fund Name', 'description'],
    ['# of Shares', 'quantity'], ['Shares Owned', 'quantity'], ['Symbol/CUSIP', 'symbol'],
  ])('%j means %s', (text, meaning) => expect(headerMeaning(text)).toBe(meaning));
});
