/**
 * Fidelity's positions page (digital.fidelity.com/ftgw/digital/portfolio/positions): an ag-Grid whose
 * pinned-left container (symbol column) and centre container (figures) are separate row sets joined
 * by the row id. Rows: account headers, positions, lots (when expanded: skipped), pending activity,
 * account totals (reported as the page's stated totals). ag-Grid renders only the rows in view, so
 * reads report how many of the grid's rows they saw.
 */
import type { RawHolding } from '../schema/holdings';
import { accountLabel } from '../format/account';
import { parseNumber } from '../format/number';
import { hasCashMarker } from '../reference/tickers';
import { cellText, rowSorter } from './dom';
import { FIDELITY_PAGES } from './hosts';
import { defineAdapter, LayoutNotRecognised, pageUrl, partialReadNote, type AdapterRead, type SymbolAnchor } from './types';

const LABEL = 'Fidelity positions page';

export const FIDELITY_SELECTORS = {
  // 2024–2026 ag-Grid layout (role "grid" or "treegrid")
  grid: '.ag-root[role$="grid"], .ag-root-wrapper[role$="grid"]',
  pinnedRows: '.ag-pinned-left-cols-container .ag-row',
  centreRows: '.ag-center-cols-container .ag-row',
  accountName: '.posweb-cell-account_primary',
  accountNumber: '.posweb-cell-account_secondary',
  symbol: '.posweb-cell-symbol-name_container span, .posweb-cell-symbol-name_container p, p.posweb-cell-symbol-name',
  description: '.posweb-cell-symbol-description',
  // 2026: centre cells by column id; 2024–2025: by class.
  quantity: '[col-id="qty"], .posweb-cell-quantity_value',
  lastPrice: '.posweb-cell-stack-item-last_price',
  currentValue: '[col-id="curVal"], .posweb-cell-current_value',
} as const;

/** ag-Grid renders only the columns in view: without the value column nothing can be valued. */
export const FIDELITY_NO_VALUES = 'Current Value column not on screen: widen the window or scroll the grid sideways to it';

/** Texts Fidelity puts beside a symbol that are not part of it. */
const SYMBOL_NOISE = /\s*(Has Activity Today|Not Priced Today)\s*/gi;

const rowId = (row: Element) => row.getAttribute('row-id') ?? row.getAttribute('row-index') ?? '';

export const fidelityAdapter = defineAdapter({
  id: 'fidelity',
  label: LABEL,
  matches: FIDELITY_PAGES,
  detect: (_doc, url) => url.hostname === 'digital.fidelity.com' && url.pathname.startsWith('/ftgw/digital/portfolio/positions'),
  read(doc: Document, url: URL, now: Date): AdapterRead {
    const grid = doc.querySelector(FIDELITY_SELECTORS.grid);
    if (!grid) throw new LayoutNotRecognised(LABEL, 'positions grid', FIDELITY_SELECTORS.grid);
    const pinned = [...grid.querySelectorAll(FIDELITY_SELECTORS.pinnedRows)];
    if (pinned.length === 0 && !grid.querySelector('.ag-pinned-left-cols-container')) {
      throw new LayoutNotRecognised(LABEL, 'symbol column', FIDELITY_SELECTORS.pinnedRows);
    }
    const centre = new Map([...grid.querySelectorAll(FIDELITY_SELECTORS.centreRows)].map((r) => [rowId(r), r]));
    // The header renders the same columns as the rows.
    const valuesShown = !!grid.querySelector(FIDELITY_SELECTORS.currentValue);

    const holdings: RawHolding[] = [];
    const holdingKeys: string[] = [];
    const anchors: SymbolAnchor[] = [];
    const rowIds: string[] = [];
    const sorter = rowSorter(holdings);
    let account: string | undefined;
    let gap = false;
    for (const row of pinned) {
      const id = rowId(row);
      const figures = centre.get(id);
      const classes = row.classList;
      // A row whose figures are not rendered yet is not seen yet (unless no value is shown at all).
      // Its account's total then covers a row not read: not compared.
      if (!figures && valuesShown && !classes.contains('posweb-row-account')) {
        gap = true;
        continue;
      }
      rowIds.push(id);
      if (classes.contains('posweb-row-account')) {
        account = accountLabel(cellText(row.querySelector(FIDELITY_SELECTORS.accountName)), cellText(row.querySelector(FIDELITY_SELECTORS.accountNumber)));
        sorter.begin();
        gap = false;
        continue;
      }
      const symbolEl = row.querySelector(FIDELITY_SELECTORS.symbol);
      const symbol = cellText(symbolEl).replace(SYMBOL_NOISE, ' ').trim();
      const figure = (selector: string) => parseNumber(cellText(figures?.querySelector(selector)));
      // Account totals are the page's own sums of the rows above: reported (when their account header
      // and every row since are in view), never holdings. Lots (a level deeper than positions — level 2 even when their
      // position scrolled out of view — dated, or indented) split a position already counted.
      const rowNumber = Number(row.getAttribute('row-index') ?? rowIds.length - 1) + 1;
      if (sorter.total(symbol, account && !gap ? figure(FIDELITY_SELECTORS.currentValue) : null, rowNumber) || classes.contains('posweb-row-total')) continue;
      if (!symbol || classes.contains('ag-row-level-2') || sorter.lot(row, symbolEl, symbol)) continue;
      // 2024–2025 `posweb-row-pending`, 2026 `posweb-row-pending_activity`; 2026 `posweb-row-core` is the core (cash) position.
      const pending = /posweb-row-pending/.test(row.className) || /^pending activity/i.test(symbol);
      holdings.push({
        symbol: pending ? 'Pending activity' : symbol,
        description: cellText(row.querySelector(FIDELITY_SELECTORS.description)) || undefined,
        quantity: figure(FIDELITY_SELECTORS.quantity),
        price: figure(FIDELITY_SELECTORS.lastPrice),
        marketValue: figure(FIDELITY_SELECTORS.currentValue),
        account,
        rowKind: pending ? 'pending' : hasCashMarker(symbol) || classes.contains('posweb-row-core') ? 'cash' : 'position',
      });
      // The same position shows under one account only; the account makes the key unique across accounts.
      holdingKeys.push(`${account ?? ''}|${id}`);
      if (!pending && symbolEl) anchors.push({ symbol, element: symbolEl.closest('.ag-cell') ?? symbolEl });
    }

    // aria-rowcount counts the header row too.
    const declared = Number(grid.getAttribute('aria-rowcount'));
    const totalRows = Number.isFinite(declared) && declared > 1 ? declared - 1 : rowIds.length;
    const blind = !valuesShown && holdings.length > 0;
    const complete = !blind && rowIds.length >= totalRows;
    return {
      anchors,
      // Without values the runtime must not count rows as seen; the note says what to do.
      virtual: blind ? undefined : { rowIds, holdingKeys, totalRows },
      result: {
        source: { kind: 'page', readerId: 'fidelity', label: LABEL, url: pageUrl(url) },
        readAt: now.toISOString(),
        holdings,
        skipped: [],
        complete,
        statedTotals: sorter.totals(),
        note: blind ? FIDELITY_NO_VALUES : complete ? (holdings.length ? undefined : 'No positions in this account') : partialReadNote(rowIds.length, totalRows),
      },
    };
  },
});
