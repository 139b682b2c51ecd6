import { browser, defineContentScript } from '#imports';
import { ibkrAdapter } from '@/lib/adapters/ibkr';
import { startPageReader } from '@/lib/page/reader';

// Interactive Brokers portfolio: the shared page runtime with its adapter (ADAPTERS.md).
export default defineContentScript({
  matches: [...ibkrAdapter.matches],
  runAt: 'document_idle',
  main() {
    const reader = startPageReader({ doc: document, url: location.href, runtime: browser.runtime, siteAdapters: [ibkrAdapter], autoRead: false });
    return reader.read(false);
  },
});
