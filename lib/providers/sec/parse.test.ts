import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../types';
import {
  cikPath,
  financialSeries,
  officerChanges,
  parseCompanyFacts,
  parseCompanyTickers,
  parseFrame,
  parseSubmissions,
  quarterlySeries,
  trailingTwelveMonths,
  type Quarterly,
} from './parse';
import type { Fact } from './schemas';

/** The ProviderError a call throws (fails the test when it throws something else or nothing). */
function thrown(fn: () => unknown): ProviderError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProviderError);
    return e as ProviderError;
  }
  throw new Error('expected a ProviderError');
}

describe('parseCompanyTickers', () => {
  const text = JSON.stringify({
    '0': { cik_str: 789019, ticker: 'MSFT', title: 'MICROSOFT CORP' },
    '1': { cik_str: 1067983, ticker: 'BRK-B', title: 'BERKSHIRE HATHAWAY INC' },
    '2': { cik_str: 1067983, ticker: 'BRK-A', title: 'BERKSHIRE HATHAWAY INC' },
    '3': { cik_str: 1000001, ticker: 'ABCD', title: 'Example Corp', exchange: 'extra keys are fine' },
  });

  it('maps dotted tickers to CIK and title', () => {
    const map = parseCompanyTickers(text);
    expect(map.get('MSFT')).toEqual({ cik: 789019, title: 'MICROSOFT CORP' });
    expect(map.get('BRK.B')).toEqual({ cik: 1067983, title: 'BERKSHIRE HATHAWAY INC' });
    expect(map.get('BRK.A')?.cik).toBe(1067983);
    expect(map.has('BRK-B')).toBe(false);
    expect(map.get('ABCD')?.title).toBe('Example Corp');
    expect(map.size).toBe(4);
  });

  it('accepts an empty list', () => {
    expect(parseCompanyTickers('{}').size).toBe(0);
  });

  it('names the bad path on a schema mismatch', () => {
    const error = thrown(() => parseCompanyTickers(JSON.stringify({ '0': { cik_str: '789019', ticker: 'MSFT', title: 'M' } })));
    expect(error.kind).toBe('format');
    expect(error.provider).toBe('SEC EDGAR');
    expect(error.message).toContain('["0"].cik_str (expected number)');
  });
});

describe('cikPath', () => {
  it('zero-pads to ten digits', () => {
    expect(cikPath(1318605)).toBe('CIK0001318605');
    expect(cikPath(320193)).toBe('CIK0000320193');
  });
  it('refuses what is not a CIK', () => {
    expect(() => cikPath(-1)).toThrow(RangeError);
    expect(() => cikPath(1.5)).toThrow(RangeError);
  });
});

/** A submissions document in EDGAR's column layout, built from rows. */
function submissions(rows: [accession: string, filed: string, form: string, items: string, doc: string][]): string {
  return JSON.stringify({
    cik: '1234567',
    entityType: 'operating',
    name: 'Example Corp',
    tickers: ['EXMP'],
    exchanges: ['Nasdaq'],
    filings: {
      recent: {
        accessionNumber: rows.map((r) => r[0]),
        filingDate: rows.map((r) => r[1]),
        reportDate: rows.map((r) => (r[2] === '10-Q' ? '2024-03-31' : '')),
        acceptanceDateTime: rows.map((r) => `${r[1]}T16:05:00.000Z`),
        form: rows.map((r) => r[2]),
        items: rows.map((r) => r[3]),
        primaryDocument: rows.map((r) => r[4]),
      },
      files: [],
    },
  });
}

