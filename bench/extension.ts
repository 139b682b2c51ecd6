/**
 * Figures that need the built extension in Chromium: content-script size and the time from opening
 * the popup to its numbers on screen (the popup marks `breadth:numbers-shown` when it draws them).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_PATH, launchWithExtension } from '../test/e2e/browser';
import { median, type BenchResult } from './stats';

export async function benchExtension(): Promise<BenchResult[]> {
  const dir = join(EXTENSION_PATH, 'content-scripts');
  const results: BenchResult[] = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ name: `content script ${f} (minified)`, value: statSync(join(dir, f)).size / 1024, unit: 'KB' as const, budget: 40 }));
  const s = await launchWithExtension();
  try {
    const demo = await s.context.newPage();
    await demo.goto(`chrome-extension://${s.extensionId}/demo.html`);
    await demo.locator('[data-breadth-chip]').waitFor({ timeout: 20_000 });
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const popup = await s.context.newPage();
      await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
      await popup.locator('[data-testid="top10-share"]').first().waitFor();
      const shownAt = await popup.evaluate(() => performance.getEntriesByName('breadth:numbers-shown')[0]?.startTime ?? null);
      if (shownAt == null) throw new Error('the popup did not mark breadth:numbers-shown');
      if (i >= 3) times.push(shownAt); // the first opens warm the disk cache
      await popup.close();
    }
    results.push({ name: 'popup: numbers shown after opening', value: median(times), unit: 'ms', budget: 150 });
  } finally {
    await s.close();
  }
  return results;
}
