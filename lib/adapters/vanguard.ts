/**
 * Vanguard's holdings, on two pages while Vanguard rolls the new one out:
 * - holdings.web.vanguard.com (2023–2025): one table per account (`#self_managed_table_<i>`), labelled
 *   "Name — Account type — number*" above it; each `tbody` is a holding type ("ETFs", "Money market",
 *   …) whose first row names it; a row's `th` holds the symbol and the fund's name; cells give price,
 *   $ change, % change and quantity. No value per position: market value = quantity × price, rounded
 *   to the cent. The `tfoot` row is the account total (money market included): a stated total.
 * - www.vanguard.com/en/investor/portfolio/investments (2026): one accordion per account; its table
 *   names columns by test id (`quantity-column`, `current-balance-column`) and shows each holding's
 *   balance; the settlement fund (cash) is a card beside the table, not a row. A collapsed accordion
 *   may leave its table out of the page: the read then says so instead of passing for whole.
 * The page-header grand total is never a stated total: it may count accounts not shown here.
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { maskAccountLabel, maskAccountNumber } from '../format/account';
import { parseNumber } from '../format/number';
import { cellText, collapse, columnIndex, rowSorter } from './dom';
import { VANGUARD_PAGES } from './hosts';
import { defineAdapter, LayoutNotRecognised, pageUrl, type AdapterRead, type SymbolAnchor } from './types';

const LABEL = 'Vanguard holdings page';
export const VANGUARD_SELECTORS = {
  // 2023–2025: one table per account; 2026: a table in each account's accordion.
  tables: 'table[id^="self_managed_table_"], [data-testid^="account-id:"] table, .c11n-accordion table',
  // 2023–2025: the label nests four spans deep above the table.
  accountLabel: 'span > span > span > span',
  // 2026: the account's accordion and its heading.
  account: '[data-testid^="account-id:"], .c11n-accordion',
  heading: '.c11n-accordion__heading',
  collapsedHeading: '.c11n-accordion__heading [aria-expanded="false"]',
  // 2026 ticker and name; 2023–2025 symbol span and name.
  symbol: '.holding-ticker, .symbol, span:first-child',
  name: '.holding-name__text, .name',
  // 2026 columns by test id (their text may change).
  quantity: '[data-testid="quantity-column"]',
  value: '[data-testid="current-balance-column"]',
  price: '[data-testid="price-column"]',
  // 2026 settlement fund card: the account's cash.
  settlementName: '[data-testid="settlementFundName"]',
  settlementBalance: '[data-testid="settlement-fund-balance"]',
} as const;

const CASH_GROUP = /money market|settlement|cash/i;
/** Money in an account heading ("… $22,201.33"): a balance, not part of the account's name. */
const AMOUNT = /[-+]?\$[\d,.]+/g;

/** "Sample Investor — Brokerage Account — 12345678*" → "Brokerage Account ••5678" (no person's name kept). */
export function vanguardAccountLabel(text: string): string | undefined {
  const parts = text.split('—').map((p) => collapse(p));
  if (parts.length < 2) return undefined;
  const number = parts.at(-1)!.replace(/\*/g, '');
  const kind = parts.length >= 3 ? parts[parts.length - 2]! : 'Vanguard account';
  return /\d/.test(number) ? `${kind} ${maskAccountNumber(number)}` : kind;
}

/** The label of the account a table belongs to: its accordion's heading (2026), else the label above it. */
function accountOf(table: Element): string | undefined {
  const heading = table.closest(VANGUARD_SELECTORS.account)?.querySelector(VANGUARD_SELECTORS.heading);
  if (heading) {
    const text = cellText(heading).replace(AMOUNT, '').replace(/\*/g, '');
    // Three dash-separated parts put the person's name first: dropped.
    return text.split('—').length > 2 ? vanguardAccountLabel(text) : maskAccountLabel(collapse(text.replace(/—/g, ' ')));
  }
  let labelEl: Element | null = null;
  for (let el: Element | null = table; el && !labelEl; el = el.parentElement) labelEl = el.querySelector(VANGUARD_SELECTORS.accountLabel);
  return labelEl ? vanguardAccountLabel(cellText(labelEl)) : undefined;
}

