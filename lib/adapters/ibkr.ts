/**
 * Interactive Brokers' Client Portal portfolio (www.interactivebrokers.com/portal/#/portfolio, a
 * single-page app: the route is in the hash). One positions table per account (account id like
 * U1234567 in its heading, masked), a cash row. No public scraper documents this page; the adapter
 * reads the positions tables by what their headers mean, confined to those tables.
 */
import { IBKR_PAGES } from './hosts';
import { defineTableSiteAdapter } from './table-site';

export const IBKR_SELECTORS = {
  tables: 'table.portfolio-positions, [data-testid="portfolio-positions"] table, #portfolio-positions table',
} as const;

export const ibkrAdapter = defineTableSiteAdapter({
  id: 'ibkr',
  label: 'Interactive Brokers portfolio',
  matches: IBKR_PAGES,
  isPositionsPage: (url) => url.hostname === 'www.interactivebrokers.com' && url.pathname.startsWith('/portal') && /portfolio/i.test(url.hash + url.pathname),
  tables: IBKR_SELECTORS.tables,
});
