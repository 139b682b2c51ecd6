import { browser, defineContentScript } from '#imports';
import { vanguardAdapter } from '@/lib/adapters/vanguard';
import { startPageReader } from '@/lib/page/reader';

// Vanguard's content script: the shared page runtime with Vanguard's adapter (ADAPTERS.md).
export default defineContentScript({
  matches: [...vanguardAdapter.matches],
  runAt: 'document_idle',
  main() {
    const reader = startPageReader({ doc: document, url: location.href, runtime: browser.runtime, siteAdapters: [vanguardAdapter], autoRead: false });
    return reader.read(false);
  },
});
