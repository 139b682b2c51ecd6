/**
 * What Breadth costs the brokerage page: the bench's 2,000-row holdings table served at a Fidelity
 * positions URL (the generic reader reads it after the site adapter says "not my layout"), loaded in
 * Chromium with the built extension and with a do-nothing control extension, interleaved. Prints
 * medians of main-thread task time (CDP Performance.getMetrics TaskDuration, 3 s after navigation),
 * `load` time, load → badges time, DOM nodes, and the main-thread cost of a 10-row change, with
 * their ratios. A benchmark, not a test (issue "The page layer": budgets in the README).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, EXTENSION_PATH, chromiumArgs } from '../test/e2e/browser';
import { holdingsTableHtml } from './scan';
import { median, type BenchResult } from './stats';

const URL_AT = 'https://digital.fidelity.com/ftgw/digital/portfolio/positions';
const LOADS = 15;
const SETTLE_MS = 3_000;

/** A Manifest V3 extension that does nothing: what any extension costs a page. */
function controlExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'breadth-control-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'control', version: '1.0' }));
  return dir;
}

async function launch(extensionPath: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'breadth-pageload-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(extensionPath),
  });
  const html = holdingsTableHtml(2_000);
  await context.route(`${URL_AT}**`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await context.route('https://digital.fidelity.com/favicon.ico', (route) => route.fulfill({ status: 404, body: '' }));
  return context;
}

interface LoadFigures {
  taskMs: number;
  loadMs: number;
  badgesAfterLoadMs: number | null;
  domNodes: number;
  changeTaskMs: number;
}

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

async function metrics(cdp: Cdp): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function oneLoad(context: BrowserContext, expectBadges: boolean): Promise<LoadFigures> {
  const page = await context.newPage();
  // Counting starts before navigation: TaskDuration is the renderer main thread's busy time since.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(URL_AT, { waitUntil: 'load' });
  const loadMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0]!.duration);
  let badgesAfterLoadMs: number | null = null;
  if (expectBadges) {
    await page.waitForSelector('[data-breadth-badge]', { timeout: 20_000 });
    badgesAfterLoadMs = await page.evaluate(() => performance.now() - (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  }
  await page.waitForTimeout(SETTLE_MS);
  const before = await metrics(cdp);
  // A single-page-app change of ten rows: their values change, as a refresh of prices would.
  await page.evaluate(() => {
    const rows = document.querySelectorAll<HTMLTableRowElement>('tbody tr');
    for (let i = 0; i < 10; i++) rows[i * 97]!.cells[4]!.textContent = `$${(1_000 + i).toFixed(2)}`;
  });
  await page.waitForTimeout(1_500);
  const after = await metrics(cdp);
  const figures = {
    taskMs: before.TaskDuration! * 1000,
    loadMs,
    badgesAfterLoadMs,
    domNodes: before.Nodes!,
    changeTaskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
  };
  await cdp.detach();
  await page.close();
  return figures;
}

export async function benchPageLoad(): Promise<BenchResult[]> {
  const withBreadth = await launch(EXTENSION_PATH);
  const control = await launch(controlExtension());
  const a: LoadFigures[] = [];
  const b: LoadFigures[] = [];
  try {
    await oneLoad(withBreadth, true); // warm-up: caches, the worker's first start
    await oneLoad(control, false);
    for (let i = 0; i < LOADS; i++) {
      a.push(await oneLoad(withBreadth, true));
      b.push(await oneLoad(control, false));
    }
  } finally {
    await withBreadth.close();
    await control.close();
  }
  const m = (xs: LoadFigures[], k: keyof LoadFigures) => median(xs.map((x) => x[k] ?? 0));
  const ratio = (k: keyof LoadFigures) => m(a, k) / Math.max(1e-9, m(b, k));
  return [
    { name: `2,000-row page: main-thread task time, Breadth vs control (${m(a, 'taskMs').toFixed(0)} / ${m(b, 'taskMs').toFixed(0)} ms)`, value: ratio('taskMs'), unit: '×', budget: 1.15 },
    { name: `2,000-row page: load time, Breadth vs control (${m(a, 'loadMs').toFixed(0)} / ${m(b, 'loadMs').toFixed(0)} ms)`, value: ratio('loadMs'), unit: '×', budget: 1.05 },
    { name: '2,000-row page: badges visible after load', value: m(a, 'badgesAfterLoadMs'), unit: 'ms', budget: 150 },
    { name: `2,000-row page: DOM nodes, Breadth vs control (${m(a, 'domNodes').toFixed(0)} / ${m(b, 'domNodes').toFixed(0)})`, value: ratio('domNodes'), unit: '×' },
    { name: `2,000-row page: a 10-row change, main-thread time (control ${m(b, 'changeTaskMs').toFixed(0)} ms)`, value: m(a, 'changeTaskMs'), unit: 'ms', budget: 20 },
  ];
}
