import { browser, defineContentScript } from '#imports';
import { BROKERAGE_MATCHES } from '@/lib/adapters/hosts';
import { startPageReader } from '@/lib/page/reader';

// One content script for every supported brokerage; the popup's "Scan this page" injects the same
// file into other sites (a second injection into a page only triggers a fresh read).
export default defineContentScript({
  matches: [...BROKERAGE_MATCHES],
  runAt: 'document_idle',
  // The value returned here is what the popup's executeScript receives: the answer for this page.
  main() {
    const injectedByUser = !BROKERAGE_MATCHES.some((m) => location.href.startsWith(m.replace('*', '')));
    const reader = startPageReader({ doc: document, url: location.href, runtime: browser.runtime, manual: injectedByUser, autoRead: false });
    return reader.read(injectedByUser);
  },
});
