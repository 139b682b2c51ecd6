#!/usr/bin/env node
/**
 * `npm start`: after the build, opens Chromium with Breadth loaded and the demo brokerage page.
 * Without a display (a server, CI), it says so and runs headless instead, writing screenshots of
 * the demo page with its badges and of the popup.
 */
import { existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const extensionPath = join(root, '.output/chrome-mv3');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

if (!existsSync(join(extensionPath, 'manifest.json'))) {
  console.error('breadth: no build found in .output/chrome-mv3 — run `npm run build` first.');
  process.exit(1);
}
if (!existsSync(executablePath)) {
  console.error(`breadth: Chromium not found at ${executablePath}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
if (headless && !process.argv.includes('--headless')) {
  console.log('No display found ($DISPLAY is empty): running headless and writing screenshots instead.');
  console.log('For a window on a machine without a screen: xvfb-run -a npm start');
}

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'breadth-start-')), {
  executablePath,
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  args: [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
let [worker] = context.serviceWorkers();
worker ??= await context.waitForEvent('serviceworker');
const extensionId = new URL(worker.url()).host;
const demoUrl = `chrome-extension://${extensionId}/demo.html`;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);

if (!headless) {
  console.log(`Breadth is loaded. Demo brokerage page: ${demoUrl}`);
  console.log('Click the Breadth toolbar icon for the audit. Close the browser window to stop.');
  await new Promise((done) => context.on('close', done));
  process.exit(0);
}

const outDir = join(root, 'screenshots');
mkdirSync(outDir, { recursive: true });
await page.locator('[data-breadth-chip]').first().waitFor({ timeout: 20_000 });
await page.screenshot({ path: join(outDir, 'demo-page.png'), fullPage: true });
const popup = await context.newPage();
await popup.setViewportSize({ width: 400, height: 900 });
await popup.goto(`chrome-extension://${extensionId}/popup.html`);
await popup.locator('[data-testid="top10-share"]').first().waitFor({ timeout: 20_000 });
const share = (await popup.locator('[data-testid="top10-share"]').first().textContent())?.trim();
await popup.screenshot({ path: join(outDir, 'popup.png'), fullPage: true });
console.log(`Top-10 exposure of the demo portfolio: ${share}`);
console.log(`Screenshots: ${join(outDir, 'demo-page.png')} and ${join(outDir, 'popup.png')}`);
await context.close();
