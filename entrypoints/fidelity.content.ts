import { browser, defineContentScript } from '#imports';
import { fidelityAdapter } from '@/lib/adapters/fidelity';
import { startPageReader } from '@/lib/page/reader';

// Fidelity's content script: the shared page runtime with Fidelity's adapter (one script per site
// adapter keeps each under the 40 KB budget; see ADAPTERS.md).
export default defineContentScript({
  matches: [...fidelityAdapter.matches],
  runAt: 'document_idle',
  main() {
    const reader = startPageReader({ doc: document, url: location.href, runtime: browser.runtime, siteAdapters: [fidelityAdapter], autoRead: false });
    return reader.read(false);
  },
});
