/**
 * Measures what rolling a stale fund file forward by the index's own moves is worth, on funds we
 * have at two dates: IVV 2025-11-18 → 2026-06-19 and IJH 2026-02-12 → 2026-06-19 (needs ../shared).
 * For each: the distance between the old weights and the real new ones, with and without rolling,
 * and the error in the ten largest names' total weight.
 *
 *   npx tsx scripts/measure-roll-forward.ts
 */
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEquityRow, parseISharesHoldings } from '../lib/import/ishares-holdings-csv';
import { normaliseTicker } from '../lib/reference/tickers';
import { rollForward, weightDistance, weightOf, type Weights } from '../lib/reference/roll-forward';

const shared = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/reference');

function weights(file: string): Map<string, number> {
  const parsed = parseISharesHoldings(readFileSync(resolve(shared, file), 'utf8'));
  const out = new Map<string, number>();
  for (const row of parsed.rows) {
    if (!isEquityRow(row)) continue;
    const t = normaliseTicker(row.ticker);
    if (t && row.weightPct !== null) out.set(t, (out.get(t) ?? 0) + row.weightPct / 100);
  }
  return out;
}

function topTickers(w: Weights, n: number): string[] {
  return [...w].sort((a, b) => b[1] - a[1]).slice(0, n).map(([t]) => t);
}

for (const [name, then, now] of [
  ['IVV (S&P 500)', 'ishares_IVV_holdings_2025-11-18.csv', 'ishares_IVV_holdings_2026-06-19.csv'],
  ['IJH (S&P 400)', 'ishares_IJH_holdings_2026-02-12.csv', 'ishares_IJH_holdings_2026-06-19.csv'],
] as const) {
  const old = weights(then);
  const actual = weights(now);
  const rolled = rollForward(old, old, actual);
  const top = topTickers(actual, 10);
  const pp = (x: number) => `${(x * 100).toFixed(2)} pp`;
  console.log(`${name}: ${then} → ${now}`);
  console.log(`  weight distance, stale:  ${pp(weightDistance(old, actual))}   rolled: ${pp(weightDistance(rolled, actual))}`);
  console.log(`  top-10 (now) weight: actual ${pp(weightOf(actual, top))}, stale ${pp(weightOf(old, top))}, rolled ${pp(weightOf(rolled, top))}`);
}
