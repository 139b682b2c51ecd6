import { describe, expect, it } from 'vitest';
import { ProviderError } from '../types';
import { DailyPricesSchema, cboeSymbol, loadDailyPrices, parseDailyPrices, priceUrl } from './cboe';
import { providerError } from '../../../test/helpers/provider-error';

// Shapes as Cboe's chart files come (trimmed to a few rows): newest-last, values numbers or strings,
// fields we do not read (open, low, volume) present.
const SPY = `{"symbol":"SPY","data":[
  {"date":"2026-11-18","open":590.1,"high":593.25,"low":588.4,"close":592.8,"volume":61234500},
  {"date":"2026-11-19","open":"592.90","high":"596.10","low":"591.00","close":"595.55","volume":"55012300"},
  {"date":"2026-11-20","open":595.0,"high":597.4,"low":590.2,"close":591.3,"volume":70111200}
]}`;

/** What the CDN sends (with HTTP 403) for a symbol it does not carry. */
const ACCESS_DENIED = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>7Q2K</RequestId></Error>`;

const HTML_ERROR = `<!DOCTYPE html>
<html><head><title>Access denied | cdn.cboe.com</title></head><body><h1>Sorry, you have been blocked</h1></body></html>`;

/** The list is there but holds no day: the JSON counterpart of a header-only CSV. */
const EMPTY = `{"symbol":"SPY","data":[]}`;

const row = (date: string, close: number | string, high: number | string = close) => ({ date, open: close, high, low: close, close, volume: 1 });
const file = (rows: unknown[], symbol = 'SPY') => JSON.stringify({ symbol, data: rows });


describe('Cboe daily prices', () => {
  it('builds the file URL, writing share classes with a dot', () => {
    expect(priceUrl('spy')).toBe('https://cdn.cboe.com/api/global/delayed_quotes/charts/historical/SPY.json');
    expect(cboeSymbol('BRK.B')).toBe('BRK.B');
    expect(cboeSymbol('brk-b')).toBe('BRK.B');
    expect(cboeSymbol(' BF/B ')).toBe('BF.B');
    for (const t of ['', '^SPX', '../etc', 'TOOLONGX', 'AAPL.US.X']) {
      const e = providerError(() => priceUrl(t));
      expect(e.kind).toBe('not-found');
      expect(e.provider).toBe('Cboe');
    }
  });

  it('reads a recorded file: numbers or strings, close and high, sorted by date', () => {
    const prices = parseDailyPrices(SPY, 'SPY');
    expect(prices).toEqual([
      { date: '2026-11-18', close: 592.8, high: 593.25 },
      { date: '2026-11-19', close: 595.55, high: 596.1 },
      { date: '2026-11-20', close: 591.3, high: 597.4 },
    ]);
    expect(DailyPricesSchema.safeParse(prices).success).toBe(true);
  });

  it('sorts, keeps the later of two rows for a date, skips pre-listing zeros and repairs a bad high', () => {
    const text = file([row('2026-01-06', 12), row('2026-01-02', 0), row('2026-01-05', 11, 0), row('2026-01-06', 13), row('2026-01-05', 11, '10.5')]);
    expect(parseDailyPrices(text, 'SPY')).toEqual([
      { date: '2026-01-05', close: 11, high: 11 }, // high 10.5 < close: repaired up to the close
      { date: '2026-01-06', close: 13, high: 13 },
    ]);
  });

  it('says "not found" for the CDN\'s access-denied answer and for an empty list', () => {
    for (const text of [ACCESS_DENIED, EMPTY, file([row('2026-01-02', 0), row('2026-01-05', '0.00')])]) {
      const e = providerError(() => parseDailyPrices(text, 'SPY'));
      expect(e.kind).toBe('not-found');
      expect(e.message).toBe('Cboe: no price history for SPY');
    }
  });

  it('refuses an HTML page, empty text, non-JSON, a file without a price list, and another symbol', () => {
    const cases: [string, string][] = [
      [HTML_ERROR, 'Cboe: a web page came back instead of prices for SPY (blocked or an error page)'],
      ['  \n', 'Cboe: empty answer for SPY'],
      ['Date,Open,High,Low,Close,Volume\n', 'Cboe: the answer for SPY is not JSON'],
      ['{"symbol":"SPY"}', 'Cboe: the answer for SPY has no price list'],
      ['{"symbol":"SPY","data":{"date":"2026-01-02"}}', 'Cboe: the answer for SPY has no price list'],
      ['<?xml version="1.0"?><Other/>', 'Cboe: an XML answer came back instead of prices for SPY'],
      [file([row('2026-01-02', 10)], 'IVV'), 'Cboe: asked for SPY, the answer is for IVV'],
    ];
    for (const [text, message] of cases) {
      const e = providerError(() => parseDailyPrices(text, 'SPY'));
      expect(e.kind).toBe('format');
      expect(e.message).toBe(message);
    }
    // A share-class answer may spell the class its own way.
    expect(parseDailyPrices(file([row('2026-01-02', 10)], 'BRK/B'), 'BRK.B')).toHaveLength(1);
  });

  it('skips one unreadable row but refuses a file of garbage', () => {
    const good = [row('2026-01-02', 10), row('2026-01-05', 11), row('2026-01-06', 12), row('2026-01-07', 13)];
    expect(parseDailyPrices(file([...good, row('2026-02-30', 14)]), 'SPY')).toHaveLength(4); // no 30 February

    const garbage = file([...good, { date: '2026-01-08', close: 'n/a' }, row('yesterday', 14), row('2026-01-09', -1)]);
    const e = providerError(() => parseDailyPrices(garbage, 'SPY'));
    expect(e.kind).toBe('format');
    expect(e.message).toBe('Cboe: 3 of 7 rows for SPY are unreadable (first at row 5)');

    const allBad = providerError(() => parseDailyPrices(file(['x', null, { close: 'y' }]), 'SPY'));
    expect(allBad.message).toBe('Cboe: none of the 3 rows for SPY is readable');
  });

  it('loads through a requester and says a 403 means Cboe does not carry the symbol', async () => {
    const asked: string[] = [];
    const ok = { text: async (url: string) => (asked.push(url), SPY) };
    expect(await loadDailyPrices(ok, 'spy')).toHaveLength(3);
    expect(asked).toEqual(['https://cdn.cboe.com/api/global/delayed_quotes/charts/historical/SPY.json']);

    const denied = { text: async () => Promise.reject(new ProviderError('Cboe', 'http', 'Cboe: HTTP 403')) };
    await expect(loadDailyPrices(denied, 'ZZZZQ')).rejects.toMatchObject({ kind: 'not-found', message: 'Cboe: no price history for ZZZZQ' });

    const down = { text: async () => Promise.reject(new ProviderError('Cboe', 'http', 'Cboe: HTTP 503 after 4 tries')) };
    await expect(loadDailyPrices(down, 'SPY')).rejects.toMatchObject({ kind: 'http', message: 'Cboe: HTTP 503 after 4 tries' });
  });
});
