import { describe, expect, it } from 'vitest';
import { ProviderError } from '../types';
import { ALPHA_VANTAGE, estimatesUrl, firstSentence, parseEarningsEstimates } from './alpha-vantage';
import { EstimateReadingSchema } from './types';
import { providerError } from '../../../test/helpers/provider-error';

// A row in Alpha Vantage's shape: every figure a string (or null), fields we do not read included.
const row = (date: string, horizon: string, eps: string | null, extra: Record<string, string | null> = {}) => ({
  date,
  horizon,
  eps_estimate_average: eps,
  eps_estimate_high: eps,
  eps_estimate_low: eps,
  eps_estimate_analyst_count: '10',
  eps_estimate_average_7_days_ago: eps,
  eps_estimate_average_30_days_ago: eps,
  eps_estimate_average_60_days_ago: eps,
  eps_estimate_average_90_days_ago: eps,
  eps_estimate_revision_up_trailing_7_days: null,
  eps_estimate_revision_down_trailing_7_days: null,
  eps_estimate_revision_up_trailing_30_days: null,
  eps_estimate_revision_down_trailing_30_days: null,
  revenue_estimate_average: '66120000000',
  revenue_estimate_high: '67000000000',
  revenue_estimate_low: '65100000000',
  revenue_estimate_analyst_count: '15',
  ...extra,
});

// Out of order on purpose: a past fiscal year, a quarter, the year after next, then next year.
const IBM = JSON.stringify({
  symbol: 'IBM',
  estimates: [
    row('2026-03-31', 'fiscal quarter', '1.62'),
    row('2025-12-31', 'fiscal year', '11.30'),
    row('2027-12-31', 'fiscal year', '12.05'),
    row('2026-12-31', 'fiscal year', '11.41', {
      eps_estimate_high: '11.90',
      eps_estimate_low: '10.95',
      eps_estimate_analyst_count: '18',
      eps_estimate_average_7_days_ago: '11.40',
      eps_estimate_average_30_days_ago: '11.38',
      eps_estimate_average_60_days_ago: '11.35',
      eps_estimate_average_90_days_ago: '11.20',
      eps_estimate_revision_up_trailing_7_days: '2',
      eps_estimate_revision_down_trailing_7_days: null,
      eps_estimate_revision_up_trailing_30_days: '5',
      eps_estimate_revision_down_trailing_30_days: '1',
    }),
  ],
});

const READ_AT = new Date('2026-03-15T14:00:00Z');

