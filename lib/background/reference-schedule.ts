/**
 * The opt-in weekly fetch of the iShares index files, as the worker runs it: scheduled with an
 * alarm only while the setting is on *and* the optional www.ishares.com permission is granted.
 * The browser APIs come in as parameters, so this stays testable and the entrypoint thin.
 */
import * as z from 'zod/mini';
import { loadReferenceStates, saveReferenceState } from '../db';
import { bundledReference } from '../reference';
import { bundledState } from '../reference/refresh';
import { fetchISharesIndexes, ISHARES_ORIGIN, type FetchLike } from '../reference/ishares-fetch';
import { IsoDateTime } from '../schema/common';

export const REFERENCE_ALARM = 'breadth:reference-refresh';
const WEEK_MINUTES = 7 * 24 * 60;

/** What the last fetch did, for the options page. */
export const ReferenceFetchStatusSchema = z.object({
  at: IsoDateTime,
  results: z.array(z.object({ fund: z.string(), ok: z.boolean(), text: z.string() })),
});
export type ReferenceFetchStatus = z.infer<typeof ReferenceFetchStatusSchema>;

export interface ScheduleDeps {
  enabled: () => Promise<boolean>;
  hasPermission: (origin: string) => Promise<boolean>;
  alarms: { create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): unknown; clear(name: string): Promise<unknown> };
  fetch: FetchLike;
  getStatus: () => Promise<ReferenceFetchStatus | null>;
  setStatus: (status: ReferenceFetchStatus) => Promise<void>;
  /** After a refresh: re-audit with the new data. */
  onRefreshed: () => Promise<void>;
  now?: () => Date;
  /** Pauses between requests (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
}

/** Brings the alarm in line with the setting and the permission; fetches now when a week has passed. */
export async function syncReferenceSchedule(deps: ScheduleDeps): Promise<'scheduled' | 'off'> {
  if (!(await deps.enabled()) || !(await deps.hasPermission(ISHARES_ORIGIN))) {
    await deps.alarms.clear(REFERENCE_ALARM);
    return 'off';
  }
  const last = await deps.getStatus();
  const now = (deps.now ?? (() => new Date()))();
  const dueInMinutes = last ? Math.max(0, WEEK_MINUTES - (now.getTime() - Date.parse(last.at)) / 60_000) : 0;
  deps.alarms.create(REFERENCE_ALARM, { delayInMinutes: Math.max(0.1, dueInMinutes), periodInMinutes: WEEK_MINUTES });
  return 'scheduled';
}

/** The alarm fired: fetch, keep what is newer as a new version, re-audit, record the outcome. */
export async function runReferenceFetch(deps: ScheduleDeps): Promise<ReferenceFetchStatus | null> {
  // Checked again at run time: the user may have turned it off or revoked the permission since.
  if (!(await deps.enabled()) || !(await deps.hasPermission(ISHARES_ORIGIN))) return null;
  const now = deps.now ?? (() => new Date());
  const { active } = await loadReferenceStates();
  const { state, results } = await fetchISharesIndexes(active ?? bundledState(bundledReference().snapshot), { fetch: deps.fetch, now, sleep: deps.sleep });
  if (state) {
    await saveReferenceState(state);
    await deps.onRefreshed();
  }
  const status = { at: now().toISOString(), results };
  await deps.setStatus(status);
  return status;
}
