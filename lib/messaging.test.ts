import { describe, expect, it } from 'vitest';
import { acceptMessage, type MessageSenderLike } from './messaging';
import type { ScanResult } from './schema/holdings';

const own = { id: 'breadth-id', pagesOrigin: 'chrome-extension://breadth-id/' };
const scan = (source: Partial<ScanResult['source']> = {}): ScanResult => ({
  source: { kind: 'page', readerId: 'generic', label: 'Generic table on broker.example', url: 'https://claimed.example/elsewhere', ...source },
  readAt: '2026-11-24T11:00:00.000Z',
  holdings: [{ symbol: 'NVDA', marketValue: 5_000, account: 'Brokerage X12345678' }],
  skipped: [],
  complete: true,
});
const contentScript: MessageSenderLike = { id: own.id, url: 'https://robinhood.com/account/investing?acct=123#top', tab: { url: 'https://robinhood.com/account/investing?acct=123' } };
const popup: MessageSenderLike = { id: own.id, url: 'chrome-extension://breadth-id/popup.html' };
const sourceUrl = (accepted: ReturnType<typeof acceptMessage>) => (accepted?.payload as ScanResult).source.url;

describe('acceptMessage: the background hears only its own scripts and pages', () => {
  it('ignores messages from another extension, or with no sender id', () => {
    const message = { type: 'cs-bg:page-read', payload: scan() };
    expect(acceptMessage(message, { ...contentScript, id: 'someone-else' }, own)).toBeNull();
    expect(acceptMessage(message, { url: contentScript.url }, own)).toBeNull();
    expect(acceptMessage({ type: 'ui-bg:recompute', payload: {} }, { ...popup, id: 'someone-else' }, own)).toBeNull();
  });

  it('ignores what is not one of its messages', () => {
    expect(acceptMessage({ type: 'other:thing', payload: {} }, popup, own)).toBeNull();
    expect(acceptMessage('hello', popup, own)).toBeNull();
  });

  it('takes a page read’s URL from the sender (origin + path), never from the message', () => {
    const accepted = acceptMessage({ type: 'cs-bg:page-read', payload: scan() }, contentScript, own);
    expect(accepted?.type).toBe('cs-bg:page-read');
    expect(sourceUrl(accepted)).toBe('https://robinhood.com/account/investing');
    // The rest of the read is passed on untouched.
    expect((accepted?.payload as ScanResult).holdings).toEqual(scan().holdings);
  });

  it('falls back to the tab’s URL, and drops a claimed URL when the browser names none', () => {
    const fromTab = acceptMessage({ type: 'cs-bg:page-read', payload: scan() }, { id: own.id, tab: { url: 'https://us.etrade.com/etx/pxy/portfolios?x=1' } }, own);
    expect(sourceUrl(fromTab)).toBe('https://us.etrade.com/etx/pxy/portfolios');
    const unnamed = acceptMessage({ type: 'cs-bg:page-read', payload: scan() }, { id: own.id }, own);
    expect(unnamed).not.toBeNull();
    expect(sourceUrl(unnamed)).toBeUndefined();
  });

  it('reads the demo page (one of our own pages) with its own URL', () => {
    const accepted = acceptMessage({ type: 'cs-bg:page-read', payload: scan({ url: undefined }) }, { id: own.id, url: 'chrome-extension://breadth-id/demo.html?x' }, own);
    expect(sourceUrl(accepted)).toBe('chrome-extension://breadth-id/demo.html');
  });

  it('gives an imported file no page URL, whatever the message says', () => {
    const accepted = acceptMessage({ type: 'ui-bg:file-imported', payload: scan({ kind: 'file', fileName: 'positions.csv' }) }, { id: own.id, url: 'chrome-extension://breadth-id/options.html' }, own);
    expect(accepted?.type).toBe('ui-bg:file-imported');
    expect(sourceUrl(accepted)).toBeUndefined();
    expect((accepted?.payload as ScanResult).source.fileName).toBe('positions.csv');
  });

  it('takes `ui-bg:` messages only from its own pages, not from content scripts inside web pages', () => {
    expect(acceptMessage({ type: 'ui-bg:recompute', payload: {} }, popup, own)).toEqual({ type: 'ui-bg:recompute', payload: {} });
    expect(acceptMessage({ type: 'ui-bg:recompute', payload: {} }, contentScript, own)).toBeNull();
    expect(acceptMessage({ type: 'ui-bg:file-imported', payload: scan() }, contentScript, own)).toBeNull();
    expect(acceptMessage({ type: 'ui-bg:reference-schedule', payload: {} }, { id: own.id }, own)).toBeNull();
  });

  it('passes on a read that does not parse, for the handler to refuse', () => {
    const accepted = acceptMessage({ type: 'cs-bg:page-read', payload: { nonsense: true } }, contentScript, own);
    expect(accepted).toEqual({ type: 'cs-bg:page-read', payload: { nonsense: true } });
  });
});
