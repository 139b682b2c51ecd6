import { beforeEach, describe, expect, it } from 'vitest';
import { createRequester } from '../http';
import { deleteAllData } from '../../db';
import { SEC_REQUESTER, secCompany, secTickerMap } from './client';
import type { HttpGet } from '../types';

/** SEC's answers in their real shapes (small), by URL. */
const quarter = (start: string, end: string, val: number, filed: string, form = '10-Q') => ({ start, end, val, accn: `0000000001-${filed.slice(2, 4)}-000001`, fy: 2026, fp: 'Q', form, filed });
const quarters = (values: number[]) => {
  const ends = ['2024-12-31', '2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30'];
  const starts = ['2024-10-01', '2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01'];
  return values.map((v, i) => quarter(starts[i]!, ends[i]!, v, ends[i]!.replace(/-\d\d$/, '-28')));
};
const ANSWERS: Record<string, string> = {
  'https://www.sec.gov/files/company_tickers.json': JSON.stringify({ '0': { cik_str: 1234567, ticker: 'ACME', title: 'ACME WIDGETS INC' }, '1': { cik_str: 1067983, ticker: 'BRK-B', title: 'BERKSHIRE HATHAWAY INC' } }),
  'https://data.sec.gov/submissions/CIK0001234567.json': JSON.stringify({
    cik: '1234567',
    name: 'Acme Widgets Inc',
    tickers: ['ACME'],
    filings: {
      recent: {
        accessionNumber: ['0001234567-26-000012', '0001234567-26-000009', '0001234567-23-000001'],
        filingDate: ['2026-08-05', '2026-04-02', '2023-01-10'],
        reportDate: ['2026-06-30', '2026-03-30', '2023-01-09'],
        form: ['10-Q', '8-K', '8-K'],
        items: ['', '5.02,9.01', '5.02'],
        primaryDocument: ['acme-20260630.htm', 'acme-8k.htm', 'old-8k.htm'],
      },
      files: [],
    },
  }),
  'https://data.sec.gov/api/xbrl/companyfacts/CIK0001234567.json': JSON.stringify({
    cik: 1234567,
    entityName: 'Acme Widgets Inc',
    facts: {
      'us-gaap': {
        RevenueFromContractWithCustomerExcludingAssessedTax: { label: 'Revenue', units: { USD: quarters([240, 245, 250, 260, 245, 275, 280, 270]) } },
        GrossProfit: { label: 'Gross profit', units: { USD: quarters([100, 102, 104, 110, 98, 110, 112, 108]) } },
        NetCashProvidedByUsedInOperatingActivities: { label: 'OCF', units: { USD: quarters([20, 21, 22, 23, 20, 22, 24, 26]) } },
      },
    },
  }),
};

function sec() {
  const calls: string[] = [];
  const get: HttpGet = async (url, init) => {
    calls.push(`${url} ${init.headers?.['User-Agent'] ? 'UA' : 'no UA'}`);
    const body = ANSWERS[url];
    return body ? { ok: true, status: 200, text: async () => body } : { ok: false, status: 404, text: async () => 'Not found' };
  };
  return { requester: createRequester({ ...SEC_REQUESTER, get, sleep: async () => {} }), calls };
}

beforeEach(async () => {
  await deleteAllData();
});

describe('SEC EDGAR client (recorded shapes, real Dexie cache)', () => {
  const now = () => new Date('2026-11-25T00:00:00Z');

  it('maps tickers to CIKs in Breadth’s form, once a week', async () => {
    const s = sec();
    expect((await secTickerMap(s.requester, { now })).value).toEqual({ ACME: 1234567, 'BRK.B': 1067983 });
    await secTickerMap(s.requester, { now });
    expect(s.calls).toEqual(['https://www.sec.gov/files/company_tickers.json UA']);
  });

  it('reduces a company to its officer changes and trailing figures', async () => {
    const s = sec();
    const { value } = await secCompany(1234567, s.requester, { now });
    expect(value.officerChanges).toEqual([{ filed: '2026-04-02', url: 'https://www.sec.gov/Archives/edgar/data/1234567/000123456726000009/acme-8k.htm' }]);
    // Last four quarters 245 + 275 + 280 + 270 = 1,070 against 240 + 245 + 250 + 260 = 995.
    expect(value.financials).toMatchObject({
      revenueConcept: 'RevenueFromContractWithCustomerExcludingAssessedTax',
      end: '2026-09-30',
      revenueTtm: 1_070,
      revenuePriorTtm: 995,
      grossProfitTtm: 428,
      grossProfitPriorTtm: 416,
      operatingCashFlowTtm: 92,
    });
    expect(value.financials!.quarters).toEqual([
      { end: '2026-09-30', revenue: 270, revenueYearBefore: 260 },
      { end: '2026-06-30', revenue: 280, revenueYearBefore: 250 },
      { end: '2026-03-31', revenue: 275, revenueYearBefore: 245 },
      { end: '2025-12-31', revenue: 245, revenueYearBefore: 240 },
    ]);
  });

  it('keeps officer changes of a company without XBRL facts', async () => {
    const s = sec();
    delete ANSWERS['https://data.sec.gov/api/xbrl/companyfacts/CIK0001234567.json'];
    const { value } = await secCompany(1234567, s.requester, { now });
    expect(value.financials).toBeNull();
    expect(value.officerChanges).toHaveLength(1);
  });
});
