/**
 * Adapters reading their pages in real Chromium: the generic reader on a 2,000-row table (budget
 * ≤ 15 ms median) and each site adapter on 500 positions (≤ 10 ms). The adapter is bundled with
 * esbuild into the page, exactly the code the content script runs.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
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

/** A Fidelity positions grid of `rows` positions in one account, as ag-Grid renders it when all rows are in view. */
export function fidelityGridHtml(rows: number): string {
  const ids = Array.from({ length: rows }, (_, i) => i);
  const symbols = ['NVDA', 'AAPL', 'VOO', 'FXAIX', 'IJR', 'SPAXX**', 'JPM', 'CRS'];
  return `<!doctype html><html><body><div class="ag-root-wrapper" role="treegrid" aria-rowcount="${rows + 2}">
    <div class="ag-pinned-left-cols-container"><div class="ag-row posweb-row-account" row-id="a"><span class="posweb-cell-account_primary">Individual</span><span class="posweb-cell-account_secondary">X12345678</span></div>
    ${ids.map((i) => `<div class="ag-row posweb-row-position" row-id="${i}"><div class="ag-cell"><div class="posweb-cell-symbol-name_container"><button class="posweb-cell-symbol-name"><span>${symbols[i % symbols.length]}</span></button></div><div class="posweb-cell-symbol-description">Company ${i}</div></div></div>`).join('')}</div>
    <div class="ag-center-cols-container">${ids.map((i) => `<div class="ag-row" row-id="${i}"><div class="ag-cell"><div class="posweb-cell-stack-item-last_price">$${100 + (i % 50)}.00</div></div><div class="ag-cell"><div class="posweb-cell-current_value">$${(i + 1) * 10}.00</div></div><div class="ag-cell"><div class="posweb-cell-quantity_value">${i % 20}</div></div></div>`).join('')}</div>
  </div></body></html>`;
}

interface ScanCase {
  name: string;
  html: string;
  /** Grow the page in the browser to `rows` holdings by cloning the first element matching `selector` that contains `text`. */
  grow?: { selector: string; text: string };
  /** Module and export of the adapter, and the URL the page pretends to be at. */
  adapter: [string, string];
  url: string;
  rows: number;
  budgetMs: number;
}

const CASES: ScanCase[] = [
  { name: 'generic scan of a 2,000-row table (Chromium)', html: holdingsTableHtml(2_000), adapter: ['./lib/adapters/generic', 'genericAdapter'], url: 'https://broker.example/positions', rows: 2_000, budgetMs: 15 },
  ...siteCase('schwab', 'positions.html', 'https://client.schwab.com/app/accounts/positions/summary', { selector: 'tr', text: 'MSFT' }),
  ...siteCase('vanguard', 'holdings.html', 'https://holdings.web.vanguard.com/', { selector: 'tr', text: 'AAPL' }),
  ...siteCase('etrade', 'portfolio.html', 'https://us.etrade.com/etx/pxy/portfolios/positions', { selector: 'tr.position-row', text: 'JPM' }),
  ...siteCase('robinhood', 'investing.html', 'https://robinhood.com/account/investing', { selector: 'a[data-testid="PositionRow"]', text: 'NVDA' }),
  ...siteCase('ibkr', 'portfolio.html', 'https://www.interactivebrokers.com/portal/#/portfolio', { selector: 'tr', text: 'AAPL' }),
  ...siteCase('merrill', 'holdings.html', 'https://olui2.fs.ml.com/TFPHoldings/HoldingsByAccount.aspx', { selector: 'tr', text: 'NVDA' }),
  { name: 'fidelity adapter, 500 positions (Chromium)', html: fidelityGridHtml(500), adapter: ['./lib/adapters/fidelity', 'fidelityAdapter'], url: 'https://digital.fidelity.com/ftgw/digital/portfolio/positions', rows: 500, budgetMs: 10 },
];

/** A site adapter on its own fixture page, grown to 500 positions. */
function siteCase(id: string, fixture: string, url: string, grow: { selector: string; text: string }): ScanCase[] {
  const html = readFileSync(resolve(import.meta.dirname, '../test/fixtures/pages', id, fixture), 'utf8');
  return [{ name: `${id} adapter, 500 positions (Chromium)`, html, grow, adapter: [`./lib/adapters/${id}`, `${id}Adapter`], url, rows: 500, budgetMs: 10 }];
}

export async function benchGenericScan(): Promise<{ name: string; medianMs: number; budgetMs: number }[]> {
  const results: { name: string; medianMs: number; budgetMs: number }[] = [];
  for (const c of CASES) results.push({ name: c.name, medianMs: await medianScan(c), budgetMs: c.budgetMs });
  return results;
}

async function medianScan(c: ScanCase): Promise<number> {
  const bundle = await build({
    stdin: {
      contents: `import { ${c.adapter[1]} as adapter } from '${c.adapter[0]}'; window.__scan = () => adapter.read(document, new URL(${JSON.stringify(c.url)}), new Date());`,
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
    await page.setContent(c.html);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    if (c.grow) {
      await page.evaluate(
        ({ grow, rows }) => {
          const scan = (window as unknown as { __scan: () => { result: { holdings: unknown[] } } }).__scan;
          const template = [...document.querySelectorAll(grow.selector)].find((e) => e.textContent?.includes(grow.text));
          if (!template) throw new Error(`no ${grow.selector} containing ${grow.text}`);
          const missing = rows - scan().result.holdings.length;
          template.after(...Array.from({ length: missing }, () => template.cloneNode(true)));
        },
        { grow: c.grow, rows: c.rows },
      );
    }
    const times = await page.evaluate((rows) => {
      const scan = (window as unknown as { __scan: () => { result: { holdings: unknown[] } } }).__scan;
      for (let i = 0; i < 10; i++) scan(); // warm-up
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        const r = scan();
        out.push(performance.now() - t0);
        if (r.result.holdings.length !== rows) throw new Error(`read ${r.result.holdings.length} rows`);
      }
      return out;
    }, c.rows);
    return median(times);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && /bench[\\/]scan\.ts$/.test(process.argv[1])) {
  for (const r of await benchGenericScan()) console.log(`${r.name}: ${r.medianMs.toFixed(2)} ms (budget ≤ ${r.budgetMs} ms)`);
}
