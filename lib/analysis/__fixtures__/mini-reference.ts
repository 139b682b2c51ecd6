/**
 * A tiny, hand-checkable reference for engine tests (weights chosen so sums are exact-ish).
 * S&P 500: ALPHA (AAA 0.15 + AAB 0.10), BETA 0.15, GAMMA 0.10, D1–D7 0.05 each, E1 0.08, E2 0.07.
 * Top 10 by weight: ALPHA, BETA, GAMMA, E1, E2, D1–D5 → 0.90. S&P 400: MDA 0.6, MDB 0.4. S&P 600: SMA 1.0.
 */
import { buildReference } from '../../reference';
import type { Constituent, ReferenceSnapshot } from '../../schema/reference';
import type { RawHolding } from '../../schema/holdings';
import type { StoredAccount } from '../../schema/portfolio';

const c = (ticker: string, issuer: string, weight: number, sector: Constituent['sector'], index: Constituent['index'] = 'sp500'): Constituent => ({
  ticker, issuer, name: issuer[0] + issuer.slice(1).toLowerCase(), sector, index, weight, publishedWeightPct: weight * 100,
});

export const MINI_SNAPSHOT: ReferenceSnapshot = {
  schema: 'breadth.reference/v1',
  asOf: '2026-06-19',
  sources: [{ index: 'sp500', fund: 'IVV', publisher: 'iShares (BlackRock)', file: 'mini.csv', asOf: '2026-06-19', layout: 'ishares-classic', publishedWeightSumPct: 100 }],
  constituents: [
    c('AAA', 'ALPHA', 0.15, 'Information Technology'),
    c('AAB', 'ALPHA', 0.1, 'Information Technology'),
    c('BTA', 'BETA', 0.15, 'Information Technology'),
    c('GMA', 'GAMMA', 0.1, 'Financials'),
    ...[1, 2, 3, 4, 5, 6, 7].map((n) => c(`D${String.fromCharCode(64 + n)}`, `D${n}`, 0.05, 'Health Care')),
    c('EAA', 'E1', 0.08, 'Financials'),
    c('EBB', 'E2', 0.07, 'Energy'),
    c('MDA', 'MID1', 0.6, 'Industrials', 'sp400'),
    c('MDB', 'MID2', 0.4, 'Financials', 'sp400'),
    c('SMA', 'SMALL1', 1, 'Materials', 'sp600'),
  ],
};

export const MINI = buildReference(MINI_SNAPSHOT);

export function account(holdings: RawHolding[], key = 'test:Account ••1234', skipped: StoredAccount['skipped'] = []): StoredAccount {
  return {
    key,
    label: key.split(':')[1] ?? key,
    source: { kind: 'file', readerId: 'test', label: 'Test file' },
    readAt: '2026-11-24T12:00:00.000Z',
    holdings,
    skipped,
    complete: true,
  };
}

export const h = (symbol: string, marketValue: number | null, extra: Partial<RawHolding> = {}): RawHolding => ({ symbol, marketValue, ...extra });
