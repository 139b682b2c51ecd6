// @vitest-environment jsdom
import { merrillAdapter } from './merrill';
import { describeTableSite } from '../../test/helpers/table-site';

describeTableSite({
  adapter: merrillAdapter,
  positionsUrl: 'https://olui2.fs.ml.com/TFPHoldings/HoldingsByAccount.aspx',
  positive: 'holdings.html',
  empty: 'empty-holdings.html',
  negative: { file: 'negative-overview.html', url: 'https://olui2.fs.ml.com/TFPOverview/Overview.aspx' },
  // 2,486.98 − 1,200 + 9,025 = 10,311.98; 6,100 (PFE shows no value: unread, not zero).
  accountTotals: { 'IRA-Edge ••1111': 10_311.98, 'Roth IRA-Edge ••2222': 6_100 },
  unmasked: ['AA-11111', 'BB-22222'],
  cash: ['IIAXX'],
});
