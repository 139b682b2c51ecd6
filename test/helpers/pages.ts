/** Fixture-page helpers for adapter tests (jsdom). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { AdapterRead } from '../../lib/adapters/types';

export const PAGES_ROOT = resolve(import.meta.dirname, '../fixtures/pages');

export function loadPage(adapterId: string, name: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(PAGES_ROOT, adapterId, name), 'utf8'), 'text/html');
}

/**
 * Compares with the reviewed golden file next to the fixture. UPDATE_GOLDEN=1 (or a missing file)
 * writes it: review the diff like code before committing.
 */
export function expectGolden(adapterId: string, name: string, actual: unknown): void {
  const path = resolve(PAGES_ROOT, adapterId, name.replace(/\.html$/, '.expected.json'));
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

/*
 * Page mutations: rows a brokerage page adds that are not holdings — a grand total, account totals,
 * expanded lots — inserted in that page's own markup, so a test can check that none of them is ever
 * read as money (lib/adapters/stated-totals.test.ts).
 */

/** The markup families of the fixture pages: how a row looks, and where totals go. */
export type RowMarkup = 'table' | 'fidelity' | 'vanguard' | 'robinhood';
export type Mutation = 'grand total' | 'account totals' | 'dated lots' | 'indented lots' | 'marked lots';
export const MUTATIONS: Mutation[] = ['grand total', 'account totals', 'dated lots', 'indented lots', 'marked lots'];

/** What a lot row shows where its position shows the symbol. */
const LOT_DATE = '01/02/2024';
/** How pages indent a child row's label: non-breaking spaces (plain ones collapse). */
const INDENT = '\u00a0\u00a0\u00a0';

const money = (value: number) => `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The row a symbol cell belongs to: Robinhood's link, a table or ARIA row, an ag-Grid row. */
function rowOf(cell: Element): Element {
  return cell.closest('a[href^="/stocks/"], a[href^="/crypto/"]') ?? cell.closest('tr, [role="row"], .ag-row')!;
}

/** Child-index path from `ancestor` down to `el`, to find the same element in a clone. */
function pathTo(ancestor: Element, el: Element): number[] {
  const path: number[] = [];
  for (let at = el; at !== ancestor; at = at.parentElement!) path.unshift([...at.parentElement!.children].indexOf(at));
  return path;
}
const follow = (root: Element, path: number[]) => path.reduce<Element>((el, i) => el.children[i]!, root);

/** The text nodes under `root`, in document order. */
function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Replaces the first occurrence of `from` in the text under `root` (the symbol in its cell). */
function replaceText(root: Element, from: string, to: string): void {
  const node = textNodes(root).find((n) => n.data.includes(from));
  if (!node) throw new Error(`"${from}" not found in the row`);
  node.data = node.data.replace(from, to);
}

/** Fidelity's centre-column row that carries the figures of a pinned row. */
const fidelityFigures = (doc: Document, pinned: Element) =>
  doc.querySelector(`.ag-center-cols-container .ag-row[row-id="${pinned.getAttribute('row-id')}"]`)!;

/** Gives a cloned ag-Grid row (and its figures) an id of its own. */
function renumber(rows: Element[], id: string): void {
  for (const row of rows) {
    row.setAttribute('row-id', id);
    row.setAttribute('row-index', id);
  }
}

/** A Fidelity total row: symbol column and figures, with the classes ag-Grid gives total rows. */
function fidelityTotal(doc: Document, id: string, label: string, value: number): [Element, Element] {
  const pinned = doc.createElement('div');
  pinned.className = 'ag-row ag-row-level-1 posweb-row-total ag-row-group ag-row-group-contracted';
  const symbol = pinned.appendChild(doc.createElement('div')).appendChild(doc.createElement('p'));
  symbol.className = 'posweb-cell-symbol-name';
  symbol.textContent = label;
  const figures = doc.createElement('div');
  figures.className = 'ag-row posweb-row-total';
  const current = figures.appendChild(doc.createElement('div')).appendChild(doc.createElement('div'));
  current.className = 'posweb-cell-current_value';
  current.textContent = money(value);
  renumber([pinned, figures], id);
  return [pinned, figures];
}

/** A total row made from a holding's row: every text blanked but the label (symbol cell) and the value. */
function totalFromRow(row: Element, symbolPath: number[], symbol: string, marketValue: number, label: string, value: number): Element {
  const total = row.cloneNode(true) as Element;
  total.setAttribute('class', 'total-row');
  const symbolNode = textNodes(follow(total, symbolPath)).find((n) => n.data.includes(symbol));
  for (const node of textNodes(total)) {
    const figure = Number(node.data.replace(/[$,\s]/g, ''));
    node.data = node === symbolNode ? label : node.data.trim() && figure === marketValue ? money(value) : '';
  }
  return total;
}

/**
 * Inserts the rows of `mutation` into `doc`, the page `read` came from, in the page's own markup.
 * Returns how many rows it inserted.
 */
export function insertRows(doc: Document, read: AdapterRead, markup: RowMarkup, mutation: Mutation): number {
  const { holdings } = read.result;
  // Each badge anchor is a holding's symbol cell; pair it with its holding for the account and value.
  const used = new Set<number>();
  const positions = read.anchors.map((anchor) => {
    const index = holdings.findIndex((h, i) => !used.has(i) && h.symbol === anchor.symbol);
    used.add(index);
    const cell = anchor.element;
    const row = rowOf(cell);
    return { row, cell, symbol: anchor.symbol, path: pathTo(row, cell), holding: holdings[index]! };
  });
  const sum = (account?: string) => holdings.filter((h) => account === undefined || h.account === account).reduce((s, h) => s + (h.marketValue ?? 0), 0);
  let inserted = 0;
  const after = (anchor: Element, row: Element) => {
    anchor.after(row);
    inserted++;
  };

  if (mutation === 'dated lots' || mutation === 'indented lots' || mutation === 'marked lots') {
    positions.forEach(({ row, path, symbol }, i) => {
      const lot = row.cloneNode(true) as Element;
      if (mutation === 'dated lots') replaceText(follow(lot, path), symbol, LOT_DATE);
      if (mutation === 'indented lots') replaceText(follow(lot, path), symbol, INDENT + symbol);
      if (mutation === 'marked lots') {
        if (markup === 'fidelity') lot.classList.replace('ag-row-level-1', 'ag-row-level-2');
        lot.classList.add(markup === 'fidelity' ? 'posweb-row-lot' : 'lot-row');
      }
      if (markup === 'fidelity') {
        const figures = fidelityFigures(doc, row);
        const lotFigures = figures.cloneNode(true) as Element;
        renumber([lot, lotFigures], `lot-${i}`);
        after(figures, lotFigures);
        inserted--;
      }
      after(row, lot);
    });
    return inserted;
  }

  // Totals go after the last holding row of each account, or of the whole page.
  type Position = (typeof positions)[number];
  // Per group: the last holding row, and the last one showing a value (the template of a total row).
  const lastRows = new Map<string | undefined, { last: Position; valued?: Position }>();
  for (const p of positions) {
    const key = mutation === 'grand total' ? undefined : p.holding.account;
    lastRows.set(key, { last: p, valued: p.holding.marketValue != null ? p : lastRows.get(key)?.valued });
  }
  // Labels pages print for such rows; "All accounts" has no "total" in it at all.
  const label = mutation === 'grand total' ? (markup === 'fidelity' ? 'Grand Total' : 'All accounts') : markup === 'table' ? 'Net Account Value' : 'Account Total';
  for (const [account, { last, valued = last }] of lastRows) {
    const value = sum(account);
    if (markup === 'fidelity') {
      const [pinned, figures] = fidelityTotal(doc, `total-${inserted}`, label, value);
      after(fidelityFigures(doc, last.row), figures);
      inserted--;
      after(last.row, pinned);
    } else if (markup === 'vanguard' && mutation === 'grand total') {
      // Vanguard states its grand total in the page header, not in a table.
      const header = doc.createElement('div');
      header.className = 'headers-container';
      const name = header.appendChild(doc.createElement('span'));
      name.className = 'headers-container__label';
      name.textContent = 'Total';
      header.appendChild(doc.createElement('span')).textContent = money(value);
      doc.querySelector('main')!.prepend(header);
      inserted++;
    } else if (markup === 'vanguard') {
      // An account total as Vanguard's footer shows it, at the end of the account's last group.
      const total = doc.createElement('tr');
      const name = total.appendChild(doc.createElement('td'));
      name.colSpan = 4;
      name.textContent = label;
      total.appendChild(doc.createElement('td')).textContent = money(value);
      after(last.row.parentElement!.lastElementChild!, total);
    } else if (markup === 'robinhood') {
      // Robinhood's rows are links to each holding; a total is a plain row of the same table.
      const total = rowOf(last.cell).querySelector('[role="row"]')!.cloneNode(true) as Element;
      const cells = total.querySelectorAll('[role="cell"]');
      cells.forEach((c, i) => (c.textContent = i === 0 ? label : i === cells.length - 1 ? money(value) : ''));
      after(last.row, total);
    } else {
      after(last.row, totalFromRow(valued.row, valued.path, valued.symbol, valued.holding.marketValue!, label, value));
    }
  }
  return inserted;
}
