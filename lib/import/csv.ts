/**
 * RFC 4180 CSV reading with the quirks brokerages and fund sites add: a UTF-8 BOM, CRLF, quoted
 * fields with commas and newlines, trailing commas, blank and free-text lines. Each record keeps
 * the 1-based line number it started on, so importers can say where a problem is.
 */

export interface CsvRecord {
  /** 1-based line of the file the record starts on. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Strips a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Any character String.prototype.trim would keep. */
const NON_SPACE = /\S/;

/**
 * Parses CSV text into records. Throws `CsvSyntaxError` on an unterminated quote. Linear in the
 * text: runs of plain characters are copied as slices, and whether a field holds text yet is
 * tracked rather than re-trimmed on every quote (which was quadratic on a field full of quotes).
 */
const BLANK_FIELDS: readonly string[] = Object.freeze(['']);

export function parseCsv(input: string, delimiter = ','): CsvRecord[] {
  const text = stripBom(input);
  const records: CsvRecord[] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteStartLine = 1;
  // A record has started once anything, even an empty quoted field, was read on its line.
  let started = false;
  // Whether the field so far holds anything but spaces: a quote opens a quoted field only before that.
  let fieldHasText = false;
  let i = 0;
  const append = (chunk: string) => {
    if (!fieldHasText && NON_SPACE.test(chunk)) fieldHasText = true;
    field += chunk;
  };
  const endRecord = () => {
    if (fields.length === 0 && field === '' && !started) {
      // A blank line: one shared, frozen record body (a file of a million blank lines stays fast).
      records.push({ line: recordLine, fields: BLANK_FIELDS as string[] });
      return;
    }
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldHasText = false;
    started = false;
  };
  while (i < text.length) {
    if (inQuotes) {
      const quote = text.indexOf('"', i);
      if (quote < 0) break; // never closed: reported below
      const chunk = text.slice(i, quote);
      for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', nl + 1)) line++;
      append(chunk);
      if (text.charCodeAt(quote + 1) === 34) {
        append('"'); // "" inside quotes is one quote
        i = quote + 2;
        continue;
      }
      inQuotes = false;
      i = quote + 1;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === 34 && !fieldHasText) {
      // A quote opens a quoted field only at the field's start (spaces before it are tolerated).
      field = '';
      inQuotes = true;
      started = true;
      quoteStartLine = line;
      i++;
      continue;
    }
    if (code === delimiterCode) {
      fields.push(field);
      field = '';
      fieldHasText = false;
      i++;
      continue;
    }
    if (code === 13 || code === 10) {
      endRecord();
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      recordLine = line;
      continue;
    }
    // A run of plain characters (quotes after text are among them), copied at once.
    const quoteEndsRun = !fieldHasText;
    let end = i + 1;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === delimiterCode || c === 13 || c === 10 || (c === 34 && quoteEndsRun)) break;
      end++;
    }
    append(text.slice(i, end));
    i = end;
  }
  if (inQuotes) throw new CsvSyntaxError('a quoted field is never closed', quoteStartLine);
  if (started || field !== '' || fields.length > 0) endRecord();
  return records;
}

/** True when every field of the record is empty or blank. */
export function isBlankRecord(record: CsvRecord): boolean {
  if (record.fields === BLANK_FIELDS) return true; // an empty line (the common case: no scan)
  return record.fields.every((f) => f.trim() === '');
}

/** Header cell text made comparable: lower case, single spaces, no BOM or trailing punctuation. */
export function normaliseHeader(cell: string): string {
  return stripBom(cell).toLowerCase().replace(/\s+/g, ' ').trim();
}