export const vanguardAdapter = defineAdapter({
  id: 'vanguard',
  label: LABEL,
  matches: VANGUARD_PAGES,
  detect: (_doc, url) =>
    url.hostname === 'holdings.web.vanguard.com' || (url.hostname === 'www.vanguard.com' && url.pathname.startsWith('/en/investor/portfolio/investments')),
  read(doc: Document, url: URL, now: Date): AdapterRead {
    const tables = [...doc.querySelectorAll(VANGUARD_SELECTORS.tables)];
    // Accounts folded shut with no table in the page: their holdings cannot be read yet.
    const folded = [...doc.querySelectorAll(VANGUARD_SELECTORS.collapsedHeading)].filter((h) => !h.closest(VANGUARD_SELECTORS.account)?.querySelector('table')).length;
    if (tables.length === 0 && !folded) throw new LayoutNotRecognised(LABEL, 'holdings tables', VANGUARD_SELECTORS.tables);
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    const anchors: SymbolAnchor[] = [];
    const sorter = rowSorter(holdings);
    let lastCard: Element | null | undefined;
    for (const table of tables) {
      const account = accountOf(table);
      sorter.begin();
      // 2026: the settlement fund card, read first so a total over the account covers it.
      const card = table.closest(VANGUARD_SELECTORS.account);
      const balance = card?.querySelector(VANGUARD_SELECTORS.settlementBalance);
      if (balance && card !== lastCard) {
        const name = cellText(card!.querySelector(VANGUARD_SELECTORS.settlementName));
        holdings.push({ description: name || 'Settlement fund', marketValue: parseNumber(cellText(balance)), account, rowKind: 'cash' });
      }
      lastCard = card;
      const header = [...(table.querySelector('thead tr')?.children ?? [])];
      const valueAt = columnIndex(header, VANGUARD_SELECTORS.value, 'value');
      // 2023–2025 (no value column): price in the first cell after the symbol, quantity in the fourth.
      const old = valueAt < 0;
      const quantityAt = old ? 4 : columnIndex(header, VANGUARD_SELECTORS.quantity, 'quantity');
      const priceAt = old ? 1 : columnIndex(header, VANGUARD_SELECTORS.price, 'price');
      // A total row states its value in its last cell ("Account total … $22,201.33").
      const totalRow = (row: HTMLTableRowElement, label: string) => sorter.total(label, parseNumber(cellText(row.cells[row.cells.length - 1])), row.rowIndex);
      for (const group of table.querySelectorAll(':scope > tbody')) {
        let kind = '';
        for (const row of group.querySelectorAll<HTMLTableRowElement>(':scope > tr')) {
          const th = row.querySelector('th');
          const hasFigures = row.querySelector('td');
          // 2023–2025: a lone `th` names the holding type of the rows below it.
          if (th && row.cells.length === 1) kind = cellText(th);
          const symbolEl = th?.querySelector(VANGUARD_SELECTORS.symbol);
          const label = cellText(symbolEl ?? row.cells[0]);
          // A group or column-header row; a lot (dated, marked, or indented under the fund above) splits a holding already counted.
          if (totalRow(row, label) || !th || !hasFigures || sorter.lot(row, symbolEl ?? th, label)) continue;
          const symbol = cellText(symbolEl) || cellText(th).split(' ')[0]!;
          const description = cellText(th.querySelector(VANGUARD_SELECTORS.name)) || cellText(th).slice(symbol.length).trim();
          const figure = (i: number) => (i < 0 ? null : parseNumber(cellText(row.cells[i])));
          const quantity = figure(quantityAt);
          const price = figure(priceAt);
          // 2023–2025 shows no value: quantity × price, to the cent.
          const marketValue = !old ? figure(valueAt) : price === null || quantity === null ? null : Math.round(quantity * price * 100) / 100;
          if (marketValue === null) {
            skipped.push({ row: row.rowIndex, reason: `${symbol}: ${old ? 'price or quantity' : 'balance'} is not a number` });
            continue;
          }
          holdings.push({ symbol, description: description || undefined, quantity, price, marketValue, account, rowKind: CASH_GROUP.test(kind) ? 'cash' : 'position' });
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
        complete: !folded,
        statedTotals: sorter.totals(),
        note: folded
          ? 'Accounts folded shut are not read: open them ("Expand all accounts")'
          : holdings.length
            ? undefined
            : 'No positions in this account',
      },
    };
  },
});
