import type { RawHolding, SkippedRow } from '../schema/holdings';
import type { CsvRecord } from './csv';

/** One positions-file format, one file each, registered in lib/import/index.ts. */
export interface PositionsFormat {
  /** Equals the file name (`fidelity-positions-csv`). */
  id: string;
  /** "Fidelity positions file". */
  label: string;
  /** Decides from content (never the file name) whether the records are this format. */
  detect(records: readonly CsvRecord[]): boolean;
  /** Reads holdings; rows it cannot read go to `skipped` with their line; throws ImportError for a file it cannot use. */
  read(records: readonly CsvRecord[]): { holdings: RawHolding[]; skipped: SkippedRow[] };
}
