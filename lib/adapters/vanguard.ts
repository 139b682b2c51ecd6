/**
 * Vanguard's holdings page (holdings.web.vanguard.com): one table per account
 * (`#self_managed_table_<i>`), labelled "Name — Account type — number*" above it; each `tbody` is a
 * holding type ("ETFs", "Money market", …) whose first row names it; a row's `th` holds the symbol
 * and the fund's name; cells give price, $ change, % change and quantity. The page shows no value
 * per position, so market value = quantity × price, rounded to the cent. The `tfoot` row is the
 * account total (money market included): reported as the page's stated total. The page's grand total
 * (`.headers-container__label`) is not: it may count accounts that have no self-managed table here.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { maskAccountNumber } from '../format/account';
import { parseNumber } from '../format/number';
import { cellText, collapse, rowSorter } from './dom';
import { VANGUARD_PAGES } from './hosts';
import { defineAdapter, LayoutNotRecognised, pageUrl, type AdapterRead, type SymbolAnchor } from './types';

const LABEL = 'Vanguard holdings page';
export const VANGUARD_SELECTORS = {
  tables: 'table[id^="self_managed_table_"]',
  accountLabel: 'span > span > span > span',
  symbol: '.symbol, span:first-child',
} as const;

const CASH_GROUP = /money market|settlement|cash/i;

/** "Sample Investor — Brokerage Account — 12345678*" → "Brokerage Account ••5678" (no person's name kept). */
export function vanguardAccountLabel(text: string): string | undefined {
  const parts = text.split('—').map((p) => collapse(p));
  if (parts.length < 2) return undefined;
  const number = parts.at(-1)!.replace(/\*/g, '');
  const kind = parts.length >= 3 ? parts[parts.length - 2]! : 'Vanguard account';
  return /\d/.test(number) ? `${kind} ${maskAccountNumber(number)}` : kind;
}

export const vanguardAdapter = defineAdapter({
  id: 'vanguard',
  label: LABEL,
  matches: VANGUARD_PAGES,
  detect: (_doc, url) => url.hostname === 'holdings.web.vanguard.com',
  read(doc: Document, url: URL, now: Date): AdapterRead {
    const tables = [...doc.querySelectorAll(VANGUARD_SELECTORS.tables)];
    if (tables.length === 0) throw new LayoutNotRecognised(LABEL, 'holdings tables', VANGUARD_SELECTORS.tables);
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    const anchors: SymbolAnchor[] = [];
    const sorter = rowSorter(holdings);
    for (const table of tables) {
      // The account label is the nearest labelled container above the table.
      let labelEl: Element | null = null;
      for (let el: Element | null = table; el && !labelEl; el = el.parentElement) labelEl = el.querySelector(VANGUARD_SELECTORS.accountLabel);
      const account = labelEl ? vanguardAccountLabel(cellText(labelEl)) : undefined;
      sorter.begin();
      // A total row states its value in its last cell ("Account total … $22,201.33").
      const totalRow = (row: HTMLTableRowElement, label: string) => sorter.total(label, parseNumber(cellText(row.cells[row.cells.length - 1])), row.rowIndex);
      for (const group of table.querySelectorAll('tbody')) {
        const rows = [...group.rows];
        const kind = cellText(rows[0]?.querySelector('th'));
        for (const row of rows.slice(1)) {
          const th = row.querySelector('th');
          const symbolEl = th?.querySelector(VANGUARD_SELECTORS.symbol);
          const label = cellText(symbolEl ?? row.cells[0]);
          if (totalRow(row, label)) continue;
          const tds = row.querySelectorAll('td');
          if (!th || tds.length < 4) continue; // the group's column-header row
          // A lot (dated, marked, or indented under the fund above) splits a holding already counted.
          if (sorter.lot(row, symbolEl ?? th, label)) continue;
          const symbol = cellText(symbolEl) || cellText(th).split(' ')[0]!;
          const description = cellText(th).slice(symbol.length).trim();
          const price = parseNumber(cellText(tds[0]));
          const quantity = parseNumber(cellText(tds[3]));
          if (price === null || quantity === null) {
            skipped.push({ row: row.rowIndex, reason: `${symbol}: price "${cellText(tds[0])}" or quantity "${cellText(tds[3])}" is not a number` });
            continue;
          }
          holdings.push({
            symbol,
            description: description || undefined,
            quantity,
            price,
            marketValue: Math.round(quantity * price * 100) / 100,
            account,
            rowKind: CASH_GROUP.test(kind) ? 'cash' : 'position',
          });
          if (symbolEl) anchors.push({ symbol, element: symbolEl });
        }
      }
      for (const row of table.querySelectorAll<HTMLTableRowElement>(':scope > tfoot > tr')) totalRow(row, cellText([...row.cells].find((c) => cellText(c))));
    }
    return {
      anchors,
      result: {
        source: { kind: 'page', readerId: 'vanguard', label: LABEL, url: pageUrl(url) },
        readAt: now.toISOString(),
        holdings,
        skipped,
        complete: true,
        statedTotals: sorter.totals(),
        note: holdings.length ? undefined : 'No positions in this account',
      },
    };
  },
});
