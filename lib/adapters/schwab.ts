/**
 * Schwab's positions page (client.schwab.com/app/accounts/positions): one table for all accounts, the
 * symbol in each row's `<th>`, account groups introduced by a one-cell account row, "Cash & Cash
 * Investments" and "Account Total" rows. The table reading itself is the generic reader's, confined
 * to Schwab's positions table; this adapter knows where that table is and says when it is gone.
 */
import { readGrids } from './generic';
import { SITE_PAGE_MATCHES } from './hosts';
import { defineAdapter, LayoutNotRecognised, pageUrl, type AdapterRead } from './types';

const LABEL = 'Schwab positions page';
export const SCHWAB_SELECTORS = {
  // 2023–2026 layouts: the responsive positions table; a newer app shell names it by test id.
  table: '#responsiveTable, table[data-testid="positions-table"], table.positions-table',
} as const;

export const schwabAdapter = defineAdapter({
  id: 'schwab',
  label: LABEL,
  matches: SITE_PAGE_MATCHES.schwab,
  detect: (_doc, url) => url.hostname === 'client.schwab.com' && url.pathname.startsWith('/app/accounts/positions'),
  read(doc: Document, url: URL, now: Date): AdapterRead {
    const table = doc.querySelector(SCHWAB_SELECTORS.table);
    if (!table) throw new LayoutNotRecognised(LABEL, 'positions table', SCHWAB_SELECTORS.table);
    const { holdings, skipped, anchors } = readGrids(table);
    return {
      anchors,
      result: {
        source: { kind: 'page', readerId: 'schwab', label: LABEL, url: pageUrl(url) },
        readAt: now.toISOString(),
        holdings,
        skipped,
        complete: true,
        note: holdings.length ? undefined : 'No positions in this account',
      },
    };
  },
});
