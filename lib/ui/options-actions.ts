/**
 * What the options page does with files and stored data, apart from its UI: positions files and
 * Breadth's own audit/history files in; reference holdings files in; history out.
 */
import { importPositionsFile } from '../import';
import { looksLikeBreadthJson, parseBreadthFile } from '../history/files';
import { importSnapshots, loadReferenceStates, saveEstimateReadings, saveReferenceState } from '../db';
import { looksLikeEstimatesCsv, parseEstimatesCsv } from '../providers/estimates/estimates-csv';
import { bundledReference } from '../reference';
import { applyReferenceFile, bundledState, readReferenceFile, ReferenceFileError } from '../reference/refresh';
import type { ScanResult } from '../schema/holdings';
import type { RuleSettings } from '../schema/settings';
import { PROVIDERS, type ProviderId } from '../providers/registry';

/**
 * One dropped file: a positions file is handed to the background (which stores it and re-audits);
 * an exported audit or history goes into the history. Resolves with the line to show the user;
 * throws with a one-line reason, having changed nothing.
 */
export async function importUserFile(file: { name: string; text: string }, sendScan: (scan: ScanResult) => Promise<{ accounts: number }>): Promise<string> {
  if (looksLikeBreadthJson(file.text)) {
    const parsed = parseBreadthFile(file.text, file.name);
    const audits = parsed.kind === 'audit' ? [parsed.audit] : parsed.snapshots;
    const { added, skipped } = await importSnapshots(audits);
    return `Added ${added} ${added === 1 ? 'audit' : 'audits'} to the history${skipped ? ` (${skipped} already there)` : ''}. Open the report to compare them.`;
  }
  if (looksLikeEstimatesCsv(file.text)) {
    // Analysts' consensus EPS the user keeps themselves: dated readings for the revision watch.
    const { readings, skipped } = parseEstimatesCsv(file.text, file.name);
    const added = await saveEstimateReadings(readings);
    const companies = new Set(readings.map((r) => r.ticker)).size;
    const skip = skipped.length ? ` ${skipped.length} rows skipped (line ${skipped[0]!.line}: ${skipped[0]!.reason}${skipped.length > 1 ? ', …' : ''}).` : '';
    return `Kept ${added} new estimate readings for ${companies} ${companies === 1 ? 'company' : 'companies'}${readings.length > added ? ` (${readings.length - added} already kept)` : ''}.${skip} The popup's mega-cap estimates use them.`;
  }
  const scan = importPositionsFile(file.text, file.name); // throws ImportError with a one-line reason
  const { accounts } = await sendScan(scan);
  // Say what the worker actually stored, never what was sent: a read it refused stored nothing.
  if (accounts === 0) throw new Error(`nothing was stored: Breadth could not use what it read from this file (${scan.holdings.length} rows). Your stored data is unchanged.`);
  const skipped = scan.skipped.length ? ` ${scan.skipped.length} rows not understood (${scan.skipped[0]!.reason}${scan.skipped.length > 1 ? ', …' : ''}).` : '';
  return `Imported ${scan.holdings.length} rows in ${accounts} account${accounts === 1 ? '' : 's'} from ${scan.source.label}.${skipped} Open the Breadth popup for the audit.`;
}

/** The reference in use for the options page: the newest refresh, else the bundled data. */
export async function referenceInUse() {
  const { active, previous } = await loadReferenceStates();
  return { inUse: active ?? bundledState(bundledReference().snapshot), refreshed: !!active, canRollBack: !!previous };
}

/**
 * Holdings files applied one after another, each to the state the previous one left; each file is
 * stored as its own version (so "undo" takes back one file). A refused file changes nothing.
 */
export async function importReferenceFiles(files: readonly { name: string; bytes: Uint8Array }[], now: () => Date): Promise<{ name: string; ok: boolean; text: string }[]> {
  const results: { name: string; ok: boolean; text: string }[] = [];
  for (const file of files) {
    try {
      const { inUse } = await referenceInUse();
      const { state, change } = applyReferenceFile(inUse, readReferenceFile(file.name, file.bytes), now());
      await saveReferenceState(state);
      results.push({ name: file.name, ok: true, text: `${change.summary}.` });
    } catch (error) {
      const reason = error instanceof ReferenceFileError || error instanceof Error ? error.message : String(error);
      // The panel names the file already: "x.csv: not imported — this file is a web page…".
      const text = reason.replace(new RegExp(`^${escape(file.name)}: `), '').replace(new RegExp(`^${escape(file.name)} `), 'this file ');
      results.push({ name: file.name, ok: false, text: `not imported — ${text}` });
    }
  }
  return results;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The browser's permissions API, as far as turning a source on and off needs it. */
export interface PermissionsLike {
  request(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

/**
 * Turns one online data source on or off. On: asks the browser for exactly that source's hosts
 * (the first thing awaited, so the prompt opens from the user's click), and only if granted records
 * the switch. Off: records it, gives the hosts back and deletes what the source fetched.
 */
export async function toggleProvider(
  id: ProviderId,
  on: boolean,
  deps: { permissions: PermissionsLike; getSettings: () => Promise<RuleSettings>; saveSettings: (change: Partial<RuleSettings>) => Promise<unknown>; clear: (id: ProviderId) => Promise<void>; recompute: () => Promise<void> },
): Promise<string> {
  const provider = PROVIDERS.find((p) => p.id === id)!;
  if (on && !(await deps.permissions.request({ origins: [...provider.origins] }))) {
    return `Permission not granted: ${provider.label} stays off and nothing is requested.`;
  }
  const current = (await deps.getSettings()).onlineData;
  await deps.saveSettings({ onlineData: on ? [...new Set([...current, id])] : current.filter((x) => x !== id) });
  if (!on) {
    await deps.permissions.remove({ origins: [...provider.origins] });
    await deps.clear(id);
  }
  await deps.recompute();
  return on ? `On: ${provider.label} is used from the next audit.` : 'Off: nothing more is requested, and what it had fetched was deleted.';
}
