/**
 * The context the audit lacks: how the whole S&P 1000 (the S&P 400 mid-caps and 600 small-caps
 * together) compares in size with the single largest company. Measured by public float (SEC
 * dei:EntityPublicFloat, each company's own 10-K figure), issuers counted once across share classes.
 */
import type { Reference } from '../reference';

export interface SizeContext {
  /** The public-float period, e.g. `CY2025Q2I` (mid-2025). */
  period: string;
  sp1000Float: number;
  /** Issuers of the S&P 400/600 found in the SEC data, of all of them. */
  covered: number;
  total: number;
  largest: { name: string; float: number };
  sentence: string;
}

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const tn = (x: number) => `$${ONE_DECIMAL.format(x / 1e12)} tn`;

export function sizeContext(reference: Reference, cikByTicker: Readonly<Record<string, number>>, floatByCik: Readonly<Record<string, number>>, period: string): SizeContext | null {
  const floatOf = (tickers: readonly string[]) => {
    const cik = tickers.map((t) => cikByTicker[t]).find((c) => c !== undefined);
    return cik === undefined ? undefined : floatByCik[String(cik)];
  };
  const small = [...reference.issuersByIndex.sp400, ...reference.issuersByIndex.sp600];
  let sp1000Float = 0;
  let covered = 0;
  for (const issuer of small) {
    const f = floatOf(issuer.tickers);
    if (f !== undefined && f > 0) {
      sp1000Float += f;
      covered += 1;
    }
  }
  let largest: { name: string; float: number } | null = null;
  for (const issuer of reference.issuersByIndex.sp500) {
    const f = floatOf(issuer.tickers);
    if (f !== undefined && (!largest || f > largest.float)) largest = { name: issuer.name, float: f };
  }
  // Too little found to say anything true about the whole.
  if (!largest || covered < small.length * 0.8) return null;
  const ratio = sp1000Float / largest.float;
  const year = period.slice(2, 6);
  const sentence = `All ${covered} S&P 400 and 600 companies Breadth found together: ${tn(sp1000Float)} in public float, ${ratio < 1 ? 'only ' : ''}${ONE_DECIMAL.format(ratio)}× the float of ${largest.name} alone (${tn(largest.float)}; mid-${year}, SEC).`;
  return { period, sp1000Float, covered, total: small.length, largest, sentence };
}
