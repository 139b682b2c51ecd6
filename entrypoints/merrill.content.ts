import { browser, defineContentScript } from '#imports';
import { merrillAdapter } from '@/lib/adapters/merrill';
import { startPageReader } from '@/lib/page/reader';

// Merrill Edge holdings page: the shared page runtime with its adapter (ADAPTERS.md).
export default defineContentScript({
  matches: [...merrillAdapter.matches],
  runAt: 'document_idle',
  main() {
    const reader = startPageReader({ doc: document, url: location.href, runtime: browser.runtime, siteAdapters: [merrillAdapter], autoRead: false });
    return reader.read(false);
  },
});
