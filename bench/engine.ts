/**
 * Audit of a 2,000-holding household in Node (budget ≤ 10 ms). Holdings are drawn deterministically
 * from the bundled reference: stocks of all three indexes, mapped and unknown funds, cash, bonds.
 */
import { buildAudit } from '../lib/analysis/audit';
import { bundledReference } from '../lib/reference';
import { DEFAULT_RULE_SETTINGS } from '../lib/schema/settings';
import type { StoredAccount } from '../lib/schema/portfolio';
import { median, type BenchResult } from './stats';

export function syntheticAccounts(count: number): StoredAccount[] {
  const ref = bundledReference();
  const tickers = [...ref.byTicker.keys()];
  const extras = ['VOO', 'FXAIX', 'IJH', 'IJR', 'RSP', 'QQQ', 'SPAXX**', '912797LN5', 'TSM'];
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
  return [{ name: 'audit of 2,000 holdings (Node)', value: median(times), unit: 'ms', budget: 10 }];
}
