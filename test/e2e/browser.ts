/**
 * Launches Debian's Chromium with the built extension loaded (see ../shared/notes/stack.md) and
 * records every network request, so tests can prove nothing leaves the machine.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Request, type Worker } from 'playwright-core';

export const EXTENSION_PATH = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** The test-only build with the online data providers' hosts granted up front (see wxt.config.ts). */
export const GRANTED_EXTENSION_PATH = resolve(import.meta.dirname, '../../.output-e2e-granted/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium with one unpacked extension, quiet on a closed network (../shared/notes/stack.md). */
export function chromiumArgs(extensionPath: string): string[] {
  return [
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
  ];
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request any page, frame or the service worker made. */
  requests: string[];
  downloadsDir: string;
  close(): Promise<void>;
}

export async function launchWithExtension(extensionPath = EXTENSION_PATH): Promise<ExtensionSession> {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npm run test:e2e\` (it builds both).`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  // Service-worker requests are reported only with this flag.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const userDataDir = mkdtempSync(join(tmpdir(), 'breadth-e2e-'));
  const downloadsDir = mkdtempSync(join(tmpdir(), 'breadth-downloads-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    downloadsPath: downloadsDir,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(extensionPath),
  });
  const requests: string[] = [];
  const record = (r: Request) => requests.push(r.url());
  context.on('request', record);
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    requests,
    downloadsDir,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}

/** Requests that left the extension: anything but its own pages, data: and blob: URLs and the test's routed pages. */
export function outboundRequests(requests: readonly string[], extensionId: string, routedOrigins: readonly string[] = []): string[] {
  return requests.filter(
    (url) =>
      !url.startsWith(`chrome-extension://${extensionId}/`) &&
      !url.startsWith('data:') &&
      !url.startsWith('blob:') &&
      !routedOrigins.some((origin) => url.startsWith(origin)),
  );
}
