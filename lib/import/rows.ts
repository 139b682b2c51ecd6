/**
 * What a row of a positions file is when it is not a position: a total line (turned into a stated
 * total when it is one), a subtotal, or a lot / sub-row of the position above it. Shared by every
 * CSV format, so "Account Total", a dated lot row or an indented sub-row means the same everywhere.
 */
import type { StatedTotal } from '../schema/holdings';

/**
 * What a total line covers, from its label:
 * - `overall`: every account of the file ("Grand Total", "Total Accounts Value");
 * - `account`: one account ("Account Total", "Net Account Value");
 * - `neutral`: "Total" — one account or all of them, decided by where it stands;
 * - `partial`: part of an account (subtotals, a positions-only total): never a holding, never compared.
 */
export type TotalKind = 'overall' | 'account' | 'neutral' | 'partial';

const OVERALL = /^(grand total|overall total|portfolio total|total portfolio( value)?|total accounts( value)?|total (of )?all accounts|all[- ]accounts total|accounts total|total \(all accounts\))$/;
const ACCOUNT = /^(account total|account total value|account value|total account value|net account value)$/;
const NEUTRAL = /^(total|totals|total holdings|total value)$/;
/** Subtotals of a section, an asset class or the positions without cash. */
const PARTIAL = /^(sub-?total\b.*|total (of|for) .+|.+ sub-?total|total (stocks|equities|bonds|funds|mutual funds|etfs|options|cash|securities|positions|long|short|money market)( value)?|positions market value|market value total)$/;

/** Longer than any total label ("Total (all accounts)", "Total Accounts Value:"), with room for padding. */
const MAX_TOTAL_LABEL = 200;

/** The kind of total a cell's text names, or null when it is not a total label. Exact labels only: a fund named "Total Stock Market Index" is a holding. */
export function totalKind(text: string): TotalKind | null {
  // No total label is long; a long cell is never handed to the trailing-punctuation regex (quadratic on long runs).
  if (text.length > MAX_TOTAL_LABEL) return null;
  const label = text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase().replace(/[:*]+$/, '').trim();
  if (!label) return null;
  if (OVERALL.test(label)) return 'overall';
  if (ACCOUNT.test(label)) return 'account';
  if (NEUTRAL.test(label)) return 'neutral';
  if (PARTIAL.test(label)) return 'partial';
  return null;
}

/** The first cell among `cells` that is a total label, with its kind. */
export function totalLabel(cells: readonly (string | undefined)[]): { label: string; kind: TotalKind } | null {
  for (const cell of cells) {
    const text = (cell ?? '').trim();
    const kind = text ? totalKind(text) : null;
    if (kind) return { label: text.replace(/[:*]+$/, '').trim(), kind };
  }
  return null;
}

