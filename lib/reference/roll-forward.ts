/**
 * Rolling a fund's published weights forward to a newer date by its stocks' own moves, as the
 * index data shows them: w′ ∝ w × (index weight now ÷ index weight then), for stocks present in
 * both index files; other stocks keep their factor 1 (they are assumed to move like the index).
 * The result keeps the fund's stock total. Measured by scripts/measure-roll-forward.ts; the README
 * ("Look-through data and its dates") says whether Breadth uses it and why.
 */
export type Weights = ReadonlyMap<string, number>;

export function rollForward(fund: Weights, indexThen: Weights, indexNow: Weights): Map<string, number> {
  const total = [...fund.values()].reduce((s, w) => s + w, 0);
  const moved = new Map<string, number>();
  let movedTotal = 0;
  for (const [ticker, w] of fund) {
    const then = indexThen.get(ticker);
    const now = indexNow.get(ticker);
    const factor = then && now !== undefined ? now / then : 1;
    moved.set(ticker, w * factor);
    movedTotal += w * factor;
  }
  const scale = movedTotal > 0 ? total / movedTotal : 0;
  for (const [t, w] of moved) moved.set(t, w * scale);
  return moved;
}

/** ½ Σ |a − b| over every ticker in either: 0 = the same weights, 1 = nothing in common. */
export function weightDistance(a: Weights, b: Weights): number {
  let sum = 0;
  for (const [t, w] of a) sum += Math.abs(w - (b.get(t) ?? 0));
  for (const [t, w] of b) if (!a.has(t)) sum += w;
  return sum / 2;
}

/** Σ weight of the given tickers. */
export function weightOf(weights: Weights, tickers: Iterable<string>): number {
  let sum = 0;
  for (const t of tickers) sum += weights.get(t) ?? 0;
  return sum;
}
