/**
 * Fund overlap made visible: each top-10 issuer's share of the portfolio split into direct holdings
 * and each fund that holds it for you. Pure, from the audit alone: a fund tracking the S&P 500 holds
 * an issuer at its index weight (`benchmark`); an equal-weight fund holds each of its N issuers at
 * 1/N, which the audit records as `topTenLookThrough` = 10/N; a fund seen through its own imported
 * holdings carries its top-10 weights (`topTenByIssuer`); S&P 400/600 funds hold no top-10 issuer.
 * The per-fund parts of an issuer add up to its `viaFunds`.
 */
import type { AuditSnapshot } from '../schema/audit';

export interface IssuerOverlap {
  issuer: string;
  tickers: string[];
  /** Fractions of the portfolio. */
  direct: number;
  viaFund: Record<string, number>;
  total: number;
  benchmark: number;
}

export interface TopTenOverlap {
  /** Funds that hold any top-10 issuer for you, largest contribution first. */
  funds: string[];
  issuers: IssuerOverlap[];
}

export function topTenOverlap(audit: AuditSnapshot): TopTenOverlap {
  const issuers = audit.exposure.topTen.issuers;
  const fundShares = new Map<string, { share: number; tracks: string; equalWeight: number; byIssuer: Record<string, number> }>();
  for (const h of audit.holdings) {
    if (h.category !== 'fund' || !h.fundTracks || h.share <= 0) continue;
    const name = h.symbol ?? h.description;
    const f = fundShares.get(name) ?? { share: 0, tracks: h.fundTracks, equalWeight: (h.topTenLookThrough ?? 0) / Math.max(1, issuers.length), byIssuer: h.topTenByIssuer ?? {} };
    f.share += h.share;
    fundShares.set(name, f);
  }
  const rows: IssuerOverlap[] = issuers.map((i) => {
    const viaFund: Record<string, number> = {};
    for (const [name, f] of fundShares) {
      const weight = f.tracks === 'sp500' ? i.benchmark : f.tracks === 'sp500-equal' ? f.equalWeight : f.tracks === 'holdings' ? (f.byIssuer[i.issuer] ?? 0) : 0;
      if (weight > 0) viaFund[name] = f.share * weight;
    }
    return { issuer: i.issuer, tickers: i.tickers, direct: i.direct, viaFund, total: i.share, benchmark: i.benchmark };
  });
  const byFund = new Map<string, number>();
  for (const r of rows) for (const [name, s] of Object.entries(r.viaFund)) byFund.set(name, (byFund.get(name) ?? 0) + s);
  const funds = [...byFund.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  return { funds, issuers: rows };
}
