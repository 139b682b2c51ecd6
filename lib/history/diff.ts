/**
 * What changed between two kept audits: the headline figures and the positions
 * ("top-10 exposure 47 % → 38 %; added IJH, trimmed NVDA"). Pure; the report and popup show it.
 */
import { TIER_IDS, type AuditSnapshot, type TierId } from '../schema/audit';

export interface FigureChange {
  from: number | null;
  to: number | null;
}

export interface PositionChange {
  /** Symbol, or the description for lines without one. */
  name: string;
  fromValue: number;
  toValue: number;
}

export interface SnapshotDiff {
  from: string;
  to: string;
  topTenShare: FigureChange;
  activeShare: FigureChange;
  totalValue: FigureChange;
  tiers: Record<TierId, FigureChange>;
  /** Held in `to`, not in `from`. */
  added: PositionChange[];
  /** Held in `from`, gone in `to`. */
  removed: PositionChange[];
  /** Fewer shares (or, without quantities, a smaller share of the portfolio by more than 0.5 pp). */
  trimmed: PositionChange[];
  /** More shares (or a larger share by more than 0.5 pp). */
  increased: PositionChange[];
  /** One line for people. */
  summary: string;
}

interface Position {
  quantity: number | null;
  value: number;
  share: number;
}

/** Holdings merged across accounts by what they are (cash lines all count as "Cash"). */
function positions(audit: AuditSnapshot): Map<string, Position> {
  const byName = new Map<string, Position>();
  for (const h of audit.holdings) {
    const name = h.category === 'cash' ? 'Cash' : (h.symbol ?? h.description).toUpperCase();
    const p = byName.get(name) ?? { quantity: 0, value: 0, share: 0 };
    p.quantity = p.quantity === null || h.quantity == null ? null : p.quantity + h.quantity;
    p.value += h.marketValue;
    p.share += h.share;
    byName.set(name, p);
  }
  return byName;
}

const SHARE_NOISE = 0.005;
const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)} %`);

export function diffSnapshots(from: AuditSnapshot, to: AuditSnapshot): SnapshotDiff {
  const a = positions(from);
  const b = positions(to);
  const added: PositionChange[] = [];
  const removed: PositionChange[] = [];
  const trimmed: PositionChange[] = [];
  const increased: PositionChange[] = [];
  for (const [name, p] of b) {
    const before = a.get(name);
    if (!before) {
      added.push({ name, fromValue: 0, toValue: p.value });
      continue;
    }
    if (name === 'Cash') continue;
    const change = { name, fromValue: before.value, toValue: p.value };
    // Quantities tell a sale from a price move; without them, only a clear change of weight counts.
    const delta = before.quantity !== null && p.quantity !== null ? p.quantity - before.quantity : null;
    if (delta !== null ? delta < -1e-9 : p.share < before.share - SHARE_NOISE) trimmed.push(change);
    else if (delta !== null ? delta > 1e-9 : p.share > before.share + SHARE_NOISE) increased.push(change);
  }
  for (const [name, p] of a) if (!b.has(name)) removed.push({ name, fromValue: p.value, toValue: 0 });
  const byValue = (x: PositionChange, y: PositionChange) => Math.abs(y.toValue - y.fromValue) - Math.abs(x.toValue - x.fromValue);
  for (const list of [added, removed, trimmed, increased]) list.sort(byValue);

  const tiers = Object.fromEntries(
    TIER_IDS.map((id) => [id, { from: from.exposure.tiers[id], to: to.exposure.tiers[id] }]),
  ) as Record<TierId, FigureChange>;
  const topTenShare = { from: from.exposure.topTen.share, to: to.exposure.topTen.share };
  const activeShare = { from: from.exposure.activeShare, to: to.exposure.activeShare };

  const names = (list: PositionChange[]) => list.slice(0, 4).map((p) => p.name).join(', ') + (list.length > 4 ? ` and ${list.length - 4} more` : '');
  const parts = [`top-10 exposure ${pct(topTenShare.from)} → ${pct(topTenShare.to)}`];
  if (activeShare.from !== activeShare.to) parts.push(`active share ${pct(activeShare.from)} → ${pct(activeShare.to)}`);
  if (added.length) parts.push(`added ${names(added)}`);
  if (increased.length) parts.push(`added to ${names(increased)}`);
  if (trimmed.length) parts.push(`trimmed ${names(trimmed)}`);
  if (removed.length) parts.push(`sold ${names(removed)}`);
  return {
    from: from.generatedAt,
    to: to.generatedAt,
    topTenShare,
    activeShare,
    totalValue: { from: from.portfolio.totalValue, to: to.portfolio.totalValue },
    tiers,
    added,
    removed,
    trimmed,
    increased,
    summary: parts.join('; '),
  };
}