describe('parseSubmissions and officerChanges', () => {
  const text = submissions([
    ['0001234567-24-000031', '2024-06-03', '8-K/A', '5.02', 'exmp-8ka.htm'],
    ['0000950170-24-055555', '2024-05-10', '8-K', '5.02,9.01', 'exmp-20240508.htm'],
    ['0000950170-24-050000', '2024-05-02', '10-Q', '', 'exmp-20240331.htm'],
    ['0000950170-24-049999', '2024-05-01', '8-K', '2.02', 'exmp-earnings.htm'],
    ['0000950170-22-000100', '2022-01-05', '8-K', '5.02', 'exmp-old.htm'],
  ]);

  it('zips the columns into filings with archive URLs', () => {
    const parsed = parseSubmissions(text);
    expect(parsed.cik).toBe(1234567);
    expect(parsed.name).toBe('Example Corp');
    expect(parsed.filings).toHaveLength(5);
    expect(parsed.filings[1]).toEqual({
      accession: '0000950170-24-055555',
      filed: '2024-05-10',
      form: '8-K',
      items: ['5.02', '9.01'],
      primaryDocument: 'exmp-20240508.htm',
      url: 'https://www.sec.gov/Archives/edgar/data/1234567/000095017024055555/exmp-20240508.htm',
    });
    expect(parsed.filings[2]!.items).toEqual([]);
  });

  it('finds the Item 5.02 8-Ks since a date, newest first', () => {
    const found = officerChanges(parseSubmissions(text).filings, new Date('2023-01-01T00:00:00Z'));
    expect(found.map((f) => f.accession)).toEqual(['0001234567-24-000031', '0000950170-24-055555']);
    expect(found[1]!.url).toBe('https://www.sec.gov/Archives/edgar/data/1234567/000095017024055555/exmp-20240508.htm');
  });

  it('counts a filing made on the `since` day', () => {
    const found = officerChanges(parseSubmissions(text).filings, new Date('2024-05-10T00:00:00Z'));
    expect(found.map((f) => f.filed)).toEqual(['2024-06-03', '2024-05-10']);
  });

  it('reads an empty history as no filings', () => {
    const parsed = parseSubmissions(submissions([]));
    expect(parsed.filings).toEqual([]);
    expect(officerChanges(parsed.filings, new Date(0))).toEqual([]);
  });

  it('refuses columns of different lengths', () => {
    const doc = JSON.parse(text);
    doc.filings.recent.items.pop();
    const error = thrown(() => parseSubmissions(JSON.stringify(doc)));
    expect(error.kind).toBe('format');
    expect(error.message).toContain('filings.recent.items');
  });

  it('names the first bad path on a schema mismatch', () => {
    const doc = JSON.parse(text);
    doc.filings.recent.form[1] = 8;
    const error = thrown(() => parseSubmissions(JSON.stringify(doc)));
    expect(error.kind).toBe('format');
    expect(error.message).toContain('filings.recent.form[1]');
    expect(error.message).not.toContain('\n');
  });
});

describe('responses that are not data', () => {
  const page = '<!DOCTYPE html>\n<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head><body>…</body></html>';

  it('says an HTML page is a web page', () => {
    for (const parse of [parseCompanyTickers, parseSubmissions, parseCompanyFacts, parseFrame]) {
      const error = thrown(() => parse(page));
      expect(error.kind).toBe('format');
      expect(error.message).toMatch(/^SEC EDGAR answered with a web page, not data \(.*Request Rate Threshold Exceeded.*\)$/);
    }
  });

  it('says truncated JSON is not valid JSON', () => {
    const cut = submissions([['0000950170-24-055555', '2024-05-10', '8-K', '5.02', 'a.htm']]).slice(0, 120);
    const error = thrown(() => parseSubmissions(cut));
    expect(error.kind).toBe('format');
    expect(error.message).toContain('not valid JSON');
    expect(error.message).not.toContain('\n');
    expect(thrown(() => parseCompanyFacts('')).kind).toBe('format');
  });
});

// ----- company facts ---------------------------------------------------------------------------

let accnSeq = 0;
/** A fact as companyfacts lists it; `filed` defaults to ~40 days after the period. */
function fact(start: string | undefined, end: string, val: number, form = '10-Q', filed?: string): Fact {
  const filedOn = filed ?? new Date(Date.parse(end) + 40 * 86_400_000).toISOString().slice(0, 10);
  return {
    ...(start ? { start } : {}),
    end,
    val,
    accn: `0001234567-${filedOn.slice(2, 4)}-${String(++accnSeq).padStart(6, '0')}`,
    fy: Number(end.slice(0, 4)),
    fp: form === '10-K' ? 'FY' : 'Q1',
    form,
    filed: filedOn,
  };
}

/** Calendar-year quarters for `year` with the given values; Q4 is left out when `q4` is undefined. */
function year(y: number, q1: number, q2: number, q3: number, q4: number | undefined, annual?: number): Fact[] {
  const out = [
    fact(`${y}-01-01`, `${y}-03-31`, q1),
    fact(`${y}-04-01`, `${y}-06-30`, q2),
    fact(`${y}-07-01`, `${y}-09-30`, q3),
  ];
  if (q4 !== undefined) out.push(fact(`${y}-10-01`, `${y}-12-31`, q4));
  if (annual !== undefined) out.push(fact(`${y}-01-01`, `${y}-12-31`, annual, '10-K', `${y + 1}-02-20`));
  return out;
}

