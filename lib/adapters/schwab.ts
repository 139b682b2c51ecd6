/**
 * Schwab's positions page (client.schwab.com/app/accounts/positions): one table for all accounts, the
 * symbol in each row's `<th>`, account groups introduced by a one-cell account row, "Cash & Cash
 * Investments" and "Account Total" rows — all understood by the generic table reader, confined here
 * to Schwab's positions table.
 */
import { SCHWAB_PAGES } from './hosts';
import { defineTableSiteAdapter } from './table-site';

export const SCHWAB_SELECTORS = {
  // 2023–2026 layouts: the responsive positions table; a newer app shell names it by test id.
  table: '#responsiveTable, table[data-testid="positions-table"], table.positions-table',
} as const;

export const schwabAdapter = defineTableSiteAdapter({
  id: 'schwab',
  label: 'Schwab positions page',
  matches: SCHWAB_PAGES,
  isPositionsPage: (url) => url.hostname === 'client.schwab.com' && url.pathname.startsWith('/app/accounts/positions'),
  tables: SCHWAB_SELECTORS.table,
});
