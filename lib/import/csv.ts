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

/** Parses CSV text into records. Throws `CsvSyntaxError` on an unterminated quote. */
export function parseCsv(input: string, delimiter = ','): CsvRecord[] {
  const text = stripBom(input);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteStartLine = 1;
  // A record has started once anything, even an empty quoted field, was read on its line.
  let started = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    started = false;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      // A quote opens a quoted field only at the field's start (spaces before it are tolerated).
      field = '';
      inQuotes = true;
      started = true;
      quoteStartLine = line;
      i++;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (inQuotes) throw new CsvSyntaxError('a quoted field is never closed', quoteStartLine);
  if (started || field !== '' || fields.length > 0) endRecord();
  return records;
}

/** True when every field of the record is empty or blank. */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.fields.every((f) => f.trim() === '');
}

/** Header cell text made comparable: lower case, single spaces, no BOM or trailing punctuation. */
export function normaliseHeader(cell: string): string {
  return stripBom(cell).toLowerCase().replace(/\s+/g, ' ').trim();
}
