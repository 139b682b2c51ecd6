import { browser, defineBackground, storage } from '#imports';
import { EnvelopeSchema } from '@/lib/messaging';
import { receiveRead, recomputeAudits, toolbarBadge, type ServiceDeps } from '@/lib/background/service';
import { loadHouseholdAudit } from '@/lib/db';
import { getRuleSettings } from '@/lib/settings';
import { activeReference } from '@/lib/background/reference';
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

const deps: ServiceDeps = {
  getSettings: getRuleSettings,
  getReference: activeReference,
  onChanged: async (household) => {
    await showToolbarBadge(household);
    await dataVersion.setValue(Date.now());
  },
};

export default defineBackground(() => {
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
    }
  });
  // A restarted worker keeps nothing in memory: the badge comes back from IndexedDB.
  void loadHouseholdAudit().then(showToolbarBadge);
});
