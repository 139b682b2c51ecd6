import { browser, defineContentScript } from '#imports';
import { robinhoodAdapter } from '@/lib/adapters/robinhood';
import { startPageReader } from '@/lib/page/reader';

// Robinhood's content script: the shared page runtime with Robinhood's adapter (ADAPTERS.md).
export default defineContentScript({
  matches: [...robinhoodAdapter.matches],
  runAt: 'document_idle',
  main() {
    const reader = startPageReader({ doc: document, url: location.href, runtime: browser.runtime, siteAdapters: [robinhoodAdapter], autoRead: false });
    return reader.read(false);
  },
});
