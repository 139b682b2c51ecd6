/**
 * Merrill Edge holdings (olui2.fs.ml.com/TFPHoldings): a holdings table per account with parentheses
 * negatives, `--` for no value, option contracts, and the bank sweep fund (cash). No public scraper
 * documents this page; the adapter reads the holdings tables by what their headers mean.
 */
import { MERRILL_PAGES } from './hosts';
import { defineTableSiteAdapter } from './table-site';

export const MERRILL_SELECTORS = {
  tables: '#holdingsTable, table.holdings-table, table[id^="HoldingsTable"]',
} as const;

export const merrillAdapter = defineTableSiteAdapter({
  id: 'merrill',
  label: 'Merrill Edge holdings page',
  matches: MERRILL_PAGES,
  isPositionsPage: (url) => url.hostname === 'olui2.fs.ml.com' && /holdings/i.test(url.pathname),
  tables: MERRILL_SELECTORS.tables,
});
