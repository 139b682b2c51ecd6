/**
 * Merrill Edge holdings (olui2.fs.ml.com/TFPHoldings/HoldingsByAccount.aspx). Two structures:
 * - 2026: a `CustomGrid_…` table per account, 11 cells a row (symbol link, description, price,
 *   quantity, unit cost, cost basis, value, unrealised gain as `div.dol`/`div.per`), a "Money accounts"
 *   row (the cash), a Total row; the Balances section beside it is not a holding.
 * - older: a holdings table per account read by what its headers mean, parentheses negatives, `--`
 *   (unread, not zero), option contracts, the bank sweep (RASP) as cash.
 */
import { MERRILL_PAGES } from './hosts';
import { accountContext, cellText } from './dom';
import { cellAt, columnOf, columnsByHeader, defineTableSiteAdapter, type SiteTable } from './table-site';

/** 2026 (SCRAPER_NOTES_2026.md, portfolio_aggregator 2026-02): ASP.NET grids with ids CustomGrid_<n>. */
const GRID = 'table[id^="CustomGrid_"][class*="customTable"]';

export const MERRILL_SELECTORS = {
  grid: GRID,
  // Older holdings tables, modelled on the holdings export.
  tables: '#holdingsTable, table.holdings-table, table[id^="HoldingsTable"]',
} as const;

/** Cell positions the scrapers rely on, for what the header does not name (0-based). */
const KNOWN_COLUMNS = { symbol: 0, description: 2, price: 4, quantity: 5, value: 8 };
/** The cash row's label, and bank sweeps described as such. */
const MONEY_ACCOUNTS = /^money accounts?\b/i;
const SWEEP = /\b(RASP|sweep|bank deposit)\b/i;

function readGrid(table: Element): SiteTable {
  const header = table.querySelectorAll('thead th, tr:first-child > th');
  const columns = columnsByHeader(header, KNOWN_COLUMNS, columnOf);
  return {
    account: accountContext(table),
    rows: table.querySelectorAll('tbody > tr, tfoot > tr'),
    row(row) {
      const labelCell = cellAt(row, columns.symbol);
      if (!labelCell || row.querySelector('th')) return null;
      const description = cellText(cellAt(row, columns.description));
      const label = cellText(labelCell);
      const cash = MONEY_ACCOUNTS.test(label) || SWEEP.test(description);
      const link = labelCell.querySelector('a');
      return {
        labelCell,
        symbol: cash ? '' : link ? cellText(link) : undefined,
        description,
        quantity: cellAt(row, columns.quantity),
        price: cellAt(row, columns.price),
        value: cellAt(row, columns.value),
        cash,
      };
    },
  };
}

export const merrillAdapter = defineTableSiteAdapter({
  id: 'merrill',
  label: 'Merrill Edge holdings page',
  matches: MERRILL_PAGES,
  isPositionsPage: (url) => url.hostname === 'olui2.fs.ml.com' && /holdings/i.test(url.pathname),
  tables: MERRILL_SELECTORS.tables,
  structure: { selector: GRID, table: readGrid },
});
