/**
 * Every page adapter, in the order they are tried: site adapters first, the generic one last.
 * An explicit, frozen list: adding an adapter means adding it here (a meta-test checks).
 */
import { genericAdapter } from './generic';
import { fidelityAdapter } from './fidelity';
import { LayoutNotRecognised, type Adapter, type AdapterRead } from './types';

export const SITE_ADAPTERS: readonly Adapter[] = Object.freeze([fidelityAdapter]);
export const ADAPTERS: readonly Adapter[] = Object.freeze([...SITE_ADAPTERS, genericAdapter]);

/** The adapter for this page: the first site adapter that recognises it, else the generic one. */
export function pickAdapter(doc: Document, url: URL): Adapter {
  return SITE_ADAPTERS.find((a) => a.detect(doc, url)) ?? genericAdapter;
}

/**
 * Reads the page with its adapter. When a site adapter no longer recognises the layout, the generic
 * adapter reads instead, and the result's note tells the user what failed and what to do.
 */
export function readPage(doc: Document, url: URL, now: Date): AdapterRead {
  const adapter = pickAdapter(doc, url);
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
