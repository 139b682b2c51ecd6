/**
 * The words for figures Breadth cannot fully see. A top-10 share with unseen money behind it is a
 * lower bound, shown with what is missing and how to fix it — never as a fact. Shared by the popup,
 * the report and the CLI so the three say the same thing.
 */
import type { AuditSnapshot, AuditedHolding, SeenThrough } from '../schema/audit';
import { formatPercent } from './format';

type TopTen = AuditSnapshot['exposure']['topTen'];
type Unseen = TopTen['unseenHoldings'][number];

/** Unseen holdings named one by one; the rest are summed ("and 2 more, 1.5%"). */
export const MISSING_NAMED = 3;

export interface TopTenWords {
  bounded: boolean;
  /** "21.8%", or "at least 21.8%" when bounded. */
  lead: string;
  /** "26.5% if your unseen funds hold what the S&P 500 holds" (bounded only). */
  ifLikeIndex: string | null;
  /** "at most 33.8%, if all of it were in the top 10" (bounded only). */
  atMost: string | null;
  /** "Not seen: VFIFX 10.0% (target-date fund), ZZQX 2.0% (not in the directory)." (bounded only). */
  missing: string | null;
  /** How to see more: "Drop the fund's holdings file on the options page (Index data) to see through it." */
  fix: string | null;
}

/** What kind of money is unseen: funds only, unknown symbols only, or both. */
function unseenNoun(unseen: readonly Unseen[]): string {
  const funds = unseen.some((u) => u.category === 'unresolvedFund');
  const symbols = unseen.some((u) => u.category === 'unrecognised');
  return funds && !symbols ? 'your unseen funds hold' : !funds && symbols ? 'the symbols Breadth does not know hold' : 'the money Breadth cannot see holds';
}

function missingLine(topTen: TopTen): string {
  const all = [...topTen.unseenHoldings].sort((a, b) => b.share - a.share);
  const named = all.slice(0, MISSING_NAMED).map((u) => `${u.name} ${formatPercent(u.share)}${u.reason ? ` (${u.reason})` : ''}`);
  const rest = all.slice(MISSING_NAMED);
  if (rest.length) named.push(`${rest.length} more ${formatPercent(rest.reduce((s, u) => s + u.share, 0))}`);
  const list = named.length ? `: ${named.join(', ')}` : '';
  return `Not seen: ${formatPercent(topTen.unseen)} of your money${list}.`;
}

function fixLine(unseen: readonly Unseen[]): string {
  const funds = unseen.some((u) => u.category === 'unresolvedFund');
  const symbols = unseen.some((u) => u.category === 'unrecognised');
  if (funds && symbols) return 'Drop the fund’s holdings file on the options page (Index data) to see through it; check the symbols Breadth does not know.';
  if (symbols && !funds) return 'Check the symbols Breadth does not know; if one is a fund, drop the fund’s holdings file on the options page (Index data).';
  return 'Drop the fund’s holdings file on the options page (Index data) to see through it.';
}

export function topTenWords(topTen: TopTen): TopTenWords {
  if (!topTen.bounded) return { bounded: false, lead: formatPercent(topTen.share), ifLikeIndex: null, atMost: null, missing: null, fix: null };
  return {
    bounded: true,
    lead: `at least ${formatPercent(topTen.share)}`,
    ifLikeIndex: `${formatPercent(topTen.shareIfUnseenLikeIndex)} if ${unseenNoun(topTen.unseenHoldings)} what the S&P 500 holds`,
    atMost: `at most ${formatPercent(topTen.shareAtMost)}`,
    missing: missingLine(topTen),
    fix: fixLine(topTen.unseenHoldings),
  };
}

/**
 * The headline as one sentence (CLI, alt text): "at least 21.8%; 26.5% if your unseen funds hold
 * what the S&P 500 holds (at most 33.8%)", or just "21.8%".
 */
export function topTenHeadline(topTen: TopTen): string {
  const w = topTenWords(topTen);
  return w.bounded ? `${w.lead}; ${w.ifLikeIndex} (${w.atMost})` : w.lead;
}

/** "VTI's holdings (Vanguard, 2025-10-31): same index" — the seen-through line without its "seen through". */
export function seenThroughSource(st: SeenThrough): string {
  const text = st.text.trim().replace(/^seen through\s+/i, '') || `${st.source}’s holdings`;
  // Every fund's date is shown: said here if the engine's sentence left it out.
  return text.includes(st.asOf) ? text : `${text} (${st.publisher ? `${st.publisher}, ` : ''}${st.asOf})`;
}

/** "seen through VTI's holdings (Vanguard, 2025-10-31): same index" — always starting with "seen through". */
export function seenThroughLine(st: SeenThrough): string {
  return `seen through ${seenThroughSource(st)}`;
}

/** Why a holding sits where it is, for people: its seen-through line, or the engine's reason. */
export function holdingNote(h: AuditedHolding): string | null {
  if (h.seenThrough) return seenThroughLine(h.seenThrough);
  return h.reason ?? null;
}

export interface FundLine {
  /** Symbol, or the description when the line has none. */
  name: string;
  fundName: string | null;
  category: AuditedHolding['category'];
  /** Summed over accounts, fractions of the portfolio. */
  share: number;
  marketValue: number;
  topTenLookThrough: number | null;
  seenThrough: SeenThrough | null;
  reason: string | null;
}

const FUND_LIKE = new Set<AuditedHolding['category']>(['fund', 'international', 'unresolvedFund', 'unrecognised']);

/**
 * The funds (and unknown symbols) of an audit, one line per symbol across accounts, largest first:
 * how Breadth saw into each, or why it could not.
 */
export function fundLines(holdings: readonly AuditedHolding[]): FundLine[] {
  const lines = new Map<string, FundLine>();
  for (const h of holdings) {
    if (!FUND_LIKE.has(h.category)) continue;
    const name = h.symbol ?? h.description;
    const key = `${h.category}:${name}`;
    const line = lines.get(key);
    if (line) {
      line.share += h.share;
      line.marketValue += h.marketValue;
      continue;
    }
    lines.set(key, {
      name,
      fundName: h.fundName ?? null,
      category: h.category,
      share: h.share,
      marketValue: h.marketValue,
      topTenLookThrough: h.topTenLookThrough ?? null,
      seenThrough: h.seenThrough ?? null,
      reason: h.reason ?? null,
    });
  }
  return [...lines.values()].sort((a, b) => b.marketValue - a.marketValue || a.name.localeCompare(b.name));
}
