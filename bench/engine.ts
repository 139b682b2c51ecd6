/**
 * Audit of a 2,000-holding household in Node (budget ≤ 10 ms). Holdings are drawn deterministically
 * from the bundled reference: stocks of all three indexes, mapped and unknown funds, cash, bonds.
 */
import { buildAudit } from '../lib/analysis/audit';
import { bundledReference, buildReference } from '../lib/reference';
import { FUND_MAP } from '../lib/reference/funds';
import { FUND_CATALOG } from '../lib/reference/fund-catalog';
import { buildDirectory } from '../lib/reference/directory';
import { FundHoldingsFileSchema } from '../lib/schema/fund-holdings';
import { ReferenceSnapshotSchema } from '../lib/schema/reference';
import directoryJson from '../lib/reference/directory.json';
import fundHoldingsJson from '../lib/reference/fund-holdings.json';
import snapshotJson from '../lib/reference/snapshot.json';
import { DEFAULT_RULE_SETTINGS } from '../lib/schema/settings';
import type { StoredAccount } from '../lib/schema/portfolio';
import { median, type BenchResult } from './stats';

export function syntheticAccounts(count: number): StoredAccount[] {
  const ref = bundledReference();
  const tickers = [...ref.byTicker.keys()];
  // 40 looked-through funds (index funds and every bundled holdings file), share classes, cash, bonds.
  const seenThrough = FUND_CATALOG.filter((f) => f.seenThrough).map((f) => f.ticker);
  const extras = ['VOO', 'FXAIX', 'IJH', 'IJR', 'RSP', 'VTSAX', 'VXUS', 'BND', 'SPAXX**', '912797LN5', 'TSM', ...seenThrough].slice(0, 50);
  const accounts: StoredAccount[] = [];
  for (let a = 0; a < 4; a++) {
    accounts.push({
      key: `bench:Account ••${1000 + a}`,
      label: `Account ••${1000 + a}`,
      source: { kind: 'file', readerId: 'bench', label: 'Benchmark' },
      readAt: '2026-11-24T12:00:00.000Z',
      holdings: [],
      skipped: [],
      complete: true,
    });
  }
  for (let i = 0; i < count; i++) {
    const symbol = i % 10 === 0 ? extras[(i / 10) % extras.length]! : tickers[(i * 7919) % tickers.length]!;
    accounts[i % 4]!.holdings.push({ symbol, description: symbol === 'QQQ' ? 'INVESCO QQQ TRUST' : '', marketValue: 1_000 + ((i * 37) % 5_000) });
  }
  return accounts;
}

export function benchEngine(): BenchResult[] {
  const reference = bundledReference();
  const accounts = syntheticAccounts(2_000);
  const run = () => buildAudit({ accounts, reference, settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date() });
  for (let i = 0; i < 20; i++) run(); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return [{ name: `audit of 2,000 holdings, ${new Set(accounts.flatMap((a) => a.holdings.map((h) => h.symbol)).filter((s) => s && reference.catalog.get(s)?.seenThrough)).size + 5} funds looked through (Node)`, value: median(times), unit: 'ms', budget: 10 }];
}

/**
 * What the worker pays at start-up for the reference: parse the index data, the security directory
 * and the bundled fund holdings, build every bundled look-through, and classify one symbol through
 * the directory (its lazy index). Fresh objects each run, so no cache hides the cost.
 */
export function benchReferenceBuild(): BenchResult[] {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const reference = buildReference(ReferenceSnapshotSchema.parse(snapshotJson), FUND_MAP, {
      directory: buildDirectory(directoryJson),
      bundledHoldings: FundHoldingsFileSchema.parse(fundHoldingsJson).funds,
    });
    for (const id of reference.bundledHoldings.keys()) reference.bundledLookThrough(id);
    reference.directory.lookup('VTSAX');
    reference.fundOfSeries('S000002848');
    times.push(performance.now() - t0);
  }
  return [{ name: 'reference build: index data + directory + fund look-through (Node)', value: median(times), unit: 'ms', budget: 50 }];
}
