/**
 * Interactive Brokers' Client Portal (www.interactivebrokers.com/portal/, a single-page app: the
 * route is in the hash, `#/portfolio` or `#/dashboard/positions`). Structures:
 * - 2026: the positions table `#cp-ptf-positions-table0` (instrument in `td[conid]`, other cells
 *   keyed by field codes), or the `.ptf-positions` grid `table._tb` (several tbodies, rows `tr._tbgr`)
 *   beside a "Cash Holdings" table. Each amount carries its currency on a second line
 *   (`div.fs8.fg70`): amounts not in US dollars are left out and the read says so.
 * - older: `table.portfolio-positions` per account, read by what its headers mean, a cash row, a
 *   Total row.
 */
import { IBKR_PAGES } from './hosts';
import { accountContext, cellText } from './dom';
import { cellAt, columnOf, columnsByHeader, defineTableSiteAdapter, type SiteTable } from './table-site';

/** 2026 (SCRAPER_NOTES_2026.md): the positions table by id; the models/positions grid and its Cash Holdings table. */
const TABLES_2026 = '#cp-ptf-positions-table0, .ptf-positions table._tb, .ptf-models table._tb';

export const IBKR_SELECTORS = {
  tables2026: TABLES_2026,
  // Older page: a table per account.
  tables: 'table.portfolio-positions, [data-testid="portfolio-positions"] table, #portfolio-positions table',
  // The ticker inside the instrument cell (the row's aria-label names it too).
  ticker: 'td[conid] span[dir], span.text-semibold',
  // A header whose text the vocabulary does not know still carries its sort label ("Sort by market value").
  valueHeader: '[aria-label*="market value" i]',
} as const;

/** IBKR account ids (U1234567, DU…, F…): a heading without one is a section name ("Your Holdings"), not an account. */
const ACCOUNT_ID = /\b(U|DU|F)\d{5,9}\b/;

function readTable(table: Element): SiteTable {
  const header = table.querySelectorAll('thead th');
  const columns = columnsByHeader(header, {}, columnOf);
  const sortedByValue = table.querySelector(`thead th ${IBKR_SELECTORS.valueHeader}`)?.closest('th');
  if (columns.value === undefined && sortedByValue) columns.value = columnOf(sortedByValue);
  // The Cash Holdings table names currencies, not instruments: its rows are cash.
  const cash = columns.symbol === undefined && columns.description === undefined;
  const heading = accountContext(table);
  return {
    account: heading && ACCOUNT_ID.test(heading) ? heading : undefined,
    rows: table.querySelectorAll('tbody > tr'),
    row(row) {
      const cell = cash ? row.querySelector('td') : row.querySelector('td[conid]') ?? cellAt(row, columns.symbol ?? columns.description);
      // The ticker's own span is the label: the instrument's name sits on a line of its own, unspaced.
      const ticker = cash ? null : cell?.querySelector(IBKR_SELECTORS.ticker);
      const name = ticker && cell!.lastElementChild !== ticker ? cellText(cell!.lastElementChild) : undefined;
      return {
        labelCell: ticker ?? cell,
        symbol: cash ? '' : undefined,
        description: cash ? `${cellText(cell)} cash` : name,
        quantity: cellAt(row, columns.quantity),
        price: cellAt(row, columns.price) ?? row.querySelector('[fix="31"]'),
        value: cellAt(row, columns.value),
        cash,
      };
    },
  };
}

export const ibkrAdapter = defineTableSiteAdapter({
  id: 'ibkr',
  label: 'Interactive Brokers portfolio',
  matches: IBKR_PAGES,
  isPositionsPage: (url) =>
    url.hostname === 'www.interactivebrokers.com' && url.pathname.startsWith('/portal') && /portfolio|positions/i.test(url.hash + url.pathname),
  tables: IBKR_SELECTORS.tables,
  structure: { selector: TABLES_2026, table: readTable },
});
