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
  // 2024–2026 ag-Grid layout
  grid: '.ag-root[role="treegrid"], .ag-root[role="grid"], [role="treegrid"].ag-root-wrapper, [role="grid"].ag-root-wrapper',
  pinnedRows: '.ag-pinned-left-cols-container .ag-row',
  centreRows: '.ag-center-cols-container .ag-row',
  accountName: '.posweb-cell-account_primary',
  accountNumber: '.posweb-cell-account_secondary',
  symbol: '.posweb-cell-symbol-name_container span, .posweb-cell-symbol-name_container p, p.posweb-cell-symbol-name',
  description: '.posweb-cell-symbol-description',
  quantity: '.posweb-cell-quantity_value',
  lastPrice: '.posweb-cell-stack-item-last_price',
  currentValue: '.posweb-cell-current_value',
} as const;

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

    const holdings: RawHolding[] = [];
    const holdingKeys: string[] = [];
    const anchors: SymbolAnchor[] = [];
    const rowIds: string[] = [];
    const sorter = rowSorter(holdings);
    let account: string | undefined;
    for (const row of pinned) {
      const id = rowId(row);
      rowIds.push(id);
      const classes = row.classList;
      if (classes.contains('posweb-row-account')) {
        account = accountLabel(cellText(row.querySelector(FIDELITY_SELECTORS.accountName)), cellText(row.querySelector(FIDELITY_SELECTORS.accountNumber)));
        sorter.begin();
        continue;
      }
      const symbolEl = row.querySelector(FIDELITY_SELECTORS.symbol);
      const symbol = cellText(symbolEl).replace(SYMBOL_NOISE, ' ').trim();
      const figures = centre.get(id);
      const figure = (selector: string) => parseNumber(cellText(figures?.querySelector(selector)));
      // Account totals are the page's own sums of the rows above: reported (when their account header
      // is in view), never holdings. Lots (a level deeper than positions — level 2 even when their
      // position scrolled out of view — dated, or indented) split a position already counted.
      const rowNumber = Number(row.getAttribute('row-index') ?? rowIds.length - 1) + 1;
      if (sorter.total(symbol, account ? figure(FIDELITY_SELECTORS.currentValue) : null, rowNumber) || classes.contains('posweb-row-total')) continue;
      if (!symbol || classes.contains('ag-row-level-2') || sorter.lot(row, symbolEl, symbol)) continue;
      const pending = classes.contains('posweb-row-pending') || /^pending activity/i.test(symbol);
      holdings.push({
        symbol: pending ? 'Pending activity' : symbol,
        description: cellText(row.querySelector(FIDELITY_SELECTORS.description)) || undefined,
        quantity: figure(FIDELITY_SELECTORS.quantity),
        price: figure(FIDELITY_SELECTORS.lastPrice),
        marketValue: figure(FIDELITY_SELECTORS.currentValue),
        account,
        rowKind: pending ? 'pending' : hasCashMarker(symbol) ? 'cash' : 'position',
      });
      // The same position shows under one account only; the account makes the key unique across accounts.
      holdingKeys.push(`${account ?? ''}|${id}`);
      if (!pending && symbolEl) anchors.push({ symbol, element: symbolEl.closest('.ag-cell') ?? symbolEl });
    }

    // aria-rowcount counts the header row too.
    const declared = Number(grid.getAttribute('aria-rowcount'));
    const totalRows = Number.isFinite(declared) && declared > 1 ? declared - 1 : rowIds.length;
    const complete = rowIds.length >= totalRows;
    return {
      anchors,
      virtual: { rowIds, holdingKeys, totalRows },
      result: {
        source: { kind: 'page', readerId: 'fidelity', label: LABEL, url: pageUrl(url) },
        readAt: now.toISOString(),
        holdings,
        skipped: [],
        complete,
        statedTotals: sorter.totals(),
        note: complete
          ? holdings.length === 0
            ? 'No positions in this account'
            : undefined
          : partialReadNote(rowIds.length, totalRows),
      },
    };
  },
});
