/**
 * E*TRADE's portfolio page (us.etrade.com/etx/pxy/portfolios): a positions table per account with
 * expandable tax-lot rows (dated: skipped, the position row counts), CASH and TOTAL rows, and numbers
 * that may start with a dot (`.25`). No public scraper documents this page; the adapter reads the
 * positions table by what its headers mean, like the generic reader, confined to that table.
 */
import { ETRADE_PAGES } from './hosts';
import { defineTableSiteAdapter } from './table-site';

export const ETRADE_SELECTORS = {
  tables: '#positionsTable, table[data-test-id="positions-table"], table.portfolio-positions',
} as const;

export const etradeAdapter = defineTableSiteAdapter({
  id: 'etrade',
  label: 'E*TRADE portfolio page',
  matches: ETRADE_PAGES,
  isPositionsPage: (url) => url.hostname === 'us.etrade.com' && url.pathname.startsWith('/etx/pxy/portfolios'),
  tables: ETRADE_SELECTORS.tables,
});
