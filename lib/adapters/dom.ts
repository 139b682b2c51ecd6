import { collapse, headerMeaning, type ColumnMeaning } from '../format/columns';
import type { RawHolding, StatedTotal } from '../schema/holdings';

/**
 * DOM toolkit shared by the adapters. Reads only `textContent` and attributes (no layout-forcing
 * calls), and skips Breadth's own badge hosts so a re-read never sees its own output.
 */

/** Marks elements Breadth inserted into the page. */
export const BREADTH_HOST_ATTR = 'data-breadth-host';

/**
 * Text of an element with whitespace collapsed, ignoring Breadth's own elements. `mayHoldHosts`
 * false (no badge drawn on the page yet) skips the per-cell look-up: it is the hot path of a scan.
 */
export function cellText(el: Element | null | undefined, mayHoldHosts = true): string {
  if (!el) return '';
  if (!mayHoldHosts || el.childElementCount === 0 || !el.querySelector(`[${BREADTH_HOST_ATTR}]`)) return collapse(el.textContent ?? '');
  let text = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) text += ` ${child.nodeValue ?? ''}`;
      else if (child.nodeType === 1 && !(child as Element).hasAttribute(BREADTH_HOST_ATTR)) walk(child);
    }
  };
  walk(el);
  return collapse(text);
}

export { collapse } from '../format/columns';
export { headerMeaning, type ColumnMeaning } from '../format/columns';

/**
 * Where a column is: the header cell matching `selector` (2026 pages name columns by id or test id,
 * whatever their text), else the one whose text means `meaning`; -1 when neither is there.
 */
export function columnIndex(header: readonly Element[], selector: string, meaning: ColumnMeaning): number {
  const i = header.findIndex((th) => th.matches(selector));
  return i >= 0 ? i : header.findIndex((th) => headerMeaning(cellText(th)) === meaning);
}

/** A table-like structure found on the page: header cells and data rows (the row and its cells). */
export interface Grid {
  root: Element;
  header: Element[];
  rows: { row: Element; cells: ArrayLike<Element> }[];
}

const ARIA_ROW = '[role="row"]';
const ARIA_HEADER = '[role="columnheader"]';
const ARIA_CELL = '[role="cell"],[role="gridcell"],[role="rowheader"]';

/** Every HTML table and ARIA grid/table in `scope` (the page, or one element), header and rows apart. */
export function findGrids(scope: Document | Element): Grid[] {
  const grids: Grid[] = [];
  const within = (selector: string) => ('matches' in scope && scope.matches(selector) ? [scope] : [...scope.querySelectorAll(selector)]);
  for (const table of within('table')) {
    const trs = [...(table as HTMLTableElement).rows];
    // The header row has <th> cells and no <td>; data rows may carry the symbol in a <th>.
    const headerRow =
      trs.find((tr) => tr.querySelector('th') && !tr.querySelector('td')) ??
      trs.find((tr) => tr.parentElement?.tagName === 'THEAD') ??
      trs[0];
    if (!headerRow) continue;
    const header = [...headerRow.children];
    const rows = trs.filter((tr) => tr !== headerRow && tr.parentElement?.tagName !== 'THEAD').map((tr) => ({ row: tr, cells: tr.cells }));
    grids.push({ root: table, header, rows });
  }
  for (const root of within('[role="grid"],[role="table"],[role="treegrid"]')) {
    if (root.tagName === 'TABLE') continue;
    const rowEls = [...root.querySelectorAll(ARIA_ROW)];
    const headerRow = rowEls.find((r) => r.querySelector(ARIA_HEADER));
    if (!headerRow) continue;
    const header = [...headerRow.querySelectorAll(ARIA_HEADER)];
    const rows = rowEls.filter((r) => r !== headerRow).map((r) => ({ row: r, cells: r.querySelectorAll(ARIA_CELL) }));
    grids.push({ root, header, rows });
  }
  return grids;
}

const ACCOUNT_WORDS = /\b(account|acct|ira|roth|401\(?k\)?|403\(?b\)?|hsa|brokerage|individual|joint|trust|custodial|\d{4,})\b/i;

/** A label for the account a grid belongs to: caption, ARIA label, or the nearest heading before it. */
export function accountContext(grid: Element): string | undefined {
  const caption = grid.querySelector('caption');
  if (caption) return cellText(caption);
  const named = grid.closest('[data-account-name]')?.getAttribute('data-account-name');
  if (named) return collapse(named);
  // An ARIA label names the account only when it says so ("Roth IRA — 2222"), not "Stocks and ETFs".
  const labelled = grid.closest('[aria-label]')?.getAttribute('aria-label');
  if (labelled && ACCOUNT_WORDS.test(labelled)) return collapse(labelled);
  let el: Element | null = grid;
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
      const heading = sib.matches('h1,h2,h3,h4,h5,[role="heading"]') ? sib : sib.querySelector('h1,h2,h3,h4,h5,[role="heading"]');
      if (heading) return cellText(heading);
    }
  }
  return undefined;
}

/*
 * Total, subtotal and lot rows. A page's own totals are what Breadth checks its read against
 * (lib/analysis/reconcile.ts), so they are reported, never read as holdings; lots split a position
 * the page already shows whole, so they are never holdings either.
 */

