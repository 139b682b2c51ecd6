/**
 * Robinhood's investing page (robinhood.com/account/investing). Its CSS classes are hashed and change
 * with every release, so nothing here uses them: rows are the links to each holding
 * (`a[href^="/stocks/"]`, `/crypto/`), the symbol comes from the link, and columns are matched by what
 * their ARIA column headers say (Name, Symbol, Shares, Price, …, Equity).
 *
 * Stated totals: none. The page's one total (the account's value at the top) includes brokerage cash
 * and options, which are cards, not rows this adapter reads: compared with the rows read it would
 * always differ.
 */
import type { RawHolding } from '../schema/holdings';
import { parseNumber } from '../format/number';
import { cellText, headerMeaning, markedAsSubRow, rowSorter } from './dom';
import { ROBINHOOD_PAGES } from './hosts';
import { defineAdapter, LayoutNotRecognised, pageUrl, type AdapterRead, type SymbolAnchor } from './types';

const LABEL = 'Robinhood investing page';
export const ROBINHOOD_SELECTORS = {
  rows: 'a[href^="/stocks/"], a[href^="/crypto/"]',
  headers: '[role="columnheader"]',
  cells: '[role="cell"], [role="gridcell"]',
} as const;

export const robinhoodAdapter = defineAdapter({
  id: 'robinhood',
  label: LABEL,
  matches: ROBINHOOD_PAGES,
  detect: (_doc, url) => url.hostname === 'robinhood.com' && url.pathname.startsWith('/account/investing'),
  read(doc: Document, url: URL, now: Date): AdapterRead {
    const headers = [...doc.querySelectorAll(ROBINHOOD_SELECTORS.headers)].map((h) => {
      const text = cellText(h).toLowerCase();
      return text === 'equity' ? 'value' : headerMeaning(text);
    });
    const rows = [...doc.querySelectorAll(ROBINHOOD_SELECTORS.rows)].filter((a) => a.querySelector(ROBINHOOD_SELECTORS.cells));
    if (headers.length === 0 && rows.length === 0) throw new LayoutNotRecognised(LABEL, 'positions table', ROBINHOOD_SELECTORS.headers);
    const at = (meaning: string) => headers.indexOf(meaning as never);
    const holdings: RawHolding[] = [];
    const anchors: SymbolAnchor[] = [];
    const sorter = rowSorter(holdings);
    for (const row of rows) {
      const symbol = decodeURIComponent(row.getAttribute('href')!.split('/')[2] ?? '').toUpperCase();
      if (!/^[A-Z.]{1,10}$/.test(symbol)) continue;
      const cells = row.querySelectorAll(ROBINHOOD_SELECTORS.cells);
      const text = (meaning: string) => cellText(cells[at(meaning)]);
      // A lot or total row linking to the stock (dated, marked, or indented under it) repeats money already counted.
      const shown = text('symbol');
      if (sorter.total(shown, null, 0) || markedAsSubRow(row) || sorter.lot(row.querySelector('[role="row"]') ?? row, cells[at('symbol')], shown)) continue;
      holdings.push({
        symbol,
        description: text('description') || undefined,
        quantity: parseNumber(text('quantity').replace(/\s*shares?$/i, '')),
        price: parseNumber(text('price')),
        marketValue: parseNumber(text('value')),
        account: 'Robinhood',
        rowKind: 'position',
      });
      const symbolCell = cells[at('symbol')];
      if (symbolCell) anchors.push({ symbol, element: symbolCell });
    }
    return {
      anchors,
      result: {
        source: { kind: 'page', readerId: 'robinhood', label: LABEL, url: pageUrl(url) },
        readAt: now.toISOString(),
        holdings,
        skipped: [],
        complete: true,
        statedTotals: [],
        note: holdings.length ? undefined : 'No positions in this account',
      },
    };
  },
});
