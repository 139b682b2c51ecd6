/**
 * Generic adapter reading a 2,000-row holdings table in real Chromium (budget ≤ 15 ms median).
 * The adapter is bundled with esbuild into the page, exactly the code the content script runs.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../test/e2e/browser';
import { median } from './stats';

export function holdingsTableHtml(rows: number): string {
  const symbols = ['NVDA', 'AAPL', 'MSFT', 'VOO', 'IJH', 'JPM', 'CRS', 'FORM', 'QQQ', 'SPAXX**'];
  const body = Array.from({ length: rows }, (_, i) => {
    const s = symbols[i % symbols.length]!;
    const q = (i % 97) + 1;
    return `<tr><td>${s}</td><td>Company ${i}</td><td>${q}</td><td>$${(100 + (i % 50)).toFixed(2)}</td><td>$${(q * (100 + (i % 50))).toLocaleString('en-US', { minimumFractionDigits: 2 })}</td><td>+$1.00</td></tr>`;
  }).join('');
  return `<!doctype html><html><body><h2>Individual — 12345678</h2><table><thead><tr><th>Symbol</th><th>Description</th><th>Quantity</th><th>Last Price</th><th>Current Value</th><th>Today's Gain/Loss</th></tr></thead><tbody>${body}</tbody></table></body></html>`;
}

export async function benchGenericScan(): Promise<{ name: string; medianMs: number; budgetMs: number }[]> {
  const bundle = await build({
    stdin: {
      contents: `import { genericAdapter } from './lib/adapters/generic'; window.__scan = () => genericAdapter.read(document, new URL(location.href), new Date());`,
      resolveDir: resolve(import.meta.dirname, '..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(holdingsTableHtml(2_000));
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const times = await page.evaluate(() => {
      const scan = (window as unknown as { __scan: () => { result: { holdings: unknown[] } } }).__scan;
      for (let i = 0; i < 10; i++) scan(); // warm-up
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        const r = scan();
        out.push(performance.now() - t0);
        if (r.result.holdings.length !== 2_000) throw new Error(`read ${r.result.holdings.length} rows`);
      }
      return out;
    });
    return [{ name: 'generic scan of a 2,000-row table (Chromium)', medianMs: median(times), budgetMs: 15 }];
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && /bench[\\/]scan\.ts$/.test(process.argv[1])) {
  for (const r of await benchGenericScan()) console.log(`${r.name}: ${r.medianMs.toFixed(2)} ms (budget ≤ ${r.budgetMs} ms)`);
}