const RATE_LIMIT = JSON.stringify({
  Information:
    'Thank you for using Alpha Vantage! Our standard API rate limit is 25 requests per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.',
});
const BAD_KEY = JSON.stringify({
  Information:
    'the parameter apikey is invalid or missing. Please claim your free API key on (https://www.alphavantage.co/support/#api-key). It should take less than 20 seconds.',
});
const OLD_NOTE = JSON.stringify({
  Note: 'Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would like to target a higher API call frequency.',
});
const ERROR_MESSAGE = JSON.stringify({
  'Error Message': 'Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for EARNINGS_ESTIMATES.',
});
const HTML = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>`;


describe('Alpha Vantage EARNINGS_ESTIMATES', () => {
  it('builds the URL with the dotted share class, URL-encoded', () => {
    expect(estimatesUrl('ibm', 'demo')).toBe('https://www.alphavantage.co/query?function=EARNINGS_ESTIMATES&symbol=IBM&apikey=demo');
    expect(estimatesUrl('BRK-B', ' K&Y 1 ')).toBe('https://www.alphavantage.co/query?function=EARNINGS_ESTIMATES&symbol=BRK.B&apikey=K%26Y%201');
    expect(estimatesUrl('BRKB', 'k')).toContain('symbol=BRK.B&');
  });

  it('refuses a missing key and a symbol that is not ticker-shaped', () => {
    expect(providerError(() => estimatesUrl('IBM', '  ')).kind).toBe('permission');
    const e = providerError(() => estimatesUrl('IBM&function=X', 'k'));
    expect(e.kind).toBe('not-found');
    expect(e.provider).toBe(ALPHA_VANTAGE);
  });

  it('picks the nearer future fiscal year, not the past one, the quarter or the year after', () => {
    const r = parseEarningsEstimates(IBM, 'ibm', READ_AT);
    expect(r).toEqual({
      ticker: 'IBM',
      readAt: '2026-03-15T14:00:00.000Z',
      fiscalYearEnd: '2026-12-31',
      eps: 11.41,
      eps30DaysAgo: 11.38,
      eps90DaysAgo: 11.2,
      upLast30Days: 5,
      downLast30Days: 1,
      analysts: 18,
      source: 'Alpha Vantage EARNINGS_ESTIMATES',
    });
    expect(EstimateReadingSchema.safeParse(r).success).toBe(true);
  });

  it('counts a fiscal year ending on the reading day as not yet reported', () => {
    const r = parseEarningsEstimates(IBM, 'IBM', new Date('2026-12-31T23:00:00Z'));
    expect(r.fiscalYearEnd).toBe('2026-12-31');
    expect(parseEarningsEstimates(IBM, 'IBM', new Date('2027-01-01T00:00:00Z')).eps).toBe(12.05);
  });

  it('reads null, "None" and missing figures as null, and negative EPS as a number', () => {
    const text = JSON.stringify({
      symbol: 'RIVN',
      estimates: [
        // The nearest future year has no average: passed over for the next one that has.
        row('2026-12-31', 'fiscal year', 'None'),
        {
          date: '2027-12-31',
          horizon: 'fiscal year',
          eps_estimate_average: '-0.45',
          eps_estimate_analyst_count: 'None',
          eps_estimate_average_30_days_ago: 'None',
          eps_estimate_average_90_days_ago: null,
          eps_estimate_revision_up_trailing_30_days: '0',
          // eps_estimate_revision_down_trailing_30_days absent
        },
      ],
    });
    expect(parseEarningsEstimates(text, 'RIVN', READ_AT)).toEqual({
      ticker: 'RIVN',
      readAt: '2026-03-15T14:00:00.000Z',
      fiscalYearEnd: '2027-12-31',
      eps: -0.45,
      eps30DaysAgo: null,
      eps90DaysAgo: null,
      upLast30Days: 0,
      downLast30Days: null,
      analysts: null,
      source: 'Alpha Vantage EARNINGS_ESTIMATES',
    });
  });

  it('skips rows it cannot read instead of failing the answer', () => {
    const text = JSON.stringify({ symbol: 'IBM', estimates: [{ date: 'soon', horizon: 'fiscal year', eps_estimate_average: '9' }, 'x', row('2026-12-31', 'fiscal year', '11.41')] });
    expect(parseEarningsEstimates(text, 'IBM', READ_AT).eps).toBe(11.41);
  });

  it('matches a share-class answer to the dotted ticker', () => {
    const text = JSON.stringify({ symbol: 'BRK.B', estimates: [row('2026-12-31', 'fiscal year', '21.30')] });
    const r = parseEarningsEstimates(text, 'brk-b', READ_AT);
    expect(r.ticker).toBe('BRK.B');
    expect(r.eps).toBe(21.3);
  });

  it('says the rate-limit answer (HTTP 200) as HTTP trouble, by its useful first sentence', () => {
    const e = providerError(() => parseEarningsEstimates(RATE_LIMIT, 'IBM', READ_AT));
    expect(e.kind).toBe('http');
    expect(e.provider).toBe('Alpha Vantage');
    expect(e.message).toBe('Alpha Vantage: Our standard API rate limit is 25 requests per day.');
    expect(providerError(() => parseEarningsEstimates(BAD_KEY, 'IBM', READ_AT)).message).toBe('Alpha Vantage: the parameter apikey is invalid or missing.');
    const note = providerError(() => parseEarningsEstimates(OLD_NOTE, 'IBM', READ_AT));
    expect(note.kind).toBe('http');
    expect(note.message).toBe('Alpha Vantage: Our standard API call frequency is 5 calls per minute and 500 calls per day.');
  });

  it('keeps a notice to one line of at most 160 characters', () => {
    const long = `${'word '.repeat(60)}end.`;
    const s = firstSentence(long);
    expect(s.length).toBe(160);
    expect(s.endsWith('…')).toBe(true);
    expect(firstSentence('one\nline.  Two.')).toBe('one line.');
  });

  it('says an Error Message as not found', () => {
    const e = providerError(() => parseEarningsEstimates(ERROR_MESSAGE, 'ZZZZ', READ_AT));
    expect(e.kind).toBe('not-found');
    expect(e.message).toBe('Alpha Vantage: no estimates for ZZZZ (Invalid API call.)');
  });

  it('refuses an HTML page, truncated JSON and a non-object as format errors', () => {
    expect(providerError(() => parseEarningsEstimates(HTML, 'IBM', READ_AT)).kind).toBe('format');
    const cut = IBM.slice(0, 200);
    const e = providerError(() => parseEarningsEstimates(cut, 'IBM', READ_AT));
    expect(e.kind).toBe('format');
    expect(e.message).toMatch(/^Alpha Vantage: the answer for IBM is not JSON/);
    expect(providerError(() => parseEarningsEstimates('[]', 'IBM', READ_AT)).kind).toBe('format');
    expect(providerError(() => parseEarningsEstimates('', 'IBM', READ_AT)).kind).toBe('format');
    expect(providerError(() => parseEarningsEstimates(JSON.stringify({ symbol: 'MSFT', estimates: [] }), 'IBM', READ_AT)).kind).toBe('format');
  });

  it('says not-found without a usable next fiscal year', () => {
    const message = 'Alpha Vantage: no consensus EPS for the next fiscal year of IBM';
    for (const text of [
      '{}',
      JSON.stringify({ symbol: 'IBM', estimates: [] }),
      JSON.stringify({ symbol: 'IBM', estimates: [row('2025-12-31', 'fiscal year', '11.30'), row('2026-06-30', 'fiscal quarter', '2.70')] }),
      JSON.stringify({ symbol: 'IBM', estimates: [row('2026-12-31', 'fiscal year', null)] }),
    ]) {
      const e = providerError(() => parseEarningsEstimates(text, 'IBM', READ_AT));
      expect(e.kind).toBe('not-found');
      expect(e.message).toBe(message);
    }
  });
});
