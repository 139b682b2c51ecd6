/** Builds small .xlsx workbooks in SpreadsheetML's real shape for tests (SPDR holdings layout). */
import { strToU8, zipSync } from 'fflate';

/** A cell: text goes to sharedStrings, `{ inline }` is an inline string, a number a numeric cell, null a styled empty cell. */
export type Cell = string | number | { inline: string } | null;

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal valid xlsx in SpreadsheetML's real shape: one sheet, shared strings, styled cells. */
export function buildXlsx(rows: Record<number, Cell[]>): Uint8Array {
  const shared: string[] = [];
  const sheetRows = Object.entries(rows).map(([r, cells]) => {
    const xml = cells.map((cell, i) => {
      const ref = `${String.fromCharCode(65 + i)}${r}`;
      if (cell === null) return `<c r="${ref}" s="15"/>`;
      if (typeof cell === 'number') return `<c r="${ref}" t="n" s="19"><v>${cell.toExponential().replace('e+', 'E').replace('e-', 'E-')}</v></c>`;
      if (typeof cell === 'object') return `<c r="${ref}" t="inlineStr"><is><t>${esc(cell.inline)}</t></is></c>`;
      let index = shared.indexOf(cell);
      if (index < 0) index = shared.push(cell) - 1;
      return `<c r="${ref}" t="s" s="18"><v>${index}</v></c>`;
    });
    return `<row r="${r}">${xml.join('')}</row>`;
  });
  const sst = shared.map((s) => (s.includes('\n') ? `<si><r><t xml:space="preserve">${esc(s)}</t></r></si>` : `<si><t>${esc(s)}</t></si>`));
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="holdings" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${shared.length}" uniqueCount="${shared.length}">${sst.join('')}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1:H12"/><sheetData>${sheetRows.join('')}</sheetData></worksheet>`),
  });
}

