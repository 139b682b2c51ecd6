import { render } from 'preact';
import { saveFile } from '@/lib/ui/save-file';
import { getRuleSettings, resetRuleSettings, saveRuleSettings } from '@/lib/settings';
import { applyRetention, deleteAllData, loadSnapshotBytes, resetReference, rollBackReference, storedCounts } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { POSITIONS_FORMATS } from '@/lib/import';
import { historyFileName, historyFileParts } from '@/lib/history/files';
import { importReferenceFiles, importUserFile, referenceInUse, toggleProvider } from '@/lib/ui/options-actions';
import { OptionsApp } from '@/components/options/OptionsApp';
import { ISHARES_ORIGIN } from '@/lib/reference/ishares-fetch';
import { PROVIDERS } from '@/lib/providers/registry';
import { clearProvider, providerStatuses } from '@/lib/providers/cache';
import { ReferenceFetchStatusSchema } from '@/lib/background/reference-schedule';
import { browser, storage } from '#imports';

/** Tell the background to recompute; it recomputes on its next wake anyway if this fails. */
const recompute = () => sendMessage(browser.runtime, 'ui-bg:recompute', {}).then(() => undefined, () => undefined);

render(
  <OptionsApp
    getSettings={getRuleSettings}
    importFormats={[...POSITIONS_FORMATS.map((f) => f.label), 'a Breadth audit or history (.json)']}
    onSave={async (change) => {
      const saved = await saveRuleSettings(change);
      await applyRetention(saved.historyKeepDays, new Date());
      await recompute();
      return saved;
    }}
    onReset={async () => {
      const saved = await resetRuleSettings();
      await recompute();
      return saved;
    }}
    onImportFile={(file) => importUserFile(file, (scan) => sendMessage(browser.runtime, 'ui-bg:file-imported', scan))}
    loadCounts={storedCounts}
    usageBytes={async () => (await navigator.storage?.estimate?.())?.usage ?? null}
    loadReference={referenceInUse}
    onReferenceFiles={async (files) => {
      const results = await importReferenceFiles(files, () => new Date());
      if (results.some((r) => r.ok)) await recompute();
      return results;
    }}
    onRollBack={async () => {
      await rollBackReference();
      await recompute();
    }}
    onResetReference={async () => {
      await resetReference();
      await recompute();
    }}
    onExportHistory={async () => {
      const now = new Date();
      saveFile(historyFileParts(await loadSnapshotBytes(), now), 'application/json', historyFileName(now));
    }}
    loadOnline={async () => {
      const settings = await getRuleSettings();
      const granted = await Promise.all(PROVIDERS.map((p) => browser.permissions.contains({ origins: [...p.origins] })));
      return { enabled: PROVIDERS.filter((p, i) => granted[i] && settings.onlineData.includes(p.id)).map((p) => p.id), status: await providerStatuses(), apiKey: settings.estimatesApiKey };
    }}
    onSaveKey={async (key) => {
      try {
        await saveRuleSettings({ estimatesApiKey: key });
      } catch {
        return 'Not saved: an Alpha Vantage key is letters and digits only.';
      }
      return key ? 'Key saved in this browser.' : 'Key removed.';
    }}
    onToggleProvider={(id, on) =>
      toggleProvider(id, on, { permissions: browser.permissions, getSettings: getRuleSettings, saveSettings: saveRuleSettings, clear: clearProvider, recompute })
    }
    loadAutoRefresh={async () => {
      const last = ReferenceFetchStatusSchema.safeParse(await storage.getItem('local:referenceFetchStatus'));
      const granted = await browser.permissions.contains({ origins: [ISHARES_ORIGIN] });
      return { enabled: (await getRuleSettings()).referenceAutoRefresh && granted, last: last.success ? last.data : null };
    }}
    onToggleAutoRefresh={async (on) => {
      // The permission prompt must open from the click itself: this is the first thing awaited.
      if (on && !(await browser.permissions.request({ origins: [ISHARES_ORIGIN] }))) {
        return 'Permission not granted: Breadth will not fetch anything.';
      }
      await saveRuleSettings({ referenceAutoRefresh: on });
      if (!on) await browser.permissions.remove({ origins: [ISHARES_ORIGIN] });
      await sendMessage(browser.runtime, 'ui-bg:reference-schedule', {}).catch(() => undefined);
      return on
        ? 'On: the first fetch starts in a moment; the result shows here.'
        : 'Off: nothing will be fetched, and the permission for www.ishares.com was given back.';
    }}
    onDeleteAll={async () => {
      await deleteAllData();
      await recompute();
    }}
  />,
  document.getElementById('app')!,
);

/**
 * Links from the popup name a section (#import, #reference: "drop the fund's holdings file on the
 * options page"); the page draws its sections once their data has loaded, after the browser looked
 * for the anchor, so scroll to it when it appears.
 */
function scrollToSection(id: string) {
  if (!id) return;
  const reach = () => {
    const section = document.getElementById(id);
    section?.scrollIntoView({ block: 'start' });
    return !!section;
  };
  if (reach()) return;
  const watch = new MutationObserver(() => reach() && watch.disconnect());
  watch.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 5_000);
}
scrollToSection(decodeURIComponent(location.hash.slice(1)));
