import { describe, expect, it } from 'vitest';
import { goingConcernUrl, parseGoingConcern } from './going-concern';

describe('going-concern doubt from EDGAR full-text search', () => {
  it('asks for both phrases in one company’s 10-K and 10-Q filings over a date range', () => {
    expect(goingConcernUrl(17843, '2025-11-25', '2026-11-25')).toBe(
      'https://efts.sec.gov/LATEST/search-index?q=%22substantial%20doubt%22%20%22going%20concern%22&forms=10-K,10-Q&dateRange=custom&startdt=2025-11-25&enddt=2026-11-25&ciks=0000017843',
    );
  });

  it('lists the filings found, newest first, linked to the document', () => {
    const answer = {
      took: 12,
      hits: {
        total: { value: 2, relation: 'eq' },
        hits: [
          { _id: '0000017843-26-000012:crs-20260331.htm', _source: { ciks: ['0000017843'], adsh: '0000017843-26-000012', file_date: '2026-05-01', form: '10-Q', root_forms: ['10-Q'] } },
          { _id: '0000017843-26-000020:crs-20260630.htm', _source: { ciks: ['0000017843'], file_date: '2026-08-01', root_forms: ['10-Q'] } },
        ],
      },
    };
    expect(parseGoingConcern(JSON.stringify(answer), 17843)).toEqual([
      { filed: '2026-08-01', form: '10-Q', url: 'https://www.sec.gov/Archives/edgar/data/17843/000001784326000020/crs-20260630.htm' },
      { filed: '2026-05-01', form: '10-Q', url: 'https://www.sec.gov/Archives/edgar/data/17843/000001784326000012/crs-20260331.htm' },
    ]);
    expect(parseGoingConcern(JSON.stringify({ hits: { total: { value: 0 }, hits: [] } }), 17843)).toEqual([]);
  });

  it('refuses an HTML page, non-JSON and another shape in one line', () => {
    expect(() => parseGoingConcern('<!DOCTYPE html><html>', 1)).toThrow('SEC EDGAR full-text search answered with a web page, not data.');
    expect(() => parseGoingConcern('{"hits":', 1)).toThrow(/not JSON/);
    expect(() => parseGoingConcern('{"results":[]}', 1)).toThrow(/unexpected shape/);
  });
});
