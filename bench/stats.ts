export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'KB' | '×';
  /** Absent for a figure reported without a budget (e.g. DOM nodes). */
  budget?: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function printResults(results: readonly BenchResult[]): void {
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    const verdict = r.budget === undefined ? '' : `  (budget ≤ ${r.budget} ${r.unit}: ${r.value <= r.budget ? 'within budget' : 'OVER BUDGET'})`;
    console.log(`${r.name.padEnd(width)}  ${r.value.toFixed(2).padStart(8)} ${r.unit}${verdict}`);
  }
}