/**
 * Total labels: over every account shown ("Grand total", "Total Accounts", "All accounts"); one
 * account's ("Account Total", "TOTAL", "Net Account Value"); anything else called a total
 * ("Subtotal", "Stocks Total", "Total Equities") covers part of the rows.
 */
const TOTAL_LABEL = /^(grand total|total ((for|of) )?(all )?accounts|all accounts)\b|^(account totals?|(total |net )?account value|totals?):?$|^sub-?totals?\b|^totals?\b|\btotals?:?$/i;

/**
 * What a row labelled `label` totals, or null when it is no total. "Total …" with a quantity is a
 * holding ("Total Return Bond Fund"); a bare "Total" is a total whatever it shows.
 */
export function totalScope(label: string, hasQuantity = false): 'overall' | 'account' | 'part' | null {
  const m = TOTAL_LABEL.exec(label);
  return m?.[1] ? 'overall' : m?.[5] ? 'account' : m && !hasQuantity ? 'part' : null;
}

/** A lot's label: its purchase date ("01/02/2024", "2024-01-02"), "Lot 2" or "Tax lot". */
export const isLotLabel = (label: string) => /^(\d\d?[/.-]\d\d?[/.-]\d{2,4}|\d{4}-\d\d-\d\d|(tax )?lots?)\b/i.test(label);

/** Whether the page's own classes say the row is a lot or a child row (`lot-row`, `posweb-row-lot`, `child-row`, `is-child`; not `has-child`). */
export const markedAsSubRow = (row: Element) => /(^|\s)(?!has-)(\S*[-_])?(tax-?)?(lot|child|sub-?row)([-_]row)?(\s|$)/i.test(row.className);

/**
 * How deep a row sits in the page's tree: its ARIA or ag-Grid level, then how far its label cell is
 * indented by leading non-breaking spaces (plain spaces collapse, so pages do not indent with them).
 * A row deeper than the holding above it is that holding's lot or sub-row.
 */
export function rowDepth(row: Element, labelCell: Element | null | undefined): number {
  const level = Number(row.getAttribute('aria-level') ?? /\bag-row-level-(\d+)/.exec(row.className)?.[1]) || 0;
  return level * 1000 + /^[\s\u2002-\u200b]*/.exec(labelCell?.textContent ?? '')![0].replace(/[ \t\r\n]/g, '').length;
}

/** A total row as read: what it says, and which of the holdings read (index range) sit above it. */
export interface TotalRow {
  scope: 'overall' | 'account';
  label: string;
  value: number;
  row: number;
  from: number;
  to: number;
}

/**
 * The totals that can be compared with the holdings read. An account total counts when the rows
 * above it (since its account began or the previous total) are every row read for that account: a
 * total of one table while the account spans two, or of nothing read, would raise a false alarm.
 * Rows of several accounts under one total make it a read-wide total when they are the whole read.
 */
export function comparableTotals(rows: readonly TotalRow[], holdings: readonly RawHolding[]): StatedTotal[] {
  const totals: StatedTotal[] = [];
  for (const { scope, label, value, row, from, to } of rows) {
    const stated = { label: label.slice(0, 120), value, row };
    const covered = new Set(holdings.slice(from, to).map((h) => h.account));
    const [account] = covered;
    if (scope === 'overall' || (to - from === holdings.length && to > from && (covered.size > 1 || !account))) totals.push(stated);
    else if (covered.size === 1 && account && holdings.every((h, i) => h.account !== account || (i >= from && i < to))) totals.push({ account, ...stated });
  }
  return totals;
}

/**
 * Follows the rows of a page top to bottom and sorts out those that are not holdings: totals (noted
 * with the holdings above them) and lots or sub-rows (skipped). `holdings` is the array the reader fills.
 */
export function rowSorter(holdings: readonly RawHolding[]) {
  const rows: TotalRow[] = [];
  let from = holdings.length;
  let parent = -1; // depth of the last holding row; -1: none since the account began
  return {
    /** An account begins (its header row, or its table): the next total sums from here. */
    begin() {
      from = holdings.length;
      parent = -1;
    },
    /** Whether the row is a total. One over a whole account or the whole read, stating a value, is noted. */
    total(label: string, value: number | null, row: number, hasQuantity?: boolean): boolean {
      const scope = totalScope(label, hasQuantity);
      if (scope && scope !== 'part') {
        if (value !== null) rows.push({ scope, label, value, row, from, to: holdings.length });
        from = holdings.length;
      }
      if (scope) parent = -1;
      return !!scope;
    },
    /**
     * Whether the row is a lot or sub-row of the holding above it. When not, it is the parent of the
     * deeper rows below, if it has a symbol: a group or account row read as a line must not hide
     * the positions under it.
     */
    lot(row: Element, labelCell: Element | null | undefined, label: string, hasSymbol = true): boolean {
      const depth = rowDepth(row, labelCell);
      if (isLotLabel(label) || markedAsSubRow(row) || (parent >= 0 && depth > parent)) return true;
      parent = hasSymbol ? depth : -1;
      return false;
    },
    totals: () => comparableTotals(rows, holdings),
  };
}
