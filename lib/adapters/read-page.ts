/**
 * Picking and running an adapter, given the site adapters a content script carries. Kept apart from
 * registry.ts so a site's content script bundles only its own adapter (ADAPTERS.md: the budget).
 */
import { genericAdapter } from './generic';
import { LayoutNotRecognised, type Adapter, type AdapterRead } from './types';

/** The adapter for this page: the first site adapter that recognises it, else the generic one. */
export function pickAdapter(doc: Document, url: URL, siteAdapters: readonly Adapter[]): Adapter {
  return siteAdapters.find((a) => a !== genericAdapter && a.detect(doc, url)) ?? genericAdapter;
}

/**
 * Reads the page with its adapter. When a site adapter no longer recognises the layout, the generic
 * adapter reads instead, and the result's note tells the user what failed and what to do.
 */
export function readPage(doc: Document, url: URL, now: Date, siteAdapters: readonly Adapter[]): AdapterRead {
  const adapter = pickAdapter(doc, url, siteAdapters);
  try {
    return adapter.read(doc, url, now);
  } catch (error) {
    if (!(error instanceof LayoutNotRecognised) || adapter === genericAdapter) throw error;
    const fallback = genericAdapter.read(doc, url, now);
    const advice = fallback.result.holdings.length
      ? 'read with the generic table reader instead'
      : 'use the positions file your brokerage lets you download instead';
    return { ...fallback, result: { ...fallback.result, note: `${error.message} — ${advice}.`.slice(0, 300) } };
  }
}