/** A date opening the cell: the purchase date of a lot (`01/02/2024`, `1-2-24`, `2024-01-02`). */
const LOT_DATE = /^(\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2})(\s|$)/;
/** "Lot 1", "Lot #2", "Tax lot 3", "Lot details", "Lots" — but not the bare ticker LOT. */
const LOT_LABEL = /^(tax[- ]?)?lots?(\s|#|:|$)/i;
const LEADING_SPACE = /^[\s\u00a0]*/;

/**
 * Tells lot and sub-rows from positions, reading the symbol cells in file order: a cell that opens
 * with a date or a "Lot" label, or that is indented deeper than the position above it, is a
 * sub-row. Indentation is relative, so a file that pads every symbol alike still reads.
 */
export class SubRows {
  private parentIndent: number | null = null;

  /** True when `raw` (the symbol cell, untrimmed) is a sub-row; otherwise it becomes the new parent. */
  isSubRow(raw: string): boolean {
    const text = raw.trim();
    if (LOT_DATE.test(text) || (LOT_LABEL.test(text) && text !== 'LOT')) return true;
    const indent = LEADING_SPACE.exec(raw)![0].length;
    if (this.parentIndent !== null && indent > this.parentIndent) return true;
    this.parentIndent = indent;
    return false;
  }

  /** A new block (account, section) starts: the next row cannot belong to the position above. */
  reset(): void {
    this.parentIndent = null;
  }
}

interface TotalLine {
  label: string;
  value: number;
  row: number;
  kind: Exclude<TotalKind, 'partial'>;
  /** The account the line's own cells name. */
  account?: string;
  /** Accounts of the rows read since the previous total line. */
  segment: Set<string | undefined>;
  segmentRows: number;
  rowsBefore: number;
}

/**
 * Collects total lines while a format reads, then decides what each covers once every row is
 * known: a "Total" right after one account's rows is that account's; one after every row of the
 * file, or right after other totals, is the file's. A total whose coverage stays unclear is
 * dropped (never guessed): a wrong stated total would raise a false caution.
 */
export class StatedTotals {
  private readonly lines: TotalLine[] = [];
  private readonly explicit: StatedTotal[] = [];
  private segment = new Set<string | undefined>();
  private segmentRows = 0;
  private rows = 0;
  private readonly accounts = new Set<string | undefined>();

  /** A row the reader emitted (position, cash or pending), with its masked account label. */
  row(account: string | undefined): void {
    this.segment.add(account);
    this.accounts.add(account);
    this.segmentRows++;
    this.rows++;
  }

  /**
   * A total line. `account` when the line's own cells name the account (an Account column).
   * A subtotal is ignored (the account's total may still follow); a total line without a figure
   * states nothing but still ends the rows the next total line covers.
   */
  line(total: { label: string; kind: TotalKind; value: number | null; row: number; account?: string }): void {
    if (total.kind === 'partial') return; // a subtotal inside an account: the account's total is still to come
    if (total.value !== null) {
      this.lines.push({
        label: total.label.slice(0, 120),
        value: total.value,
        row: total.row,
        kind: total.kind,
        account: total.account || undefined,
        segment: this.segment,
        segmentRows: this.segmentRows,
        rowsBefore: this.rows,
      });
    }
    this.segment = new Set();
    this.segmentRows = 0;
  }

  /** A total the source states outside the rows (a summary block), whose account is known. */
  add(total: StatedTotal): void {
    this.explicit.push({ ...total, label: total.label.slice(0, 120) });
  }

  /** The stated totals, each with the account it covers (none = the whole file). */
  result(): StatedTotal[] {
    const oneAccount = this.accounts.size <= 1;
    const out: StatedTotal[] = [...this.explicit];
    for (const line of this.lines) {
      const scope = this.scope(line, oneAccount);
      if (scope === null) continue;
      out.push({ ...(scope.account === undefined ? {} : { account: scope.account }), label: line.label, value: line.value, row: line.row });
    }
    return out;
  }

  /** Whose total a line is: `{}` = the whole file, `{ account }`, or null when unclear. */
  private scope(line: TotalLine, oneAccount: boolean): { account?: string } | null {
    if (line.kind === 'overall') return {};
    if (line.account !== undefined) return { account: line.account };
    // The one named account the rows since the previous total belong to (rows without an account
    // name none: in a file that names accounts elsewhere, such a total covers nothing known).
    const [first] = line.segment;
    const only = line.segment.size === 1 && first !== undefined ? { account: first } : null;
    if (line.kind === 'account') {
      if (only) return only;
      // In a one-account file an account total is the file's total.
      return oneAccount ? {} : null;
    }
    // "Total": in a one-account file it is the file's total (E*TRADE's TOTAL, a plain CSV's Total).
    if (oneAccount) return {};
    if (line.segment.size === 0) return {}; // right after the accounts' own totals: the grand total
    const coversAll = line.segmentRows === line.rowsBefore && line.rowsBefore === this.rows;
    if (coversAll) return {};
    return only;
  }
}
