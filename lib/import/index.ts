/**
 * Positions-file import, shared by the CLI and the extension: the format is recognised from the
 * content, never from the file name. Formats are tried in order, the plainest last.
 */
import type { ScanResult } from '../schema/holdings';
import { CsvSyntaxError, parseCsv, stripBom, type CsvRecord } from './csv';
import { ImportError } from './errors';
import { fidelityPositionsCsv } from './fidelity-positions-csv';
import { plainCsv } from './plain-csv';
import { schwabPositionsCsv } from './schwab-positions-csv';
import { etradePortfolioCsv } from './etrade-portfolio-csv';
import { merrillHoldingsCsv } from './merrill-holdings-csv';
import { vanguardOfxCsv } from './vanguard-ofx-csv';
import { ofxPositions } from './ofx-positions';
import { ibkrFlexXml } from './ibkr-flex-xml';
import { ibkrActivityCsv } from './ibkr-activity-csv';
import { fidelityStatementCsv } from './fidelity-statement-csv';
import { breadthHoldingsCsv } from './breadth-holdings-csv';
import { looksLikeISharesHoldings } from './ishares-holdings-csv';
import type { ImportInput, PositionsFormat } from './types';
import { fitToSchema } from './fit';

export { ImportError };
export { decodeFileBytes } from './decode';

/** Specific formats first; the plain CSV reader last, since it would half-read the others. */
export const POSITIONS_FORMATS: readonly PositionsFormat[] = Object.freeze([
  ofxPositions,
  ibkrFlexXml,
  ibkrActivityCsv,
  fidelityPositionsCsv,
  fidelityStatementCsv,
  schwabPositionsCsv,
  etradePortfolioCsv,
  merrillHoldingsCsv,
  vanguardOfxCsv,
  breadthHoldingsCsv,
  plainCsv,
]);

export function importPositionsFile(text: string, fileName?: string, now: Date = new Date()): ScanResult {
  const body = stripBom(text);
  if (body.trim() === '') throw new ImportError('the file is empty');
  // Markup that is not OFX or an IBKR Flex statement is a web page saved under the wrong name.
  if (/^\s*</.test(body) && !/^\s*(<\?xml[^>]*>\s*)?(<\?OFX|<OFX>|<FlexQueryResponse|<FlexStatements?)/i.test(body)) {
    throw new ImportError('this is a web page (HTML), not a positions file — download the positions CSV again from your brokerage', 1);
  }
  if (/^"?Activity Date"?,"?Process Date"?,"?Settle Date"?,"?Instrument"?/m.test(body.slice(0, 500))) {
    throw new ImportError('this is a Robinhood account activity report: Robinhood offers no positions file — open robinhood.com/account/investing and Breadth reads your holdings there', 1);
  }
  if (looksLikeISharesHoldings(body)) {
    throw new ImportError('this is a fund holdings file (iShares), not your positions — export the positions file from your brokerage');
  }
  let records: CsvRecord[] | null = null;
  let csvError: CsvSyntaxError | null = null;
  try {
    records = parseCsv(body);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    csvError = error; // maybe not CSV at all (XML, OFX): the formats decide
  }
  const input: ImportInput = { text: body, records };
  const format = POSITIONS_FORMATS.find((f) => f.detect(input));
  if (!format) {
    if (csvError) throw new ImportError(csvError.message.replace(/^line \d+: /, ''), csvError.line);
    throw new ImportError('no Symbol and Value columns found in the first lines — not a positions file Breadth can read', records?.[0]?.line);
  }
  // Every format's read is fitted to the schema here, once: long fields cut, the row limit enforced.
  const { holdings, skipped, note, statedTotals } = fitToSchema(format.read(input));
  if (holdings.length === 0) {
    throw new ImportError(skipped[0] ? `no position could be read (${skipped[0].reason})` : 'the file lists no positions', skipped[0]?.row);
  }
  return {
    source: { kind: 'file', readerId: format.id, label: format.label, fileName: fileName?.split(/[\\/]/).pop()?.slice(0, 260) },
    readAt: now.toISOString(),
    holdings,
    skipped,
    complete: true,
    ...(note === undefined ? {} : { note }),
    // Checked against the rows by lib/analysis/reconcile.ts; absent when the file states none.
    ...(statedTotals.length ? { statedTotals } : {}),
  };
}
