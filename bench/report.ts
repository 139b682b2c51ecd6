/**
 * The report page in Chromium with a 2,000-holding household and 100 kept audits: time from the
 * data in hand to the report drawn (budget ≤ 300 ms), and exporting that history (≤ 200 ms).
 * The data is written straight into the extension's IndexedDB, as the worker would have left it.
 */
import { buildAudit } from '../lib/analysis/audit';
import { bundledReference } from '../lib/reference';
import { DEFAULT_RULE_SETTINGS } from '../lib/schema/settings';
import { auditFingerprint, summariseAudit } from '../lib/history/summary';
import { launchWithExtension } from '../test/e2e/browser';
import { syntheticAccounts } from './engine';
import { median, type BenchResult } from './stats';

const SNAPSHOTS = 100;

export async function benchReport(): Promise<BenchResult[]> {
  const accounts = syntheticAccounts(2_000);
  const audits = Array.from({ length: SNAPSHOTS }, (_, i) => {
    // A quarter's drift per snapshot: values move, so each audit differs.
    const moved = accounts.map((a) => ({ ...a, holdings: a.holdings.map((h, j) => ({ ...h, marketValue: (h.marketValue ?? 0) * (1 + ((i * 13 + j) % 7) / 100) })) }));
    return buildAudit({ accounts: moved, reference: bundledReference(), settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date(Date.UTC(2024, 0, 1) + i * 7 * 86_400_000) });
  });
  // Only text crosses to the page (the DevTools pipe takes 100 MB at most).
  const rows = audits.map((audit) => ({ summary: { ...summariseAudit(audit), fingerprint: auditFingerprint(audit) }, json: JSON.stringify(audit) }));
  const s = await launchWithExtension();
  try {
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/report.html`); // Dexie creates the database
    await page.locator('.empty').first().waitFor();
    await page.evaluate(async (data) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const open = indexedDB.open('breadth');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const tx = db.transaction(['audits', 'snapshots', 'snapshotAudits'], 'readwrite');
      tx.objectStore('audits').put({ id: 'household', audit: JSON.parse(data[data.length - 1]!.json) });
      data.forEach((row, i) => {
        tx.objectStore('snapshots').put({ ...row.summary, id: i + 1 });
        tx.objectStore('snapshotAudits').put({ id: i + 1, utf8: new TextEncoder().encode(row.json) });
      });
      await new Promise((ok, fail) => {
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    }, rows);
    const render: number[] = [];
    const exports: number[] = [];
    for (let i = 0; i < 8; i++) {
      await page.reload();
      await page.locator('[data-testid="report-top10"]').waitFor({ timeout: 30_000 });
      const ms = await page.evaluate(() => {
        const [loaded] = performance.getEntriesByName('breadth:report-data-loaded');
        const [drawn] = performance.getEntriesByName('breadth:report-rendered');
        return loaded && drawn ? drawn.startTime - loaded.startTime : null;
      });
      if (ms === null) throw new Error('the report did not mark its timings');
      if (page.locator('[data-testid="kept-audit"]') && (await page.locator('[data-testid="kept-audit"]').count()) !== SNAPSHOTS) throw new Error('not all kept audits shown');
      await page.locator('[data-testid="export-history"]').click();
      await page.waitForFunction(() => performance.getEntriesByName('breadth:export-history').length > 0, null, { timeout: 30_000 });
      const exportMs = await page.evaluate(() => performance.getEntriesByName('breadth:export-history')[0]!.duration);
      if (i >= 2) {
        render.push(ms);
        exports.push(exportMs);
      }
    }
    return [
      { name: 'report: 2,000 holdings + 100 kept audits drawn (Chromium)', value: median(render), unit: 'ms', budget: 300 },
      { name: 'report: export of that history (Chromium)', value: median(exports), unit: 'ms', budget: 200 },
    ];
  } finally {
    await s.close();
  }
}

if (process.argv[1] && /bench[\\/]report\.ts$/.test(process.argv[1])) {
  for (const r of await benchReport()) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit} (budget ≤ ${r.budget} ${r.unit})`);
}
