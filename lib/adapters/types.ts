/**
 * The contract every page adapter follows: pure functions of the document and URL handed in, one
 * file per site, registered in registry.ts. See ADAPTERS.md for how to add one.
 */
import type { ScanResult } from '../schema/holdings';

/** A cell on the page that shows a symbol: where its badge goes. */
export interface SymbolAnchor {
  /** The symbol text exactly as reported in the ScanResult. */
  symbol: string;
  element: Element;
}

export interface AdapterRead {
  result: ScanResult;
  anchors: SymbolAnchor[];
  /**
   * Virtualised grids render only the rows in view. The adapter names every rendered row (`rowIds`,
   * account and total rows included), the key of each holding (`holdingKeys`, parallel to
   * `result.holdings`) and how many rows the grid has in all; the page runtime accumulates rows
   * across scrolls and calls the read complete once it has seen them all.
   */
  virtual?: { rowIds: string[]; holdingKeys: string[]; totalRows: number };
}

export interface Adapter {
  /** Equals the adapter's file name (`generic`, `fidelity`, …). */
  readonly id: string;
  /** Human name used in messages ("Fidelity positions page"). */
  readonly label: string;
  /** URL match patterns of the pages it reads; the generic adapter has none (it is the fallback). */
  readonly matches: readonly string[];
  /** Whether this document is a page it can read. */
  detect(doc: Document, url: URL): boolean;
  /** Reads the holdings. `now` is injected so reads are reproducible in tests. */
  read(doc: Document, url: URL, now: Date): AdapterRead;
}

export function defineAdapter(adapter: Adapter): Adapter {
  return Object.freeze(adapter);
}

/** Page origin + path: the query string may carry identifiers and is never stored. */
export function pageUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * A site adapter recognised its site but not the page layout: it names the part and the selector
 * that matched nothing, so users can report a redesign with it. The reader then falls back to the
 * generic adapter and tells the user.
 */
export class LayoutNotRecognised extends Error {
  constructor(
    readonly adapterLabel: string,
    /** What was looked for, in words ("positions grid"). */
    readonly part: string,
    readonly selector: string,
  ) {
    super(`${adapterLabel} layout not recognised: ${part} not found (${selector})`);
    this.name = 'LayoutNotRecognised';
  }
}

/** What a partial read of a virtualised grid tells the user. */
export function partialReadNote(seenRows: number, totalRows: number): string {
  return `Read ${seenRows} of ${totalRows} rows of the positions grid — scroll to read the rest`;
}
