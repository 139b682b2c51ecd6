// @vitest-environment jsdom
import { ibkrAdapter } from './ibkr';
import { describeTableSite } from '../../test/helpers/table-site';

describeTableSite({
  adapter: ibkrAdapter,
  positionsUrl: 'https://www.interactivebrokers.com/portal/#/portfolio',
  positive: 'portfolio.html',
  empty: 'empty-portfolio.html',
  negative: { file: 'negative-trade.html', url: 'https://www.interactivebrokers.com/portal/#/trade' },
  // 12,200 + 4,470 + 3,260 + 1,550.25 = 21,480.25, the page's total.
  accountTotals: { 'Account ••4567 — Individual': 21_480.25 },
  unmasked: ['U1234567'],
  cash: ['Cash (USD)'],
});
