/**
 * Fits what a format read to the limits of lib/schema/holdings.ts, once for every format, so a
 * read is never rejected whole by the background for one long cell: over-long fields are cut
 * (and counted, and said in the note), amounts outside the bounds are refused row by row, and a
 * file of more positions than a read may hold is refused with one line naming the limit.
 */
import type { RawHolding, SkippedRow, StatedTotal } from '../schema/holdings';
import { moneyAmount } from '../format/number';
import { BEYOND_ROW_LIMIT } from './columns';
import { ImportError } from './errors';

/** The schema's limits (lib/schema/holdings.ts), in characters and rows. */
export const SCAN_LIMITS = Object.freeze({
  symbol: 64,
  description: 300,
  account: 120,
  reason: 300,
  label: 120,
  note: 300,
  rows: 20_000,
  statedTotals: 1_000,
});

export interface FormatRead {
  holdings: RawHolding[];
  skipped: SkippedRow[];
  note?: string;
  statedTotals?: StatedTotal[];
}

const cutTo = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** An amount the schema accepts, or null. */
const boundedOrNull = (value: number | null | undefined) => {
  if (value == null) return value;
  const parsed = moneyAmount(value);
  return parsed.kind === 'value' ? parsed.value : null;
};

/** What a format read, within the schema's limits. Throws ImportError when there are more positions than a read holds. */
export function fitToSchema(read: FormatRead): Required<Omit<FormatRead, 'note'>> & { note?: string } {
  if (read.holdings.length > SCAN_LIMITS.rows) {
    throw new ImportError(
      `the file lists ${plural(read.holdings.length, 'position', 'positions')}; Breadth reads at most ${SCAN_LIMITS.rows.toLocaleString('en-US')} per file — export fewer accounts at a time`,
    );
  }
  let cutFields = 0;
  const cut = (text: string | undefined, max: number) => {
    if (text === undefined || text.length <= max) return text;
    cutFields++;
    return text.slice(0, max);
  };
  const holdings: RawHolding[] = [];
  const refused: SkippedRow[] = [];
  read.holdings.forEach((holding, index) => {
    const marketValue = holding.marketValue === null ? null : boundedOrNull(holding.marketValue);
    if (holding.marketValue !== null && marketValue === null) {
      // Formats refuse such rows themselves with their line; this is the net under all of them.
      refused.push({ row: index + 1, reason: cutTo(`position ${index + 1} (${holding.symbol ?? holding.description ?? '?'}): value ${BEYOND_ROW_LIMIT}`, SCAN_LIMITS.reason) });
      return;
    }
    const fitted: RawHolding = { ...holding, marketValue: marketValue ?? null };
    for (const [field, max] of [['symbol', SCAN_LIMITS.symbol], ['description', SCAN_LIMITS.description], ['account', SCAN_LIMITS.account]] as const) {
      if (fitted[field] !== undefined) fitted[field] = cut(fitted[field], max);
    }
    if (fitted.quantity !== undefined) fitted.quantity = boundedOrNull(fitted.quantity);
    if (fitted.price !== undefined) fitted.price = boundedOrNull(fitted.price);
    holdings.push(fitted);
  });

  const allSkipped = [...read.skipped, ...refused].map((row) => ({
    row: Number.isFinite(row.row) && row.row >= 0 ? row.row : 0,
    reason: cutTo(row.reason, SCAN_LIMITS.reason),
  }));
  // Past the limit, the last kept entry says how many more there were: counted, never dropped silently.
  const skipped =
    allSkipped.length > SCAN_LIMITS.rows
      ? [
          ...allSkipped.slice(0, SCAN_LIMITS.rows - 1),
          { row: allSkipped[SCAN_LIMITS.rows - 1]!.row, reason: `from line ${allSkipped[SCAN_LIMITS.rows - 1]!.row} on: and ${plural(allSkipped.length - SCAN_LIMITS.rows + 1, 'more row skipped', 'more rows skipped')}` },
        ]
      : allSkipped;

  const stated = (read.statedTotals ?? [])
    .filter((total) => boundedOrNull(total.value) !== null)
    .map((total) => ({
      ...total,
      value: boundedOrNull(total.value)!,
      label: cutTo(total.label, SCAN_LIMITS.label),
      // Cut like the holdings' account labels, so a total still names the rows it covers.
      ...(total.account === undefined ? {} : { account: cutTo(total.account, SCAN_LIMITS.account) }),
    }));
  const statedTotals = stated.slice(0, SCAN_LIMITS.statedTotals);

  const notes = [
    read.note,
    cutFields > 0 ? `${plural(cutFields, 'field was', 'fields were')} longer than Breadth keeps and ${cutFields === 1 ? 'was' : 'were'} cut (symbol ${SCAN_LIMITS.symbol}, description ${SCAN_LIMITS.description}, account ${SCAN_LIMITS.account} characters)` : undefined,
    stated.length > statedTotals.length ? `only the first ${SCAN_LIMITS.statedTotals.toLocaleString('en-US')} of ${stated.length.toLocaleString('en-US')} stated totals were kept` : undefined,
  ].filter((n): n is string => !!n);
  const note = notes.length ? cutTo(notes.join('; '), SCAN_LIMITS.note) : undefined;
  return { holdings, skipped, statedTotals, ...(note === undefined ? {} : { note }) };
}
