/**
 * The mega-cap earnings-revision watch: is consensus EPS for the top-10 issuers' next fiscal year
 * being cut, weighted by how much of *this* portfolio rides on each? Pure: dated readings in (a
 * source's own 30/90-days-ago figures, or Breadth's history of readings), the summary out. The
 * definitions are the README glossary's "Revision watch".
 */
import type { AuditSnapshot } from '../schema/audit';
import type { EstimateReading } from '../providers/estimates/types';
import { percentText } from '../format/percent';

export interface IssuerRevision {
  issuer: string;
  ticker: string | null;
  /** This portfolio's exposure to the issuer (direct + through funds), a fraction of the total. */
  exposure: number;
  eps: number | null;
  /** Relative change of consensus over 30 / 90 days: −0.021 = down 2.1 %. */
  change30: number | null;
  change90: number | null;
  up30: number | null;
  down30: number | null;
  readAt: string | null;
  source: string | null;
}

export interface RevisionWatch {
  issuers: IssuerRevision[];
  /** Exposure-weighted mean of the changes, over issuers with data; null without any. */
  weighted30: number | null;
  weighted90: number | null;
  /** Issuers whose 90-day consensus fell, of those with a 90-day figure. */
  cut: number;
  known: number;
  sentence: string;
  rule: { id: 'mega-cap-revisions'; level: 'ok' | 'caution'; value: number | null; threshold: number; message: string };
}

const pct = (x: number) => percentText(Math.abs(x));
const DAY = 86_400_000;

/** Change from the consensus `days` ago: the source's own figure first, else Breadth's reading nearest to then (±10 days). */
function changeOver(days: 30 | 90, latest: EstimateReading, history: readonly EstimateReading[]): number | null {
  const given = days === 30 ? latest.eps30DaysAgo : latest.eps90DaysAgo;
  let then = given;
  if (then === null) {
    const target = Date.parse(latest.readAt) - days * DAY;
    const near = history
      .filter((r) => r.fiscalYearEnd === latest.fiscalYearEnd && Math.abs(Date.parse(r.readAt) - target) <= 10 * DAY)
      .sort((a, b) => Math.abs(Date.parse(a.readAt) - target) - Math.abs(Date.parse(b.readAt) - target))[0];
    then = near?.eps ?? null;
  }
  return then === null || then === 0 ? null : (latest.eps - then) / Math.abs(then);
}

export function revisionWatch(audit: AuditSnapshot, readings: readonly EstimateReading[], threshold = -0.02): RevisionWatch {
  const byTicker = new Map<string, EstimateReading[]>();
  for (const r of readings) byTicker.set(r.ticker, [...(byTicker.get(r.ticker) ?? []), r]);
  for (const list of byTicker.values()) list.sort((a, b) => a.readAt.localeCompare(b.readAt));

  const issuers: IssuerRevision[] = audit.exposure.topTen.issuers.map((i) => {
    const ticker = i.tickers.find((t) => byTicker.has(t)) ?? null;
    const history = ticker ? byTicker.get(ticker)! : [];
    const latest = history[history.length - 1];
    if (!latest) return { issuer: i.issuer, ticker, exposure: i.share, eps: null, change30: null, change90: null, up30: null, down30: null, readAt: null, source: null };
    return {
      issuer: i.issuer,
      ticker,
      exposure: i.share,
      eps: latest.eps,
      change30: changeOver(30, latest, history),
      change90: changeOver(90, latest, history),
      up30: latest.upLast30Days,
      down30: latest.downLast30Days,
      readAt: latest.readAt,
      source: latest.source,
    };
  });

  const weighted = (key: 'change30' | 'change90') => {
    const known = issuers.filter((i) => i[key] !== null && i.exposure > 0);
    const w = known.reduce((s, i) => s + i.exposure, 0);
    return w > 0 ? known.reduce((s, i) => s + i.exposure * i[key]!, 0) / w : null;
  };
  const weighted30 = weighted('change30');
  const weighted90 = weighted('change90');
  const with90 = issuers.filter((i) => i.change90 !== null);
  const cut = with90.filter((i) => i.change90! < 0).length;

  const sentence =
    weighted90 === null
      ? 'No estimates for the mega-caps yet: add an estimates source (Options → Online data) or import a CSV of estimates.'
      : `The mega-caps you hold through funds and directly: consensus ${weighted90 < 0 ? 'down' : 'up'} ${pct(weighted90)} in 90 days; ${cut} of ${with90.length} cut.`;
  const level = weighted90 !== null && weighted90 < threshold ? 'caution' : 'ok';
  const message =
    weighted90 === null
      ? 'Without estimates Breadth cannot tell whether analysts are cutting the giants’ earnings, the turn that would move money out of them.'
      : level === 'caution'
        ? `Consensus earnings of the mega-caps you hold fell ${pct(weighted90)} in 90 days (weighted by your exposure), past your ${pct(threshold)} line: when estimates turn against the giants, the money crowded into them tends to move.`
        : `Consensus earnings of the mega-caps you hold moved ${weighted90 < 0 ? '−' : '+'}${pct(weighted90)} in 90 days (weighted by your exposure): no broad cutting.`;
  return { issuers, weighted30, weighted90, cut, known: with90.length, sentence, rule: { id: 'mega-cap-revisions', level, value: weighted90, threshold, message } };
}
