/**
 * Every page adapter: site adapters first, the generic one last. An explicit, frozen list: adding an
 * adapter means adding it here and giving it a content-script entrypoint (a meta-test checks both).
 */
import { genericAdapter } from './generic';
import { fidelityAdapter } from './fidelity';
import { robinhoodAdapter } from './robinhood';
import { schwabAdapter } from './schwab';
import { vanguardAdapter } from './vanguard';
import { merrillAdapter } from './merrill';
import { ibkrAdapter } from './ibkr';
import { etradeAdapter } from './etrade';
import { pickAdapter as pick, readPage as read } from './read-page';
import type { Adapter, AdapterRead } from './types';

export const SITE_ADAPTERS: readonly Adapter[] = Object.freeze([
  fidelityAdapter,
  schwabAdapter,
  vanguardAdapter,
  etradeAdapter,
  robinhoodAdapter,
  ibkrAdapter,
  merrillAdapter,
]);
export const ADAPTERS: readonly Adapter[] = Object.freeze([...SITE_ADAPTERS, genericAdapter]);

/** pickAdapter over every registered adapter (tests, tools); content scripts pass their own list. */
export function pickAdapter(doc: Document, url: URL): Adapter {
  return pick(doc, url, SITE_ADAPTERS);
}

export function readPage(doc: Document, url: URL, now: Date): AdapterRead {
  return read(doc, url, now, SITE_ADAPTERS);
}
