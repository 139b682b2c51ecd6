/** Which kept audits a retention setting lets go. Pure: the database applies the answer. */
export interface Kept {
  id: number;
  generatedAt: string;
}

/**
 * Snapshots older than `keepDays` before `now` are dropped, except the newest one: a user who has
 * not audited for longer than the retention period still keeps the last audit to compare with.
 */
export function snapshotsPastRetention(kept: readonly Kept[], keepDays: number, now: Date): number[] {
  if (kept.length === 0) return [];
  const newest = kept.reduce((a, b) => (b.generatedAt > a.generatedAt ? b : a));
  const cutoff = now.getTime() - keepDays * 86_400_000;
  return kept.filter((k) => k !== newest && Date.parse(k.generatedAt) < cutoff).map((k) => k.id);
}
