// @vitest-environment jsdom
import { etradeAdapter } from './etrade';
import { describeTableSite } from '../../test/helpers/table-site';

describeTableSite({
  adapter: etradeAdapter,
  positionsUrl: 'https://us.etrade.com/etx/pxy/portfolios/positions',
  positive: 'portfolio.html',
  empty: 'empty-portfolio.html',
  negative: { file: 'negative-quote.html', url: 'https://us.etrade.com/etx/mkt/quotes?symbol=AMZN' },
  // 4,887.80 + 2,960 + 3,770 + 812.50 = 12,430.30, the page's TOTAL (lot rows not counted again).
  accountTotals: { 'Brokerage -5678': 12_430.3 },
  unmasked: [],
  cash: ['CASH'],
});
