import { collapse } from '../format/columns';

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

/** A table-like structure found on the page: header cells and data rows of cells. */
export interface Grid {
  root: Element;
  header: Element[];
  rows: ArrayLike<Element>[];
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
    const rows = trs.filter((tr) => tr !== headerRow && tr.parentElement?.tagName !== 'THEAD').map((tr) => tr.cells);
    grids.push({ root: table, header, rows });
  }
  for (const root of within('[role="grid"],[role="table"],[role="treegrid"]')) {
    if (root.tagName === 'TABLE') continue;
    const rowEls = [...root.querySelectorAll(ARIA_ROW)];
    const headerRow = rowEls.find((r) => r.querySelector(ARIA_HEADER));
    if (!headerRow) continue;
    const header = [...headerRow.querySelectorAll(ARIA_HEADER)];
    const rows = rowEls.filter((r) => r !== headerRow).map((r) => r.querySelectorAll(ARIA_CELL));
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
