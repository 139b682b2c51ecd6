/**
 * Every page adapter, in the order they are tried: site adapters first, the generic one last.
 * An explicit, frozen list: adding an adapter means adding it here (a meta-test checks).
 */
import { genericAdapter } from './generic';
import type { Adapter } from './types';

export const SITE_ADAPTERS: readonly Adapter[] = Object.freeze([]);
export const ADAPTERS: readonly Adapter[] = Object.freeze([...SITE_ADAPTERS, genericAdapter]);

/** The adapter for this page: the first site adapter that recognises it, else the generic one. */
export function pickAdapter(doc: Document, url: URL): Adapter {
  return SITE_ADAPTERS.find((a) => a.detect(doc, url)) ?? genericAdapter;
}
