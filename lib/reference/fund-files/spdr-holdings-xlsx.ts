/**
 * State Street SPDR daily holdings workbook (`holdings-daily-us-en-<fund>.xlsx`, e.g. SPY). Read with
 * fflate and a few regular expressions instead of DOMParser, which a service worker and Node lack.
 * Layout: a preamble (`Fund Name:`, `Ticker Symbol:`, `Holdings:` / `As of 10-Apr-2026`, a blank
 * row), the header `Name, Ticker, Identifier, SEDOL, Weight, Sector, Shares Held, Local Currency`,
 * the holdings (a `US DOLLAR` cash row among them), then legal text.
 */
import { strFromU8, unzipSync } from 'fflate';
import { parseNumber } from '../../format/number';
import { normaliseHeader } from '../../import/csv';
import { FundFileFormatError, type FundHoldingsFile, type FundHoldingsRow } from './types';

/** An xlsx is a zip: it starts with a local file header. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function parseSpdrHoldingsXlsx(bytes: Uint8Array): FundHoldingsFile {
  if (!looksLikeXlsx(bytes)) {
    // The SPDR site answers a stale link with an HTML page that browsers save under the asked name.
    const start = strFromU8(bytes.subarray(0, 512)).replace(/^\uFEFF/, '');
    if (/^\s*</.test(start)) {
      throw new FundFileFormatError('This file is a web page (HTML), not an SPDR holdings .xlsx: download it again from the fund page.');
    }
    throw new FundFileFormatError('This file is not an Excel .xlsx workbook: download the SPDR daily holdings .xlsx again.');
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'xl/sharedStrings.xml' || f.name === 'xl/worksheets/sheet1.xml' });
  } catch {
    throw new FundFileFormatError('This .xlsx file is damaged (it cannot be unzipped): download it again.');
  }
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet) throw new FundFileFormatError('This workbook has no first worksheet: not an SPDR holdings file.');
  const shared = files['xl/sharedStrings.xml'] ? parseSharedStrings(strFromU8(files['xl/sharedStrings.xml'])) : [];
  const sheetRows = parseSheet(strFromU8(sheet), shared);

  const headerIndex = sheetRows.findIndex((r) => {
    const names = r.cells.map(normaliseHeader);
    return names.includes('name') && names.includes('ticker') && names.includes('weight');
  });
  const header = sheetRows[headerIndex];
  if (!header) throw new FundFileFormatError('No holdings header (Name, Ticker, Weight, …) found: not an SPDR holdings file.');

  // Preamble: label in one cell, value in the next.
  const preamble = new Map<string, string>();
  for (const r of sheetRows.slice(0, headerIndex)) {
    const i = r.cells.findIndex((x) => x.trim() !== '');
    if (i >= 0) preamble.set(normaliseHeader(r.cells[i]!).replace(/:$/, ''), (r.cells[i + 1] ?? '').trim());
  }

  const names = header.cells.map(normaliseHeader);
  const c = { name: names.indexOf('name'), ticker: names.indexOf('ticker'), identifier: names.indexOf('identifier'), weight: names.indexOf('weight'), sector: names.indexOf('sector') };
  const rows: FundHoldingsRow[] = [];
  let expected = header.r + 1;
  for (const r of sheetRows.slice(headerIndex + 1)) {
    const f = (i: number) => (i < 0 ? '' : (r.cells[i] ?? '').trim());
    // The table ends at the first blank (or absent) row, or at free text: in the real file the
    // legal text follows the last holding directly, in column A only.
    if (r.r !== expected++ || !f(c.name) || (!f(c.ticker) && !f(c.weight))) break;
    const ticker = f(c.ticker) === '-' ? '' : f(c.ticker);
    rows.push({
      line: r.r,
      ticker,
      name: f(c.name),
      sector: f(c.sector) === '' || f(c.sector) === '-' ? null : f(c.sector),
      weightPct: toNumber(f(c.weight)),
      marketValue: null, // the file gives shares held, not market value
      // Cash (`US DOLLAR`) has no ticker; SSGA lists contingent value rights as `CONTRA <issuer>`.
      isEquity: ticker !== '' && !/^CONTRA\b/i.test(f(c.name)) && !/CVR/i.test(f(c.identifier)),
    });
  }
  if (rows.length === 0) throw new FundFileFormatError(`row ${header.r}: the holdings table is empty.`);
  const asOf = parseDayMonYear(preamble.get('holdings') ?? '');
  if (!asOf) throw new FundFileFormatError('No as-of date ("Holdings: As of DD-Mon-YYYY") above the holdings: cannot tell how old the file is.');
  const fund = preamble.get('ticker symbol') ?? '';
  if (!fund) throw new FundFileFormatError('No "Ticker Symbol:" above the holdings: cannot tell which fund this is.');
  return { publisher: 'SPDR (State Street)', fund, fundName: preamble.get('fund name') || fund, asOf, rows };
}

interface SheetRow {
  /** 1-based sheet row number. */
  r: number;
  /** Cell texts by column (A = 0); numbers as their XML text. */
  cells: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `As of 10-Apr-2026` → `2026-04-10`. */
function parseDayMonYear(text: string): string | null {
  const m = /(\d{1,2})-([A-Za-z]{3})-(\d{4})/.exec(text);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  return m && month ? `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
}

/** A cell's number: numeric cells hold XML numbers (`4.0E-6`), text cells may print `1,234.5`. */
function toNumber(text: string): number | null {
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : parseNumber(text);
}

/** The text of every `<t>` in a fragment (rich text has several runs; phonetic hints are not text). */
function textOf(xml: string): string {
  let out = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1];
  return decodeXml(out);
}

function decodeXml(s: string): string {
  return s
    .replace(/&(lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1)) : ({ lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!)
    .replace(/&amp;/g, '&')
    .replace(/_x([0-9A-F]{4})_/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))); // OOXML escape
}

function parseSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => textOf(m[1] ?? ''));
}

function parseSheet(xml: string, shared: string[]): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(/\br="(\d+)"/.exec(row[1]!)?.[1] ?? (rows.at(-1)?.r ?? 0) + 1);
    const cells: string[] = [];
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1]!;
      const inner = cell[2] ?? '';
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
      const col = ref ? [...ref].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : cells.length;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      cells[col] = type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? textOf(inner) : decodeXml(v ?? '');
    }
    rows.push({ r, cells: Array.from(cells, (x) => x ?? '') });
  }
  return rows;
}