function companyFacts(gaap: Record<string, Fact[]>, dei: Record<string, Fact[]> = {}, unit = 'USD'): string {
  const taxonomy = (concepts: Record<string, Fact[]>, u: string) =>
    Object.fromEntries(Object.entries(concepts).map(([name, facts]) => [name, { label: name, description: null, units: { [u]: facts } }]));
  return JSON.stringify({
    cik: 1234567,
    entityName: 'Example Corp',
    facts: { dei: taxonomy(dei, 'shares'), 'us-gaap': taxonomy(gaap, unit), srt: { Ignored: {} } },
  });
}

describe('financialSeries: which revenue concept', () => {
  it('reads RevenueFromContractWithCustomerExcludingAssessedTax when there is no Revenues', () => {
    const facts = parseCompanyFacts(
      companyFacts({ RevenueFromContractWithCustomerExcludingAssessedTax: year(2024, 100, 110, 120, 130) }),
    );
    const series = financialSeries(facts);
    expect(series.revenueConcept).toBe('RevenueFromContractWithCustomerExcludingAssessedTax');
    expect(series.revenue.map((q) => q.val)).toEqual([100, 110, 120, 130]);
  });

  it('prefers the concept with recent data over Revenues that stopped years ago', () => {
    const facts = parseCompanyFacts(
      companyFacts({
        Revenues: year(2016, 50, 50, 50, 50),
        RevenueFromContractWithCustomerExcludingAssessedTax: year(2024, 100, 110, 120, 130),
      }),
    );
    const series = financialSeries(facts);
    expect(series.revenueConcept).toBe('RevenueFromContractWithCustomerExcludingAssessedTax');
    expect(series.revenue[0]!.start).toBe('2024-01-01');
  });

  it('keeps Revenues when it is as recent as the others (list order breaks ties)', () => {
    const facts = parseCompanyFacts(
      companyFacts({
        Revenues: year(2024, 1, 2, 3, 4),
        RevenueFromContractWithCustomerExcludingAssessedTax: year(2024, 100, 110, 120, 130),
      }),
    );
    expect(financialSeries(facts).revenueConcept).toBe('Revenues');
  });

  it('is empty, not an error, for a company without these concepts', () => {
    const series = financialSeries(parseCompanyFacts(JSON.stringify({ cik: 1, entityName: 'Shell Co', facts: {} })));
    expect(series).toEqual({ revenue: [], grossProfit: [], operatingCashFlow: [], sharesOutstanding: [], revenueConcept: null });
    expect(trailingTwelveMonths(series.revenue)).toBeNull();
  });

  it('ignores other units', () => {
    const facts = parseCompanyFacts(companyFacts({ Revenues: year(2024, 1, 2, 3, 4) }, {}, 'EUR'));
    expect(financialSeries(facts).revenue).toEqual([]);
  });
});

