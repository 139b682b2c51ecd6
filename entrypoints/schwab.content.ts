import { browser, defineContentScript } from '#imports';
import { schwabAdapter } from '@/lib/adapters/schwab';
import { startPageReader } from '@/lib/page/reader';

// Schwab's content script: the shared page runtime with Schwab's adapter (ADAPTERS.md).
export default defineContentScript({
  matches: [...schwabAdapter.matches],
  runAt: 'document_idle',
  main() {
    const reader = startPageReader({ doc: document, url: location.href, runtime: browser.runtime, siteAdapters: [schwabAdapter], autoRead: false });
    return reader.read(false);
  },
});
