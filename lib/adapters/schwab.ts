/**
 * Schwab's positions page (client.schwab.com/app/accounts/positions), in the two layouts users meet
 * during the roll-out:
 * - 2023–2025: one table for all accounts (`#responsiveTable`), the symbol in each row's `<th>`,
 *   account groups introduced by a one-cell account row, "Cash & Cash Investments" and "Account
 *   Total" rows — all understood by the generic table reader, confined here to that table.
 * - 2025–2026: `table#positionsDetails`, one `tbody[id^="holdingsAccount_"]` per account, position
 *   rows `tr.parent-position-row` with the symbol link `a.symbol-height`, columns named by their
 *   header ids (`quantity…`, `marketValue…`) in the full, condensed and grouped-by-security-type views.
 *   Rows are virtualised: a row out of view shows only its symbol. Such rows are counted, not read as
 *   empty, and the read says how many it has seen until every row has been scrolled into view.
 */
import type { RawHolding, ScanResult, SkippedRow, StatedTotal } from '../schema/holdings';
import { maskAccountLabel } from '../format/account';
import { parseNumber } from '../format/number';
import { hasCashMarker } from '../reference/tickers';
import { cellText, columnIndex, rowSorter } from './dom';
import { SCHWAB_PAGES } from './hosts';
import { readGrids } from './generic';
import { defineAdapter, LayoutNotRecognised, pageUrl, partialReadNote, type AdapterRead, type SymbolAnchor } from './types';

const LABEL = 'Schwab positions page';
export const SCHWAB_SELECTORS = {
  // 2025–2026: the positions details table; 2023–2025: the responsive positions table; a newer app
  // shell names it by test id.
  table: 'table#positionsDetails, #responsiveTable, table[data-testid="positions-table"], table.positions-table',
  details: 'table#positionsDetails',
  // 2025–2026: one tbody per account; position rows by class (or their data-symbol).
  account: 'tbody[id^="holdingsAccount_"]',
  position: 'tr.parent-position-row, tr[data-symbol]',
  symbol: 'a.symbol-height',
  // 2025–2026 header ids: "quantity", "quantity-tableHeader-0", "marketValue-tableHeader-0", …
  quantity: '[id^="quantity"]',
  price: '[id="price"], [id^="price-"]',
  value: '[id="marketValue"], [id^="marketValue-"]',
  description: '[id^="description"]',
} as const;

const CASH = /^cash\b/i;

/** The 2025–2026 table: every account's tbody, rows in view only. */
function readDetails(table: Element, url: URL, now: Date): AdapterRead {
  const header = [...table.querySelectorAll('thead th')];
  const valueAt = columnIndex(header, SCHWAB_SELECTORS.value, 'value');
  if (valueAt < 0) throw new LayoutNotRecognised(LABEL, 'market value column', `${SCHWAB_SELECTORS.details} th[id^="marketValue"]`);
  const quantityAt = columnIndex(header, SCHWAB_SELECTORS.quantity, 'quantity');
  const priceAt = columnIndex(header, SCHWAB_SELECTORS.price, 'price');
  const descriptionAt = columnIndex(header, SCHWAB_SELECTORS.description, 'description');
  const holdings: RawHolding[] = [];
  const skipped: SkippedRow[] = [];
  const anchors: SymbolAnchor[] = [];
  const rowIds: string[] = [];
  const holdingKeys: string[] = [];
  const sorter = rowSorter(holdings);
  let totalRows = 0;
  let rowNumber = 0;
  for (const body of table.querySelectorAll(SCHWAB_SELECTORS.account)) {
    const rows = [...(body as HTMLTableSectionElement).rows];
    totalRows += rows.length;
    // A row out of view shows its symbol and nothing else: its account's total cannot be checked yet.
    const unrendered = (row: Element) => row.matches(SCHWAB_SELECTORS.position) && !cellText((row as HTMLTableRowElement).cells[valueAt]);
    const whole = !rows.some(unrendered);
    let account = body.getAttribute('aria-label') ?? undefined;
    sorter.begin();
    rows.forEach((row, i) => {
      rowNumber++;
      if (unrendered(row)) return;
      rowIds.push(`${body.id}:${i}`);
      const cells = row.cells;
      const symbolEl = row.querySelector(SCHWAB_SELECTORS.symbol);
      const label = cellText(symbolEl ?? cells[0]);
      // One-cell rows: the account's name first, then (grouped by security type) the group names.
      if (cells.length <= 2) {
        if (i === 0 && !account) account = label;
        return;
      }
      const figure = (at: number) => (at < 0 ? null : parseNumber(cellText(cells[at])));
      const marketValue = figure(valueAt);
      if (sorter.total(label, whole ? marketValue : null, rowNumber, figure(quantityAt) !== null)) return;
      if (!label || sorter.lot(row, symbolEl ?? cells[0], label, !!symbolEl)) return;
      const masked = account ? maskAccountLabel(account).slice(0, 120) : undefined;
      if (marketValue === null) {
        skipped.push({ row: rowNumber, reason: `${label.slice(0, 40)}: market value "${cellText(cells[valueAt]).slice(0, 40)}" is not a number` });
        return;
      }
      const cash = !symbolEl && (CASH.test(label) || hasCashMarker(label));
      holdings.push({
        symbol: label,
        description: (descriptionAt >= 0 && cellText(cells[descriptionAt])) || undefined,
        quantity: figure(quantityAt),
        price: figure(priceAt),
        marketValue,
        account: masked,
        rowKind: cash ? 'cash' : 'position',
      });
      holdingKeys.push(`${body.id}:${label}`);
      if (symbolEl) anchors.push({ symbol: label, element: symbolEl });
    });
  }
  const result = scan(url, now, holdings, skipped, rowIds.length >= totalRows, sorter.totals());
  if (!result.complete) result.note = partialReadNote(rowIds.length, totalRows);
  return { anchors, virtual: { rowIds, holdingKeys, totalRows }, result };
}

function scan(url: URL, now: Date, holdings: RawHolding[], skipped: SkippedRow[], complete: boolean, statedTotals: StatedTotal[]): ScanResult {
  return {
    source: { kind: 'page', readerId: 'schwab', label: LABEL, url: pageUrl(url) },
    readAt: now.toISOString(),
    holdings,
    skipped,
    complete,
    statedTotals,
    note: holdings.length ? undefined : 'No positions in this account',
  };
}

export const schwabAdapter = defineAdapter({
  id: 'schwab',
  label: LABEL,
  matches: SCHWAB_PAGES,
  detect: (_doc, url) => url.hostname === 'client.schwab.com' && url.pathname.startsWith('/app/accounts/positions'),
  read(doc, url, now) {
    const details = doc.querySelector(SCHWAB_SELECTORS.details);
    if (details) return readDetails(details, url, now);
    // 2023–2025: the generic table reader, confined to the positions table (not table-site.ts: its
    // newer-structure reader would cost this script ~1 KB it does not use).
    const tables = [...doc.querySelectorAll(SCHWAB_SELECTORS.table)];
    if (!tables.length) throw new LayoutNotRecognised(LABEL, 'positions table', SCHWAB_SELECTORS.table);
    const { holdings, skipped, anchors, statedTotals } = readGrids(tables);
    return { anchors, result: scan(url, now, holdings, skipped, true, statedTotals) };
  },
});
