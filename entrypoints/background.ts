import { browser, defineBackground, storage } from '#imports';
import { acceptMessage, type MessageSenderLike } from '@/lib/messaging';
import { receiveRead, recomputeAudits, toolbarBadge, type ServiceDeps } from '@/lib/background/service';
import { loadHouseholdAudit } from '@/lib/db';
import { getRuleSettings } from '@/lib/settings';
import { activeReference } from '@/lib/background/reference';
import { computeOnlineSignals, loadOnlineSignals, type OnlineDeps } from '@/lib/background/online';
import { loadUniverseScreen, screenUniverse } from '@/lib/background/universe';
import { createSignalsRefresh, type ScreenProgress } from '@/lib/background/signals-refresh';
import { PROVIDERS } from '@/lib/providers/registry';
import { REFERENCE_ALARM, ReferenceFetchStatusSchema, runReferenceFetch, syncReferenceSchedule, type ScheduleDeps } from '@/lib/background/reference-schedule';
import type { AuditSnapshot } from '@/lib/schema/audit';

/** Bumped after every write so open popups and pages reload what they show. */
const dataVersion = storage.defineItem<number>('local:dataVersion', { fallback: 0 });

async function showToolbarBadge(household: AuditSnapshot | null) {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const badge = toolbarBadge(household);
  await action.setBadgeText({ text: badge.text });
  await action.setBadgeBackgroundColor({ color: badge.color });
  await action.setTitle({ title: badge.title });
}

/**
 * The running screen's progress, for the popup ("Screening 12 of 60…"), and whether an online
 * refresh is still owed. In storage, not memory: the worker can be stopped mid-screen.
 * Progress in the session area: it means nothing once the browser has restarted.
 */
const signalsProgress = storage.defineItem<ScreenProgress | null>('session:signalsProgress', { fallback: null });
const signalsPending = storage.defineItem<boolean>('local:signalsPending', { fallback: false });

const online: OnlineDeps = {
  // A provider counts as on only with both the user's switch and the browser's permission.
  enabled: async () => {
    const settings = await getRuleSettings();
    const granted = await Promise.all(PROVIDERS.map((p) => browser.permissions.contains({ origins: [...p.origins] })));
    return PROVIDERS.filter((p, i) => granted[i] && settings.onlineData.includes(p.id)).map((p) => p.id);
  },
  estimatesKey: async () => (await getRuleSettings()).estimatesApiKey,
  reference: activeReference,
  thresholds: async () => {
    const s = await getRuleSettings();
    return { minDrawdown: s.brokenGrowthMinDrawdown, maxGrossMarginDrop: s.brokenGrowthMaxMarginDrop, causeWithinMonths: s.brokenGrowthCauseMonths };
  },
  // The popup shows "Screening 12 of 60…" while a (first, uncached) screen runs.
  onProgress: (done, total) => signals.reportProgress(done, total),
  // No cookies: the providers learn ticker symbols and nothing else.
  get: (url, init) => fetch(url, { signal: init.signal, headers: init.headers, credentials: 'omit' }),
};

/** One online refresh at a time; a change while one runs asks for one more after it. */
const signals = createSignalsRefresh({
  progress: signalsProgress,
  pending: signalsPending,
  loadHousehold: loadHouseholdAudit,
  run: async (household) => {
    const computed = await computeOnlineSignals(household, online);
    if (computed) await dataVersion.setValue(Date.now());
    // The whole S&P 400/600, weekly, when both SEC and prices are on.
    if (!computed || !computed.providers.includes('sec') || !computed.providers.includes('prices')) return;
    const last = await loadUniverseScreen();
    if (last && Date.now() - Date.parse(last.generatedAt) < 7 * 86_400_000) return;
    await screenUniverse(await activeReference(), { get: online.get, onProgress: online.onProgress, thresholds: await online.thresholds?.() });
    await dataVersion.setValue(Date.now());
  },
});

const deps: ServiceDeps = {
  getSettings: getRuleSettings,
  getReference: activeReference,
  loadSignals: loadOnlineSignals,
  onChanged: async (household) => {
    await showToolbarBadge(household);
    await dataVersion.setValue(Date.now());
    signals.refresh(household);
  },
};

/** The last opt-in fetch of the index data, shown on the options page. */
const referenceFetchStatus = storage.defineItem<unknown>('local:referenceFetchStatus', { fallback: null });

const schedule: ScheduleDeps = {
  enabled: async () => (await getRuleSettings()).referenceAutoRefresh,
  hasPermission: (origin) => browser.permissions.contains({ origins: [origin] }),
  alarms: browser.alarms,
  // No cookies, no cache: the request carries nothing about the user.
  fetch: (url, init) => fetch(url, { signal: init.signal, credentials: 'omit', cache: 'no-store' }),
  getStatus: async () => {
    const parsed = ReferenceFetchStatusSchema.safeParse(await referenceFetchStatus.getValue());
    return parsed.success ? parsed.data : null;
  },
  setStatus: (status) => referenceFetchStatus.setValue(status),
  onRefreshed: async () => {
    await recomputeAudits(deps);
  },
};

export default defineBackground(() => {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFERENCE_ALARM) void runReferenceFetch(schedule);
  });
  void syncReferenceSchedule(schedule);
  const own = { id: browser.runtime.id, pagesOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSenderLike) => {
    const accepted = acceptMessage(message, sender, own);
    if (!accepted) return undefined; // not ours, or not from our own scripts and pages: no answer
    switch (accepted.type) {
      case 'cs-bg:page-read':
        return receiveRead(accepted.payload, deps).then(({ accountsStored: _, ...pageAudit }) => pageAudit);
      case 'ui-bg:file-imported':
        return receiveRead(accepted.payload, deps).then((answer) => ({ accounts: answer.accountsStored }));
      case 'ui-bg:recompute':
        return recomputeAudits(deps).then(() => ({ ok: true }));
      case 'ui-bg:reference-schedule':
        return syncReferenceSchedule(schedule).then(() => ({ ok: true }));
      case 'ui-bg:signals-status':
        return signals.dropStaleProgress().then(() => ({ running: signals.isRunning() }));
    }
  });
  // A restarted worker keeps nothing in memory: the badge comes back from IndexedDB, a screen the
  // stopped worker left half done stops showing, and a refresh it owed runs now.
  void loadHouseholdAudit().then(showToolbarBadge);
  void signals.resumeAfterRestart();
});
