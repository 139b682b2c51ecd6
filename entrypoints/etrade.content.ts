import { browser, defineContentScript } from '#imports';
import { etradeAdapter } from '@/lib/adapters/etrade';
import { startPageReader } from '@/lib/page/reader';

// E*TRADE portfolio page: the shared page runtime with its adapter (ADAPTERS.md).
export default defineContentScript({
  matches: [...etradeAdapter.matches],
  runAt: 'document_idle',
  main() {
    const reader = startPageReader({ doc: document, url: location.href, runtime: browser.runtime, siteAdapters: [etradeAdapter], autoRead: false });
    return reader.read(false);
  },
});
