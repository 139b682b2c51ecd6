import type { RawHolding, SkippedRow, StatedTotal } from '../schema/holdings';
import type { CsvRecord } from './csv';

/** What a format sees of a file: its text (BOM removed) and, when it parses as CSV, its records. */
export interface ImportInput {
  text: string;
  /** null when the text is not CSV at all (XML, OFX/QFX SGML, …). */
  records: readonly CsvRecord[] | null;
}

/** One positions-file format, one file each, registered in lib/import/index.ts. */
export interface PositionsFormat {
  /** Equals the file name (`fidelity-positions-csv`). */
  id: string;
  /** "Fidelity positions file". */
  label: string;
  /** Decides from content (never the file name) whether the file is this format. */
  detect(input: ImportInput): boolean;
  /**
   * Reads holdings. Rows it cannot read go to `skipped` with their line and reason; a file it cannot
   * use at all throws ImportError (lib/import/errors.ts) with a one-line reason. `statedTotals` are
   * the totals the file itself states, each comparable with Σ marketValue of every row read for its
   * account (or for the whole file when it names none); total and lot rows are never holdings.
   */
  read(input: ImportInput): { holdings: RawHolding[]; skipped: SkippedRow[]; note?: string; statedTotals?: StatedTotal[] };
}
