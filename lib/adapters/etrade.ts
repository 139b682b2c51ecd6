/**
 * E*TRADE's portfolio page (us.etrade.com/etx/pxy/portfolios/positions). Two structures meet users
 * during the roll-out:
 * - 2025–26: an ARIA grid (`div[role=grid][aria-label="Portfolios"]`), cells placed by `aria-colindex`,
 *   the symbol a link in the row header, expanded tax lots a level deeper, and cash and total as
 *   footer rows whose CSS-module classes carry a build hash (`…---cash-and-total---hAsh1`): matched
 *   by their stable part. The account is the one chosen in the page's `<select>`.
 * - older: a positions table per account (`#positionsTable`), read by what its headers mean, with
 *   dated tax-lot rows, CASH and TOTAL rows and leading-dot decimals.
 */
import { ETRADE_PAGES } from './hosts';
import { cellText } from './dom';
import { columnsByHeader, defineTableSiteAdapter, type SiteTable } from './table-site';

/** 2025–26 React grid (SCRAPER_NOTES_2026.md, portfolio_aggregator 2025-12). */
const GRID = 'div[role="grid"][aria-label="Portfolios"]';

export const ETRADE_SELECTORS = {
  grid: GRID,
  // Older page: one table per account (headers as in the PortfolioDownload.csv export).
  tables: '#positionsTable, table[data-test-id="positions-table"], table.portfolio-positions',
  // Footer cells, `FooterCellRenderer---cash-and-transfer-wrapper---ISxOD` and `…---cash-and-total---hAWG4`:
  // the hash changes per build, the middle does not.
  footer: '[class*="---cash-and-t"]',
} as const;

/** Where the scrapers found the figures when the header does not name them (aria-colindex, 1-based). */
const KNOWN_COLUMNS = { symbol: 1, price: 3, quantity: 6, value: 11 };

/** The account the grid shows: the selected option, when it names one account (not "All accounts"). */
function chosenAccount(doc: Document): string | undefined {
  // The page's one <select> picks the account.
  const chosen = doc.querySelector('select')?.selectedOptions[0]?.textContent ?? '';
  return /\d{3}/.test(chosen) ? chosen : undefined;
}

function readGrid(grid: Element, doc: Document): SiteTable {
  const colindex = (cell: Element) => Number(cell.getAttribute('aria-colindex'));
  const columns = columnsByHeader(grid.querySelectorAll('[role="columnheader"][aria-colindex]'), KNOWN_COLUMNS, colindex);
  return {
    account: chosenAccount(doc),
    rows: grid.querySelectorAll('[role="row"][aria-rowindex]'),
    row(row) {
      const cell = (i: number | undefined) => (i ? row.querySelector(`[aria-colindex="${i}"]`) : null);
      const labelCell = row.querySelector('[role="rowheader"]') ?? cell(columns.symbol);
      if (!labelCell || row.querySelector('[role="columnheader"]')) return null;
      const figures = { quantity: cell(columns.quantity), price: cell(columns.price), value: cell(columns.value) };
      // Footer rows: the label is the wrapper's first line ("Cash", "Total"); its links are actions.
      const footer = labelCell.querySelector(ETRADE_SELECTORS.footer);
      if (footer) return { labelCell: footer.firstElementChild ?? footer, symbol: '', cash: /transfer/.test(footer.className), ...figures };
      // Rows with neither a quantity nor a value ("Transfer money", "Add cash") are actions.
      if (!cellText(figures.value) && !cellText(figures.quantity)) return null;
      const link = labelCell.querySelector('a');
      return { labelCell, symbol: link ? cellText(link) : undefined, description: link?.getAttribute('title') ?? undefined, ...figures };
    },
  };
}

export const etradeAdapter = defineTableSiteAdapter({
  id: 'etrade',
  label: 'E*TRADE portfolio page',
  matches: ETRADE_PAGES,
  isPositionsPage: (url) => url.hostname === 'us.etrade.com' && url.pathname.startsWith('/etx/pxy/portfolios'),
  tables: ETRADE_SELECTORS.tables,
  structure: { selector: GRID, table: readGrid },
});
