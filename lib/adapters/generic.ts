/**
 * The fallback adapter: finds holdings tables on any page by what their column headers mean
 * (Symbol, Quantity, Market value, …), in HTML tables and ARIA grids alike.
 */
import type { RawHolding, SkippedRow, StatedTotal } from '../schema/holdings';
import { parseNumber } from '../format/number';
import { maskAccountLabel } from '../format/account';
import { hasCashMarker, isCusip, isOptionSymbol, normaliseTicker } from '../reference/tickers';
import { accountContext, cellText, findGrids, headerMeaning, isLotLabel, rowSorter, totalScope, type ColumnMeaning, type Grid } from './dom';
import { defineAdapter, pageUrl, type AdapterRead, type SymbolAnchor } from './types';

const PENDING = /pending activity/i;
/** Bank sweeps and money-market funds described as such: cash in all but name. */
const SWEEP = /\b(RASP|sweep|money market)\b/i;
/** A cell of only figures and signs ("--", "$12.00", "N/A") is not a description. */
const NUMERIC = /^(?:[\s$()+\-\u2212\d.,%]*|n\/a|na|—)$/i;
const EMPTY = /^(--?|—|n\/a|na)?$/i;
const CASH = /^(cash|core position|money market|cash & cash investments|cash and money market|sweep)\b/i;

type Columns = Partial<Record<ColumnMeaning, number>>;

/** Column positions by meaning, or null when the grid is not a holdings table. */
export function holdingsColumns(grid: Grid): Columns | null {
  const columns: Columns = {};
  grid.header.forEach((cell, i) => {
    const meaning = headerMeaning(cellText(cell));
    if (meaning && columns[meaning] === undefined) columns[meaning] = i;
  });
  const named = columns.symbol !== undefined || columns.description !== undefined;
  return named && columns.value !== undefined ? columns : null;
}

/** Splits a symbol cell that also holds the name ("NVDA NVIDIA Corp" or two child elements). */
export function splitSymbolCell(cell: Element, full = cellText(cell), mayHoldHosts = true): { symbol: string; description: string } {
  const parts = cell.childElementCount > 1 ? [...cell.children].map((c) => cellText(c, mayHoldHosts)).filter(Boolean) : [];
  if (parts.length >= 2 && full.startsWith(parts[0]!)) return { symbol: parts[0]!, description: parts.slice(1).join(' ') };
  if (PENDING.test(full) || CASH.test(full) || isOptionSymbol(full)) return { symbol: full, description: '' };
  const [first = '', ...rest] = full.split(' ');
  // Pages print tickers in capitals: "Stable Value Fund" must not become the ticker STABLE.
  const symbolish = (t: string) =>
    hasCashMarker(t) || isCusip(t) || isOptionSymbol(t) || (t === t.toUpperCase() && normaliseTicker(t) !== null);
  if (symbolish(first)) return { symbol: first, description: rest.join(' ') };
  return { symbol: '', description: full };
}

/** A row that only carries a label across the table: an account header. */
function accountHeaderRow(cells: ArrayLike<Element>, texts: string[]): string | null {
  if (cells.length > 2) return null;
  const filled = texts.filter(Boolean);
  if (filled.length !== 1) return null;
  const text = filled[0]!;
  if (totalScope(text) || isLotLabel(text) || parseNumber(text) !== null || PENDING.test(text)) return null;
  return text;
}

export interface GridsRead {
  holdings: RawHolding[];
  skipped: SkippedRow[];
  anchors: SymbolAnchor[];
  /** The totals the page states that cover what was read (dom.ts: comparableTotals). */
  statedTotals: StatedTotal[];
  /** How many holdings tables were found. */
  found: number;
}

