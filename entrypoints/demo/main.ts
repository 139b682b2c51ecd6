import { browser } from '#imports';
import { startPageReader } from '@/lib/page/reader';

// The demo page runs the very runtime the content script runs on brokerage sites.
startPageReader({ doc: document, url: location.href, runtime: browser.runtime });