describe('quarterlySeries', () => {
  it('keeps only ~3-month periods', () => {
    const q = quarterlySeries([
      fact('2024-01-01', '2024-03-31', 10),
      fact('2024-01-01', '2024-06-30', 30), // half year, year-to-date
      fact(undefined, '2024-06-30', 99), // an instant has no duration
    ]);
    expect(q.map((x) => [x.start, x.end, x.val])).toEqual([
      ['2024-01-01', '2024-03-31', 10],
      ['2024-04-01', '2024-06-30', 20], // derived: half year minus Q1
    ]);
  });

  it('keeps the latest filed of a quarter reported in several filings', () => {
    const q = quarterlySeries([
      fact('2023-01-01', '2023-03-31', 100, '10-Q', '2023-05-05'),
      fact('2023-01-01', '2023-03-31', 95, '10-Q', '2024-05-03'), // restated as next year's comparative
      fact('2023-01-01', '2023-03-31', 101, '10-Q/A', '2023-06-01'),
    ]);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ val: 95, filed: '2024-05-03' });
  });

  it('derives a missing Q4 from the 10-K annual figure', () => {
    const q = quarterlySeries(year(2023, 100, 110, 120, undefined, 470));
    expect(q).toHaveLength(4);
    expect(q[3]).toMatchObject({ start: '2023-10-01', end: '2023-12-31', val: 140, form: '10-K', filed: '2024-02-20', derived: true });
    expect(q[0]!.derived).toBeUndefined();
  });

  it('prefers a reported Q4 over a derived one', () => {
    const q = quarterlySeries(year(2023, 100, 110, 120, 145, 470));
    expect(q[3]).toMatchObject({ val: 145 });
    expect(q[3]!.derived).toBeUndefined();
  });

  it('cannot derive Q4 when a quarter before it is missing', () => {
    const facts = year(2023, 100, 110, 120, undefined, 470).filter((f) => f.end !== '2023-06-30');
    expect(quarterlySeries(facts).map((x) => x.end)).toEqual(['2023-03-31', '2023-09-30']);
  });

  it('derives quarters from year-to-date cash flows (Q1, 6 months, 9 months, year)', () => {
    const q = quarterlySeries([
      fact('2024-01-01', '2024-03-31', -5),
      fact('2024-01-01', '2024-06-30', 10),
      fact('2024-01-01', '2024-09-30', 40),
      fact('2024-01-01', '2024-12-31', 100, '10-K', '2025-02-20'),
    ]);
    expect(q.map((x) => x.val)).toEqual([-5, 15, 30, 60]);
    expect(q.map((x) => x.start)).toEqual(['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01']);
  });

  it('handles a 52/53-week fiscal year', () => {
    const q = quarterlySeries([
      fact('2023-10-01', '2023-12-30', 10), // 13 weeks
      fact('2023-12-31', '2024-03-30', 11),
      fact('2024-03-31', '2024-06-29', 12),
      fact('2023-10-01', '2024-09-28', 50, '10-K', '2024-11-15'), // 52 weeks
    ]);
    expect(q[3]).toMatchObject({ start: '2024-06-30', end: '2024-09-28', val: 17, derived: true });
  });
});

