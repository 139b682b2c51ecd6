/**
 * iShares fund holdings CSV (the file a user downloads from a fund's page on ishares.com), in both
 * layouts: the classic one (`Weight (%)`, `Asset Class`) and the 2026 one (`Type`, `Market Weight`,
 * `Notional Weight`). Used by the reference generator and, later, by the in-extension refresh.
 */
import { isBlankRecord, normaliseHeader, parseCsv, type CsvRecord } from './csv';
import { parseNumber } from '../format/number';

export type ISharesLayout = 'ishares-classic' | 'ishares-2026';

export interface ISharesRow {
  line: number;
  /** Ticker exactly as in the file (`BRKB`, `HOLX US`, `-`). */
  ticker: string;
  name: string;
  /** Sector as printed (`Communication`, `Information Technology`, `Cash and/or Derivatives`). */
  sector: string;
  assetClass: string;
  /** 2026 layout only: `EQUITY`, `SWAP`, `CASH`, `COLLATERAL`, `STIF`, `WARRANT`, `FUTURES`. */
  type: string | null;
  marketValue: number | null;
  /** Weight in percent as published (two decimals), null for `-`. */
  weightPct: number | null;
}

export interface ISharesHoldings {
  fundName: string;
  /** `YYYY-MM-DD`. */
  asOf: string;
  layout: ISharesLayout;
  rows: ISharesRow[];
}

export class ISharesFormatError extends Error {}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/** `Jun 19, 2026` → `2026-06-19`. */
export function parseISharesDate(text: string): string | null {
  const m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})$/.exec(text.trim());
  const month = m && MONTHS[m[1]!.toLowerCase()];
  if (!m || !month) return null;
  return `${m[3]}-${month}-${m[2]!.padStart(2, '0')}`;
}

/** True when the text looks like an iShares holdings file (cheap check for format detection). */
export function looksLikeISharesHoldings(text: string): boolean {
  return /Fund Holdings as of/i.test(text.slice(0, 2000)) && /^\uFEFF?Ticker,Name,/m.test(text.slice(0, 4000));
}

export function parseISharesHoldings(text: string): ISharesHoldings {
  if (/^\s*</.test(text.replace(/^\uFEFF/, ''))) {
    throw new ISharesFormatError('This file is a web page (HTML), not an iShares holdings CSV: download the CSV again from the fund page.');
  }
  const records = parseCsv(text);
  const fundName = records[0]?.fields[0]?.trim() ?? '';
  const asOfRecord = records.find((r) => normaliseHeader(r.fields[0] ?? '') === 'fund holdings as of');
  const asOf = asOfRecord ? parseISharesDate(asOfRecord.fields[1] ?? '') : null;
  if (!asOf) throw new ISharesFormatError('No "Fund Holdings as of" date in the first lines: not an iShares holdings file.');

  const headerIndex = records.findIndex((r) => normaliseHeader(r.fields[0] ?? '') === 'ticker');
  const header = records[headerIndex];
  if (!header) throw new ISharesFormatError('No holdings header row (Ticker, Name, …) found.');
  const col = columnFinder(header);
  const layout: ISharesLayout = col('type') >= 0 && col('market weight') >= 0 ? 'ishares-2026' : 'ishares-classic';
  const weightCol = layout === 'ishares-2026' ? col('market weight') : col('weight (%)');
  const required = { name: col('name'), sector: col('sector'), assetClass: col('asset class'), marketValue: col('market value') };
  const missing = Object.entries(required).filter(([, i]) => i < 0).map(([k]) => k);
  if (missing.length || weightCol < 0) {
    throw new ISharesFormatError(`line ${header.line}: holdings header lacks ${[...missing, ...(weightCol < 0 ? ['weight'] : [])].join(', ')}.`);
  }

  const rows: ISharesRow[] = [];
  for (const record of records.slice(headerIndex + 1)) {
    // The holdings end at the first blank line; the legal text follows.
    if (isBlankRecord(record)) break;
    const f = (i: number) => (record.fields[i] ?? '').trim();
    rows.push({
      line: record.line,
      ticker: f(0),
      name: f(required.name),
      sector: f(required.sector),
      assetClass: f(required.assetClass),
      type: layout === 'ishares-2026' ? f(col('type')) : null,
      marketValue: parseNumber(f(required.marketValue)),
      weightPct: parseNumber(f(weightCol)),
    });
  }
  if (rows.length === 0) throw new ISharesFormatError(`line ${header.line}: the holdings table is empty.`);
  return { fundName, asOf, layout, rows };
}

function columnFinder(header: CsvRecord) {
  const names = header.fields.map(normaliseHeader);
  return (name: string) => names.indexOf(name);
}

/** An equity holding of the index (not cash, futures, collateral, swaps or warrants). */
export function isEquityRow(row: ISharesRow): boolean {
  if (row.assetClass.toLowerCase() !== 'equity') return false;
  if (row.type !== null && row.type.toUpperCase() !== 'EQUITY') return false;
  return row.ticker !== '' && row.ticker !== '-' && row.marketValue !== null && row.marketValue > 0;
}
