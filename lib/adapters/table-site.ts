/**
 * Sites whose positions are one or more plain tables: the generic table reader, confined to the
 * site's positions tables, with a layout check that names the selector when they are gone.
 */
import { readGrids, splitSymbolCell } from './generic';
import { cellText, headerMeaning, rowSorter, type ColumnMeaning } from './dom';
import { parseNumber } from '../format/number';
import { maskAccountLabel } from '../format/account';
import { hasCashMarker } from '../reference/tickers';
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { defineAdapter, LayoutNotRecognised, pageUrl, type Adapter, type AdapterRead, type SymbolAnchor } from './types';

export interface TableSite {
  id: string;
  label: string;
  matches: readonly string[];
  /** Whether a URL is the site's positions page. */
  isPositionsPage: (url: URL) => boolean;
  /** The positions table(s), one selector per page variant joined with commas. */
  tables: string;
  /** What the tables are called in the "layout not recognised" message. */
  part?: string;
  /**
   * The newer page structure, whose rows the site reads itself (an ARIA grid with footer rows, fixed
   * cell positions, amounts with a currency line). When the page shows it, only it is read.
   */
  structure?: SiteStructure;
}

/** One page structure of a site: where its tables are and how one of them reads. */
export interface SiteStructure {
  /** Its positions tables or grids. */
  selector: string;
  table(root: Element, doc: Document): SiteTable;
}

/** One positions table or grid: the account it shows (raw, masked by the reader) and its rows. */
export interface SiteTable {
  account?: string;
  rows: ArrayLike<Element>;
  /** The cells of one row, or null for a row that is no holding, total or lot (headers, actions). */
  row(row: Element): SiteRow | null;
}

/** A row's cells as the site's structure places them. */
export interface SiteRow {
  /** The cell with the row's label (symbol, "Total", a lot's date): totals and lots are told by it. */
  labelCell: Element | null | undefined;
  /** The ticker, when the page shows it apart from the label (a link, a bold span). */
  symbol?: string;
  description?: string;
  quantity?: Element | null;
  price?: Element | null;
  value?: Element | null;
  /** The page marks the row as cash (a "Money accounts" row, a cash footer). */
  cash?: boolean;
}

/**
 * An amount's number and the currency printed after it ("1,234.50 EUR", or a second line under
 * the figure): pages that show other currencies print the code, and those amounts are not dollars.
 */
export function amountIn(cell: Element | null | undefined): [text: string, currency?: string] {
  const text = cellText(cell);
  const m = /^(.*?\d.*?)\s*([A-Z]{3})$/.exec(text);
  return m ? [m[1]!, m[2]] : [text];
}

/** A table cell's column, counting the spans of the cells before it (header and total rows span). */
export function columnOf(cell: Element): number {
  let i = 0;
  for (let p = cell.previousElementSibling; p; p = p.previousElementSibling) i += (p as HTMLTableCellElement).colSpan || 1;
  return i;
}

/** The cell of a table row that covers column `i`, spans counted. */
export function cellAt(row: Element, i: number | undefined): Element | undefined {
  if (i === undefined) return undefined;
  for (const cell of (row as HTMLTableRowElement).cells ?? []) if ((i -= cell.colSpan || 1) < 0) return cell;
  return undefined;
}

/**
 * Column positions by what the header cells mean; `fallback` (positions the scrapers recorded)
 * for what the header does not name. `at` gives a header cell's position (default: its index).
 */
export function columnsByHeader(
  header: ArrayLike<Element>,
  fallback: Partial<Record<ColumnMeaning, number>>,
  at: (cell: Element, i: number) => number = (_, i) => i,
): Partial<Record<ColumnMeaning, number>> {
  const found: Partial<Record<ColumnMeaning, number>> = {};
  Array.from(header, (cell, i) => {
    const meaning = headerMeaning(cellText(cell));
    if (meaning && found[meaning] === undefined) found[meaning] = at(cell, i);
  });
  return { ...fallback, ...found };
}