describe('trailingTwelveMonths', () => {
  const revenue = financialSeries(
    parseCompanyFacts(
      companyFacts({
        Revenues: [...year(2023, 100, 100, 100, undefined, 400), ...year(2024, 90, 90, 80, undefined, 340)],
      }),
    ),
  ).revenue;

  it('sums the latest four quarters and compares with the four before (derived Q4s included)', () => {
    const ttm = trailingTwelveMonths(revenue)!;
    expect(ttm.end).toBe('2024-12-31');
    expect(ttm.value).toBe(340);
    expect(ttm.quarters.map((q) => q.end)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    expect(ttm.quarters[3]).toMatchObject({ val: 80, derived: true });
    expect(ttm.prior).toMatchObject({ end: '2023-12-31', value: 400 });
    expect(ttm.yoyChange).toBeCloseTo(-0.15);
  });

  it('stops at asOfEnd', () => {
    const ttm = trailingTwelveMonths(revenue, '2024-09-30')!;
    expect(ttm.end).toBe('2024-09-30');
    expect(ttm.value).toBe(100 + 90 + 90 + 80);
    expect(ttm.prior).toBeNull(); // 2022 Q4 is not known
    expect(ttm.yoyChange).toBeNull();
    expect(trailingTwelveMonths(revenue, '2023-09-30')).toBeNull(); // only three quarters by then
  });

  it('is null when the latest four quarters are not consecutive', () => {
    const gap: Quarterly[] = revenue.filter((q) => q.end !== '2024-06-30');
    expect(trailingTwelveMonths(gap)).toBeNull();
  });
});

describe('financialSeries: other series', () => {
  it('reads gross profit, operating cash flow (with fallback) and shares', () => {
    const facts = parseCompanyFacts(
      companyFacts(
        {
          GrossProfit: year(2024, 40, 41, 42, 43),
          NetCashProvidedByUsedInOperatingActivitiesContinuingOperations: [
            fact('2024-01-01', '2024-03-31', 7),
            fact('2024-01-01', '2024-06-30', 15),
          ],
        },
        {
          EntityCommonStockSharesOutstanding: [
            { ...fact(undefined, '2024-04-25', 1000), accn: '0001234567-24-000001', filed: '2024-05-02' },
            // A second share class on the same cover page.
            { ...fact(undefined, '2024-04-25', 200), accn: '0001234567-24-000001', filed: '2024-05-02' },
            fact(undefined, '2024-07-26', 1300, '10-Q', '2024-08-01'),
          ],
        },
      ),
    );
    const series = financialSeries(facts);
    expect(series.grossProfit.map((q) => q.val)).toEqual([40, 41, 42, 43]);
    expect(series.operatingCashFlow.map((q) => q.val)).toEqual([7, 8]);
    expect(series.sharesOutstanding).toEqual([
      { end: '2024-04-25', val: 1200 },
      { end: '2024-07-26', val: 1300 },
    ]);
  });

  it('falls back to us-gaap CommonStockSharesOutstanding', () => {
    const text = JSON.stringify({
      cik: 1234567,
      entityName: 'Example Corp',
      facts: {
        'us-gaap': {
          CommonStockSharesOutstanding: {
            label: 'Common Stock, Shares, Outstanding',
            units: { shares: [fact(undefined, '2023-12-31', 500, '10-K', '2024-02-20'), fact(undefined, '2023-12-31', 500, '10-Q', '2024-05-03')] },
          },
        },
      },
    });
    expect(financialSeries(parseCompanyFacts(text)).sharesOutstanding).toEqual([{ end: '2023-12-31', val: 500 }]);
  });

  it('names the bad path in company facts', () => {
    const doc = JSON.parse(companyFacts({ Revenues: year(2024, 1, 2, 3, 4) }));
    doc.facts['us-gaap'].Revenues.units.USD[2].val = '3';
    const error = thrown(() => parseCompanyFacts(JSON.stringify(doc)));
    expect(error.kind).toBe('format');
    expect(error.message).toContain('facts["us-gaap"].Revenues.units.USD[2].val');
  });
});

describe('parseFrame', () => {
  it('reads a frame', () => {
    const frame = parseFrame(
      JSON.stringify({
        taxonomy: 'us-gaap',
        tag: 'Revenues',
        ccp: 'CY2023Q4',
        uom: 'USD',
        label: 'Revenues',
        description: 'Amount of revenue recognized.',
        pts: 2,
        data: [
          { accn: '0001234567-24-000010', cik: 1234567, entityName: 'Example Corp', loc: 'US-CA', start: '2023-10-01', end: '2023-12-31', val: 130 },
          { accn: '0007654321-24-000020', cik: 7654321, entityName: 'Other Inc', loc: 'US-NY', start: '2023-10-01', end: '2023-12-31', val: 55 },
        ],
      }),
    );
    expect(frame.ccp).toBe('CY2023Q4');
    expect(frame.data.map((d) => [d.cik, d.val])).toEqual([
      [1234567, 130],
      [7654321, 55],
    ]);
  });

  it('names the bad path', () => {
    const row = { accn: '0001234567-24-000010', cik: 1234567, entityName: 'Example Corp', end: '2023', val: 1 };
    const error = thrown(() => parseFrame(JSON.stringify({ taxonomy: 'us-gaap', tag: 'X', ccp: 'CY2023', uom: 'USD', pts: 1, data: [row] })));
    expect(error.message).toContain('data[0].end');
  });
});

// ----- the real (truncated) samples in ../shared, when present ------------------------------------

const SHARED = resolve(__dirname, '../../../../shared/reference/sec');
const TICKERS = resolve(SHARED, 'company_tickers_TRUNCATED_first300.json');
const TSLA = resolve(SHARED, 'submissions_CIK0001318605_TSLA_TRUNCATED.json');

describe('the real EDGAR samples in ../shared', () => {
  it.skipIf(!existsSync(TICKERS))('parses the first 300 rows of company_tickers.json', () => {
    const map = parseCompanyTickers(readFileSync(TICKERS, 'utf8'));
    expect(map.size).toBeGreaterThan(250);
    expect(map.get('BRK.B')?.cik).toBe(1067983);
    expect(map.get('MSFT')?.cik).toBe(789019);
    expect([...map.keys()].some((t) => t.includes('-'))).toBe(false);
  });

  it.skipIf(!existsSync(TSLA))("finds Tesla's Item 5.02 8-Ks", () => {
    const parsed = parseSubmissions(readFileSync(TSLA, 'utf8'));
    expect(parsed.cik).toBe(1318605);
    expect(parsed.name).toBe('Tesla, Inc.');
    const found = officerChanges(parsed.filings, new Date('2020-01-01T00:00:00Z'));
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(found.every((f) => f.form.startsWith('8-K') && f.items.includes('5.02') && f.filed >= '2020-01-01')).toBe(true);
    expect(found.map((f) => f.filed)).toEqual([...found.map((f) => f.filed)].sort().reverse());
    const sept2022 = found.find((f) => f.accession === '0001564590-22-032575');
    expect(sept2022?.url).toBe('https://www.sec.gov/Archives/edgar/data/1318605/000156459022032575/tsla-8k_20220925.htm');
  });
});
