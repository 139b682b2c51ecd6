import { browser, defineBackground, storage } from '#imports';
import { EnvelopeSchema } from '@/lib/messaging';
import { receiveRead, recomputeAudits, toolbarBadge, type ServiceDeps } from '@/lib/background/service';
import { loadHouseholdAudit } from '@/lib/db';
import { getRuleSettings } from '@/lib/settings';
import { activeReference } from '@/lib/background/reference';
import { computeOnlineSignals, loadOnlineSignals, type OnlineDeps } from '@/lib/background/online';
import { loadUniverseScreen, screenUniverse } from '@/lib/background/universe';
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

const signalsProgress = storage.defineItem<{ done: number; total: number } | null>('local:signalsProgress', { fallback: null });

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
  onProgress: (done, total) => void signalsProgress.setValue(done < total ? { done, total } : null),
  // No cookies: the providers learn ticker symbols and nothing else.
  get: (url, init) => fetch(url, { signal: init.signal, headers: init.headers, credentials: 'omit' }),
};

/** One online refresh at a time; a change while one runs asks for one more after it. */
let signalsRun: Promise<void> | null = null;
let signalsAgain: AuditSnapshot | null = null;
function refreshSignals(household: AuditSnapshot | null) {
  if (!household) return;
  if (signalsRun) {
    signalsAgain = household;
    return;
  }
  signalsRun = computeOnlineSignals(household, online)
    .then(async (signals) => {
      if (signals) await dataVersion.setValue(Date.now());
      // The whole S&P 400/600, weekly, when both SEC and prices are on.
      if (!signals || !signals.providers.includes('sec') || !signals.providers.includes('prices')) return;
      const last = await loadUniverseScreen();
      if (last && Date.now() - Date.parse(last.generatedAt) < 7 * 86_400_000) return;
      await screenUniverse(await activeReference(), { get: online.get, onProgress: online.onProgress, thresholds: await online.thresholds?.() });
      await signalsProgress.setValue(null);
      await dataVersion.setValue(Date.now());
    })
    .catch((error: unknown) => console.warn('Breadth: online signals failed', error))
    .finally(() => {
      signalsRun = null;
      const next = signalsAgain;
      signalsAgain = null;
      refreshSignals(next);
    });
}

const deps: ServiceDeps = {
  getSettings: getRuleSettings,
  getReference: activeReference,
  loadSignals: loadOnlineSignals,
  onChanged: async (household) => {
    await showToolbarBadge(household);
    await dataVersion.setValue(Date.now());
    refreshSignals(household);
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
  browser.runtime.onMessage.addListener((message: unknown) => {
    const envelope = EnvelopeSchema.safeParse(message);
    if (!envelope.success) return undefined; // not ours: let other listeners answer
    switch (envelope.data.type) {
      case 'cs-bg:page-read':
        return receiveRead(envelope.data.payload, deps).then(({ accountsStored: _, ...pageAudit }) => pageAudit);
      case 'ui-bg:file-imported':
        return receiveRead(envelope.data.payload, deps).then((answer) => ({ accounts: answer.accountsStored }));
      case 'ui-bg:recompute':
        return recomputeAudits(deps).then(() => ({ ok: true }));
      case 'ui-bg:reference-schedule':
        return syncReferenceSchedule(schedule).then(() => ({ ok: true }));
    }
  });
  // A restarted worker keeps nothing in memory: the badge comes back from IndexedDB.
  void loadHouseholdAudit().then(showToolbarBadge);
});