/**
 * Reads tables row by row with what each site knows of its cells; totals, lots and sub-rows are
 * sorted out as everywhere else (dom.ts: rowSorter). An amount in another currency is never added
 * as dollars: the row is skipped with the reason, and the read's note says so.
 */
export function readSiteTables(tables: readonly SiteTable[]) {
  const holdings: RawHolding[] = [];
  const skipped: SkippedRow[] = [];
  const anchors: SymbolAnchor[] = [];
  const currencies = new Set<string>();
  const sorter = rowSorter(holdings);
  let n = 0;
  for (const { account, rows, row: cellsOf } of tables) {
    sorter.begin();
    for (const row of Array.from(rows)) {
      n++;
      const cells = cellsOf(row);
      const label = cellText(cells?.labelCell);
      // A label spanning the value column heads a section ("Equities"): no row of figures.
      if (!cells || !label || cells.value === cells.labelCell) continue;
      const [valueText, currency = 'USD'] = amountIn(cells.value);
      const value = currency === 'USD' ? parseNumber(valueText) : null;
      const quantity = parseNumber(amountIn(cells.quantity)[0]);
      if (sorter.total(label, value, n, quantity !== null)) continue;
      const split = splitSymbolCell(cells.labelCell!, label, false);
      const symbol = cells.symbol ?? split.symbol;
      if (sorter.lot(row, cells.labelCell, label, !!symbol)) continue;
      // Figures that do not parse are not guessed; "--" or an empty cell is a value not shown.
      if (currency !== 'USD' || (value === null && /\d/.test(valueText))) {
        if (currency !== 'USD') currencies.add(currency);
        skipped.push({ row: n, reason: `${(symbol || label).slice(0, 40)}: market value "${valueText.slice(0, 40)} ${currency}" ${currency === 'USD' ? 'is not a number' : 'not in US dollars'}` });
        continue;
      }
      const holding: RawHolding = {
        symbol: symbol || undefined,
        description: (cells.description ?? (symbol ? split.description : label)) || undefined,
        quantity,
        price: parseNumber(amountIn(cells.price)[0]),
        marketValue: value,
        rowKind: cells.cash || hasCashMarker(symbol) ? 'cash' : 'position',
      };
      if (account) holding.account = maskAccountLabel(account).slice(0, 120);
      holdings.push(holding);
      if (symbol && holding.rowKind === 'position') anchors.push({ symbol, element: cells.labelCell! });
    }
  }
  const note = currencies.size ? `Amounts in ${[...currencies].join(', ')} left out: Breadth adds only US dollars` : undefined;
  return { holdings, skipped, anchors, statedTotals: sorter.totals(), note };
}

export function defineTableSiteAdapter(site: TableSite): Adapter {
  return defineAdapter({
    id: site.id,
    label: site.label,
    matches: site.matches,
    detect: (_doc, url) => site.isPositionsPage(url),
    read(doc: Document, url: URL, now: Date): AdapterRead {
      // The newest structure the page shows, else the tables the generic reader reads by their headers.
      const structure = site.structure;
      const selector = structure ? `${structure.selector}, ${site.tables}` : site.tables;
      const found = [...doc.querySelectorAll(selector)];
      if (found.length === 0) throw new LayoutNotRecognised(site.label, site.part ?? 'positions table', selector);
      const newer = structure ? found.filter((t) => t.matches(structure.selector)) : [];
      // One read over every table: an account's total is checked against all its rows, wherever they are.
      const { holdings, skipped, anchors, statedTotals, note } = newer.length
        ? readSiteTables(newer.map((t) => structure!.table(t, doc)))
        : { ...readGrids(found), note: undefined };
      return {
        anchors,
        result: {
          source: { kind: 'page', readerId: site.id, label: site.label, url: pageUrl(url) },
          readAt: now.toISOString(),
          holdings,
          skipped,
          complete: true,
          statedTotals,
          note: note ?? (holdings.length ? undefined : 'No positions in this account'),
        },
      };
    },
  });
}
