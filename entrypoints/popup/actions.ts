import type { browser as browserApi } from '#imports';

type Browser = typeof browserApi;
import { PageAuditSchema } from '@/lib/schema/page';
import { auditFileName, auditToJson, holdingsToCsv } from '@/lib/export/holdings-csv';
import type { PopupModel } from '@/lib/ui/popup-model';
import { brokenGrowthToCsv } from '@/lib/export/broken-growth-csv';
import { saveFile } from '@/lib/ui/save-file';
import { deleteDemoAccounts } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';

export interface PopupActions {
  scanPage(): Promise<void>;
  exportJson(): Promise<void>;
  exportCsv(): Promise<void>;
  openDemo(): void;
  openOptions(): void;
  /** The full, printable report of what the popup shows (household or the chosen account). */
  openReport(): void;
  /** The broken-growth screen as a CSV. */
  exportSignals(): Promise<void>;
  /** The S&P 400/600 universe screen's candidates as a CSV. */
  exportUniverse(): Promise<void>;
  /** File pickers close the popup in some browsers: import lives on the options page. */
  openImport(): void;
  /** The options page's Index data, where a fund's holdings file makes an unseen fund visible. */
  openFundFiles(): void;
  /** Deletes the demo page's invented accounts; the worker recomputes, the popup reloads. */
  removeDemo(): Promise<void>;
}

export function popupActions(browser: Browser, model: PopupModel): PopupActions {
  // An anchor download from the popup (an extension page), as on the report and options pages: no
  // `downloads` permission. The report page saves the same audit JSON and holdings CSV from a tab.
  async function download(text: string, type: string, filename: string) {
    try {
      saveFile(text, type, filename);
      model.notice.value = { kind: 'info', text: `Saved ${filename} to your downloads.` };
    } catch (error) {
      model.notice.value = { kind: 'error', text: `Could not save ${filename}: ${error instanceof Error ? error.message : error}` };
    }
  }

  return {
    async scanPage() {
      model.notice.value = { kind: 'info', text: 'Reading this page…' };
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (!tab?.id || (tab.url && !/^https?:/.test(tab.url))) {
          model.notice.value = { kind: 'error', text: 'This page can’t be scanned: browsers keep their own pages off-limits to extensions.' };
          return;
        }
        const [injection] = await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/brokerage.js'] });
        const answer = PageAuditSchema.safeParse(injection?.result);
        const text = answer.success
          ? (answer.data.summary?.text ?? answer.data.message ?? 'Read.')
          : 'No holdings found on this page. Look for a page that lists your positions, or import the positions file your brokerage lets you download.';
        model.notice.value = { kind: answer.success && answer.data.summary ? 'info' : 'error', text };
        await model.load();
      } catch (error) {
        model.notice.value = {
          kind: 'error',
          text: `This page can’t be scanned (${error instanceof Error ? error.message : String(error)}).`,
        };
      }
    },
    async exportJson() {
      const audit = model.audit.value;
      if (audit) await download(auditToJson(audit), 'application/json', auditFileName(audit, 'audit', 'json'));
    },
    async exportCsv() {
      const audit = model.audit.value;
      if (audit) await download(holdingsToCsv(audit), 'text/csv', auditFileName(audit, 'holdings', 'csv'));
    },
    openDemo() {
      void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') });
      window.close();
    },
    openOptions() {
      void browser.runtime.openOptionsPage();
    },
    async exportSignals() {
      const signals = model.signals.value;
      if (signals) await download(brokenGrowthToCsv(signals.brokenGrowth), 'text/csv', `breadth-broken-growth-${signals.generatedAt.slice(0, 10)}.csv`);
    },
    async exportUniverse() {
      const screen = model.universe.value;
      if (screen) await download(brokenGrowthToCsv(screen.candidates), 'text/csv', `breadth-universe-screen-${screen.generatedAt.slice(0, 10)}.csv`);
    },
    openReport() {
      const scope = model.scope.value;
      void browser.tabs.create({ url: browser.runtime.getURL(`/report.html${scope ? `?scope=${encodeURIComponent(scope)}` : ''}`) });
      window.close();
    },
    openImport() {
      void browser.tabs.create({ url: browser.runtime.getURL('/options.html#import') });
      window.close();
    },
    openFundFiles() {
      void browser.tabs.create({ url: browser.runtime.getURL('/options.html#reference') });
      window.close();
    },
    async removeDemo() {
      const removed = await deleteDemoAccounts();
      await sendMessage(browser.runtime, 'ui-bg:recompute', {});
      model.notice.value = { kind: 'info', text: `Removed the demo portfolio (${removed} invented account${removed === 1 ? '' : 's'}).` };
    },
  };
}
