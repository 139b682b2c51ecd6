/**
 * The in-page runtime shared by the content script and the demo page: read the page with the right
 * adapter, hand the read to the background, draw what it answers, and read again when a
 * single-page app changes the table.
 */

import type { PageAudit } from '../schema/page';
import { readPage } from '../adapters/read-page';
import { BREADTH_HOST_ATTR } from '../adapters/dom';
import { partialReadNote, type Adapter, type AdapterRead, type SymbolAnchor } from '../adapters/types';
import type { RawHolding, ScanResult, StatedTotal } from '../schema/holdings';
import { clearBadges, drawBadge, drawChip } from './badges';

interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
}

export interface PageReaderOptions {
  doc: Document;
  url: string;
  runtime: RuntimeLike;
  /** True when the user asked for this read ("Scan this page"): say so even when nothing is found. */
  manual?: boolean;
  /** Re-read delay after the last DOM change. */
  debounceMs?: number;
  /** Read right away (default); the content script reads itself to return the answer. */
  autoRead?: boolean;
  /** Where the page is now (single-page apps move without reloading); defaults to the document's location. */
  currentUrl?: () => string;
  /** The site adapters this script carries; the generic reader is always there as the fallback. */
  siteAdapters?: readonly Adapter[];
}

export interface PageReader {
  /** Reads now (also what a second injection triggers). */
  read(manual?: boolean): Promise<PageAudit | null>;
  stop(): void;
}

const READER_KEY = '__breadthPageReader';

/**
 * The background's answer, checked for the shape the drawing code relies on. No zod here: what the
 * content script sends is parsed with its schema on receipt by the background (lib/messaging.ts,
 * the trust boundary: a page could forge a content script's message), and the background is the
 * only thing that answers; zod would be half of every content script's 40 KB budget.
 */
function isPageAudit(x: unknown): x is PageAudit {
  const a = x as PageAudit | null;
  return (
    !!a &&
    Array.isArray(a.badges) &&
    a.badges.every((b) => typeof b?.symbol === 'string' && typeof b.badge?.text === 'string' && typeof b.badge.title === 'string' && typeof b.badge.kind === 'string') &&
    (a.summary === null || (typeof a.summary === 'object' && typeof a.summary.text === 'string')) &&
    (a.message === undefined || typeof a.message === 'string')
  );
}

export function startPageReader(options: PageReaderOptions): PageReader {
  const win = options.doc.defaultView as (Window & { [READER_KEY]?: PageReader }) | null;
  const existing = win?.[READER_KEY];
  if (existing) return existing; // injected again (the popup's "Scan this page"): the caller reads
  const { doc, runtime } = options;
  let lastSent = '';
  // Virtualised grids: rows seen so far on this page, kept across scrolls (reset when the page changes),
  // and the totals seen with them (a total row may scroll out of view before its positions are all seen).
  let virtualPage = '';
  const seenRows = new Set<string>();
  const seenHoldings = new Map<string, RawHolding>();
  const seenTotals = new Map<string, StatedTotal>();

  function accumulate(read: AdapterRead, page: string): ScanResult {
    const { result, virtual } = read;
    if (!virtual) return result;
    if (page !== virtualPage) {
      virtualPage = page;
      seenRows.clear();
      seenHoldings.clear();
      seenTotals.clear();
    }
    for (const id of virtual.rowIds) seenRows.add(id);
    virtual.holdingKeys.forEach((key, i) => seenHoldings.set(key, result.holdings[i]!));
    for (const total of result.statedTotals ?? []) seenTotals.set(`${total.account}|${total.row}`, total);
    const complete = seenRows.size >= virtual.totalRows;
    return {
      ...result,
      holdings: [...seenHoldings.values()],
      statedTotals: [...seenTotals.values()],
      complete,
      note: complete ? (seenHoldings.size ? undefined : result.note) : partialReadNote(seenRows.size, virtual.totalRows),
    };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reading = false;

  async function read(manual = false): Promise<PageAudit | null> {
    if (reading) return null;
    reading = true;
    try {
      const url = new URL(options.currentUrl?.() ?? doc.location?.href ?? options.url);
      const read = readPage(doc, url, new Date(), options.siteAdapters ?? []);
      const { anchors } = read;
      const scan = accumulate(read, `${url.origin}${url.pathname}`);
      if (scan.holdings.length === 0 && !manual && !lastSent) return null; // stay quiet on pages without holdings
      const fingerprint = JSON.stringify([scan.holdings, scan.skipped, scan.statedTotals]);
      if (fingerprint === lastSent && !manual) return null;
      lastSent = fingerprint;
      const answer = await runtime.sendMessage({ type: 'cs-bg:page-read', payload: scan });
      if (!isPageAudit(answer)) throw new Error('unexpected answer from Breadth');
      observer.disconnect(); // our own drawing must not trigger a re-read
      draw(anchors, answer);
      observe();
      return answer;
    } catch (error) {
      drawChip(doc, { summary: null, message: `Breadth could not read this page: ${error instanceof Error ? error.message.slice(0, 120) : 'unknown error'}` });
      return null;
    } finally {
      reading = false;
    }
  }

  function draw(anchors: SymbolAnchor[], answer: PageAudit) {
    // Only what changed is redrawn: badges whose cell still shows a badged symbol stay (and are left
    // untouched when their text is the same); the rest go.
    const bySymbol = new Map(answer.badges.map((b) => [b.symbol, b.badge]));
    const keep = new Set<Element>();
    for (const { symbol, element } of anchors) if (bySymbol.has(symbol)) keep.add(element);
    clearBadges(doc, keep);
    for (const { symbol, element } of anchors) {
      const badge = bySymbol.get(symbol);
      if (badge) drawBadge(element, badge);
    }
    drawChip(doc, answer);
  }

  const observer = new MutationObserver((mutations) => {
    const ours = mutations.every((m) =>
      [...m.addedNodes, ...m.removedNodes, m.target].every((n) => n.nodeType === 1 && (n as Element).closest?.(`[${BREADTH_HOST_ATTR}]`)),
    );
    if (ours) return;
    clearTimeout(timer);
    timer = setTimeout(() => void read(), options.debounceMs ?? 300);
  });
  function observe() {
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  const reader: PageReader = {
    read,
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      if (win) delete win[READER_KEY];
    },
  };
  if (win) win[READER_KEY] = reader;
  observe();
  if (options.autoRead !== false) void read(options.manual);
  return reader;
}
