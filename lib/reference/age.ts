/** How old the reference data is, and when to warn (every figure depends on it). */
export const REFERENCE_STALE_AFTER_DAYS = 90;

export function referenceAgeDays(asOf: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000));
}

export function isReferenceStale(asOf: string, now: Date): boolean {
  return referenceAgeDays(asOf, now) > REFERENCE_STALE_AFTER_DAYS;
}
