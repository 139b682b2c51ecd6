import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import snapshotJson from './snapshot.json';
import { ReferenceSnapshotSchema } from '../schema/reference';
import { bundledReference, matchSymbol } from './index';
import { FUND_MAP } from './funds';
import { isCusip, isOptionSymbol, normaliseTicker } from './tickers';

const snapshot = ReferenceSnapshotSchema.parse(snapshotJson);
const ref = bundledReference();

describe('bundled reference snapshot (canonical)', () => {
  it('parses with its schema and records source and as-of date', () => {
    expect(snapshot.asOf).toBe('2026-06-19');
    expect(snapshot.sources.map((s) => `${s.index}:${s.fund}`)).toEqual(['sp500:IVV', 'sp400:IJH', 'sp600:IJR']);
    expect(ref.sourceLabel).toBe('iShares IVV, IJH, IJR holdings as of 2026-06-19');
  });

  it('lists every ticker once', () => {
    const tickers = snapshot.constituents.map((c) => c.ticker);
    expect(new Set(tickers).size).toBe(tickers.length);
  });

  it('has weights that sum to 1 per index and agree with the published weights', () => {
    for (const source of snapshot.sources) {
      const rows = snapshot.constituents.filter((c) => c.index === source.index);
      expect(rows.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 6);
      const published = rows.reduce((s, c) => s + c.publishedWeightPct, 0);
      expect(published).toBeCloseTo(source.publishedWeightSumPct, 6);
      // Our weight rescaled to the published total lands within the publisher's rounding: ±0.005 pp per row,
      // plus the rounding carried by the published total itself (a sum of ~500 rounded figures).
      for (const c of rows) expect(Math.abs(c.weight * source.publishedWeightSumPct - c.publishedWeightPct)).toBeLessThan(0.015);
    }
    expect(snapshot.sources.find((s) => s.index === 'sp500')!.publishedWeightSumPct).toBeCloseTo(99.74, 6);
  });

  it('covers the three indexes at their real size', () => {
    expect(ref.issuersByIndex.sp500.length).toBeGreaterThanOrEqual(495);
    expect(ref.issuersByIndex.sp500.length).toBeLessThanOrEqual(505);
    expect(ref.issuersByIndex.sp400.length).toBeGreaterThanOrEqual(395);
    expect(ref.issuersByIndex.sp600.length).toBeGreaterThanOrEqual(590);
    expect(new Set(ref.issuersByIndex.sp500.map((i) => i.sector)).size).toBe(11);
  });

  it('groups share classes by issuer', () => {
    const issuerOf = (t: string) => ref.byTicker.get(t)?.issuer;
    expect(issuerOf('GOOGL')).toBe(issuerOf('GOOG'));
    expect(issuerOf('FOXA')).toBe(issuerOf('FOX'));
    expect(issuerOf('NWSA')).toBe(issuerOf('NWS'));
    expect(ref.issuers.get(issuerOf('GOOGL')!)!.tickers.sort()).toEqual(['GOOG', 'GOOGL']);
    expect(ref.byTicker.get('BRK.B')?.name).toBe('Berkshire Hathaway');
  });

  it('puts the top ten issuers near 39 % of the S&P 500, Alphabet counted once', () => {
    expect(ref.topTen).toHaveLength(10);
    const share = ref.topTen.reduce((s, i) => s + i.weight, 0);
    expect(share).toBeGreaterThan(0.38);
    expect(share).toBeLessThan(0.40);
    expect(ref.topTen.map((i) => i.tickers[0])).toContain('NVDA');
    expect(ref.topTen.filter((i) => i.tickers.includes('GOOG'))).toHaveLength(1);
  });

  const shared = resolve(__dirname, '../../../shared/reference');
  it.skipIf(!existsSync(shared))('is reproduced exactly by the generator from ../shared/reference', async () => {
    const { generate, SNAPSHOT_PATH } = await import('../../scripts/generate-reference');
    expect(generate()).toBe(readFileSync(SNAPSHOT_PATH, 'utf8'));
  });
});

describe('ticker normalisation', () => {
  it.each(['BRK.B', 'BRK-B', 'BRK/B', 'BRKB', 'BRK B', 'brk.b', ' BRK.B '])('reads %j as BRK.B', (shown) => {
    expect(normaliseTicker(shown)).toBe('BRK.B');
    expect(matchSymbol(ref, shown)?.kind).toBe('stock');
  });
  it('drops exchange suffixes and Fidelity cash markers', () => {
    expect(normaliseTicker('HOLX US')).toBe('HOLX');
    expect(normaliseTicker('SPAXX**')).toBe('SPAXX');
    expect(normaliseTicker('NWSA')).toBe('NWSA');
  });
  it('refuses what is not a ticker', () => {
    expect(normaliseTicker('912797LN5')).toBeNull();
    expect(normaliseTicker('Pending activity')).toBeNull();
    expect(isCusip('912797LN5')).toBe(true);
    expect(isCusip('GOOGL')).toBe(false);
    expect(isOptionSymbol(' -AAPL250117C150')).toBe(true);
    expect(isOptionSymbol('AAPL')).toBe(false);
  });
});

describe('fund map', () => {
  const expected: Record<string, string> = {
    VOO: 'sp500', IVV: 'sp500', SPY: 'sp500', SPLG: 'sp500', FXAIX: 'sp500', VFIAX: 'sp500', SWPPX: 'sp500',
    IJH: 'sp400', MDY: 'sp400', IVOO: 'sp400', SPMD: 'sp400',
    IJR: 'sp600', SLY: 'sp600', VIOO: 'sp600', SPSM: 'sp600',
    RSP: 'sp500-equal',
  };
  it.each(Object.entries(expected))('maps %s to %s', (ticker, tracks) => {
    expect(matchSymbol(ref, ticker)).toMatchObject({ kind: 'fund', fund: { tracks } });
  });
  it('lists each fund once and never shadows a stock', () => {
    const tickers = FUND_MAP.map((f) => f.ticker);
    expect(new Set(tickers).size).toBe(tickers.length);
    for (const t of tickers) expect(ref.byTicker.has(t)).toBe(false);
  });
});
