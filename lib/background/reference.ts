/**
 * The reference data the worker audits with: the user's refreshed version if there is one, else
 * the bundled snapshot. Cached by the stored version's id, so a refresh or a rollback is picked up
 * on the next read without rebuilding the indexes on every page read.
 */
import { activeReferenceId, loadReferenceStates } from '../db';
import { bundledReference, type Reference } from '../reference';
import { referenceFromState } from '../reference/refresh';

let cache: { id: number | null; reference: Reference } | undefined;

export async function activeReference(): Promise<Reference> {
  const id = await activeReferenceId();
  if (cache && cache.id === id) return cache.reference;
  const { active } = id === null ? { active: null } : await loadReferenceStates();
  const reference = active ? referenceFromState(active) : bundledReference();
  cache = { id: active?.id ?? null, reference };
  return reference;
}
