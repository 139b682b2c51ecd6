/** One CSV field as Breadth writes it: RFC 4180 quoting, and a guard against spreadsheet formula injection. */

/** A number a spreadsheet reads as a number (`-500.00`, `+12.5`, `-.5`, `1E+21`): no formula can hide in it. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** What a spreadsheet may start a formula with (tab and CR too: some strip them, then see `=`). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: quoted when needed; text starting like a formula is defused with a leading `'`,
 * unless it is a plain number (a negative market value must stay a number in the spreadsheet).
 */
export function csvField(value: string | number | null | undefined): string {
  if (value == null) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
