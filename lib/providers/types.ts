/**
 * The seam between Breadth and the public data sources it may use once the user opts in
 * (lib/providers/<source>/). Parsers are pure (text in, zod-validated data out); requests go through
 * an injected `HttpGet`, so the same code runs in the worker and in tests on recorded responses.
 */

/** What a provider sees of an HTTP answer. */
export interface HttpResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}

/** One GET. The worker passes a wrapper around `fetch` (no cookies); tests pass recorded answers. */
export type HttpGet = (url: string, init: { signal: AbortSignal; headers?: Record<string, string> }) => Promise<HttpResponse>;

export type ProviderErrorKind = 'http' | 'format' | 'timeout' | 'network' | 'permission' | 'not-found';

/** A provider failure, said in one line for the user ("SEC EDGAR: HTTP 503 after 4 tries"). */
export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    readonly kind: ProviderErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/** A response that is an HTML page (an error or login page) where data was expected. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/i.test(text.replace(/^\uFEFF/, ''));
}
