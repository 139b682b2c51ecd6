import { browser, defineContentScript } from '#imports';
import { BROKERAGE_MATCHES, SITE_PAGE_MATCHES } from '@/lib/adapters/hosts';
import { startPageReader } from '@/lib/page/reader';

// The generic table reader, on every supported brokerage (sites with their own adapter also get
// their own script, entrypoints/<id>.content.ts, which reads first: a page runs one reader). The
// popup's "Scan this page" injects this same file into any other site; injected into a page that
// already has a reader, it only asks that reader for a fresh read.
export default defineContentScript({
  matches: [...BROKERAGE_MATCHES],
  // Pages a site script reads: one reader per page.
  excludeMatches: Object.values(SITE_PAGE_MATCHES).flat(),
  runAt: 'document_idle',
  // The value returned here is what the popup's executeScript receives: the answer for this page.
  main() {
    const injectedByUser = !BROKERAGE_MATCHES.some((m) => location.href.startsWith(m.replace('*', '')));
    const reader = startPageReader({ doc: document, url: location.href, runtime: browser.runtime, manual: injectedByUser, autoRead: false });
    return reader.read(injectedByUser);
  },
});