/** Reads every holdings table in `scopes` (the page, or a site's positions tables) as one read. */
export function readGrids(scopes: Document | Element | readonly Element[]): GridsRead {
  const holdings: RawHolding[] = [];
  const skipped: SkippedRow[] = [];
  const anchors: SymbolAnchor[] = [];
  const sorter = rowSorter(holdings);
  let found = 0;
  let rowNumber = 0;
  const roots: readonly (Document | Element)[] = Array.isArray(scopes) ? scopes : [scopes as Document | Element];
  const mayHoldHosts = roots.some((r) => r.querySelector('[data-breadth-host]') !== null);
  const masked = new Map<string, string>();
  const mask = (label: string) => {
    let m = masked.get(label);
    if (m === undefined) masked.set(label, (m = maskAccountLabel(label).slice(0, 120)));
    return m;
  };
  for (const grid of roots.flatMap((r) => findGrids(r))) {
    const columns = holdingsColumns(grid);
    if (!columns) continue;
    found++;
    let account = accountContext(grid.root);
    sorter.begin();
    for (const { row, cells } of grid.rows) {
      rowNumber++;
      if (cells.length <= 2) {
        const header = accountHeaderRow(cells, Array.from(cells, (c) => cellText(c, mayHoldHosts)));
        if (header) {
          account = header;
          sorter.begin();
          continue;
        }
      }
      // Only the columns that mean something are read: a scan touches as little of the DOM as it can.
      const texts: string[] = [];
      const text = (i: number | undefined) => (i === undefined ? '' : (texts[i] ??= cellText(cells[i], mayHoldHosts)));
      const symbolCell = columns.symbol !== undefined ? cells[columns.symbol] : undefined;
      const descriptionText = text(columns.description);
      const rowLabel = text(columns.symbol) || descriptionText || text(0);
      if (!rowLabel) continue; // spacer or decoration row
      const valueText = text(columns.value);
      const marketValue = parseNumber(valueText);
      // Totals are the page's own sums (reported, never holdings); a lot (a date or "Lot" for a label,
      // marked so, or indented under a holding) splits a position already counted.
      if (sorter.total(rowLabel, marketValue, rowNumber, parseNumber(text(columns.quantity)) !== null)) continue;
      const split = symbolCell ? splitSymbolCell(symbolCell, text(columns.symbol), mayHoldHosts) : { symbol: '', description: '' };
      if (sorter.lot(row, symbolCell ?? cells[0], rowLabel, !!split.symbol)) continue;
      const description = (NUMERIC.test(descriptionText) ? '' : descriptionText) || split.description;
      const symbol = split.symbol;
      const label = symbol || description;
      if (!label) continue;
      const rowKind = PENDING.test(label) ? 'pending' : CASH.test(label) || hasCashMarker(symbol) || SWEEP.test(description) ? 'cash' : 'position';
      if (marketValue === null && !EMPTY.test(valueText)) {
        skipped.push({ row: rowNumber, reason: `${label.slice(0, 40)}: market value "${valueText.slice(0, 40)}" is not a number` });
        continue;
      }
      const holding: RawHolding = {
        symbol: symbol || undefined,
        description: description || undefined,
        quantity: parseNumber(text(columns.quantity)),
        price: parseNumber(text(columns.price)),
        marketValue,
        rowKind,
      };
      const rowAccount = text(columns.account) || account;
      if (rowAccount) holding.account = mask(rowAccount);
      holdings.push(holding);
      if (symbol && symbolCell && rowKind === 'position') anchors.push({ symbol, element: symbolCell });
    }
  }
  return { holdings, skipped, anchors, statedTotals: sorter.totals(), found };
}

/** The site as a person would name it; Breadth's own demo page is an extension page. */
function siteName(url: URL): string {
  if (url.protocol.endsWith('-extension:')) return 'the Breadth demo page';
  return url.hostname.replace(/^www\./, '') || 'this page';
}

export const genericAdapter = defineAdapter({
  id: 'generic',
  label: 'Holdings table',
  matches: [],
  detect: (doc) => findGrids(doc).some((g) => holdingsColumns(g) !== null),
  read(doc: Document, url: URL, now: Date): AdapterRead {
    const { holdings, skipped, anchors, statedTotals, found } = readGrids(doc);
    return {
      anchors,
      result: {
        source: { kind: 'page', readerId: 'generic', label: `Holdings table on ${siteName(url)}`, url: pageUrl(url) },
        readAt: now.toISOString(),
        holdings,
        skipped,
        complete: true,
        statedTotals,
        note: found === 0 || holdings.length === 0 ? 'No holdings found on this page' : undefined,
      },
    };
  },
});
