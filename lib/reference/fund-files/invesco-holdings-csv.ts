/**
 * Invesco ETF holdings CSV (the "Download holdings" file of a fund page on invesco.com, e.g. QQQ):
 * one header line `Fund Ticker,Security Identifier,Holding Ticker,…,Date`, then one line per holding.
 * Quirks: `Holding Ticker` has trailing spaces, numbers are quoted with thousands separators, and
 * the as-of date is only in the `Date` column (`MM/DD/YYYY`) of every row.
 */
import { isBlankRecord, normaliseHeader, parseCsv, stripBom } from '../../import/csv';
import { parseNumber } from '../../format/number';
import { FUND_MAP } from '../funds';
import { FundFileFormatError, type FundHoldingsFile, type FundHoldingsRow } from './types';

/** Share classes that are stock of a company (Invesco prints ADRs as `American Depository Receipt - NY`). */
const EQUITY_CLASS = /^(common stock|ordinary shares?|american depositary|american depository|reit\b|real estate investment trust)/i;

/** Cheap check for format detection: the first non-blank line is Invesco's holdings header. */
export function looksLikeInvescoHoldings(text: string): boolean {
  const first = stripBom(text).trimStart().split(/\r?\n/, 1)[0] ?? '';
  return /^"?fund ticker"?,/i.test(first) && /holding ticker/i.test(first);
}

export function parseInvescoHoldings(text: string): FundHoldingsFile {
  // The fund sites answer a stale download link with an HTML page that browsers save as .csv.
  if (/^\s*</.test(stripBom(text))) {
    throw new FundFileFormatError('This file is a web page (HTML), not an Invesco holdings CSV: download it again from the fund page.');
  }
  const records = parseCsv(text);
  const headerIndex = records.findIndex((r) => {
    const names = r.fields.map(normaliseHeader);
    return names.includes('holding ticker') && names.includes('weight');
  });
  const header = records[headerIndex];
  if (!header) throw new FundFileFormatError('No holdings header (Fund Ticker, Holding Ticker, Weight, …) found: not an Invesco holdings CSV.');
  const names = header.fields.map(normaliseHeader);
  const col = (...alternatives: string[]) => names.findIndex((n) => alternatives.includes(n));
  const c = {
    fund: col('fund ticker'),
    ticker: col('holding ticker'),
    marketValue: col('marketvalue', 'market value'),
    weight: col('weight'),
    name: col('name'),
    shareClass: col('class of shares'),
    sector: col('sector'),
    date: col('date'),
  };
  const needed: [string, number][] = [['Fund Ticker', c.fund], ['Name', c.name], ['Class of Shares', c.shareClass], ['Date', c.date]];
  const missing = needed.filter(([, i]) => i < 0).map(([label]) => label);
  if (missing.length) throw new FundFileFormatError(`line ${header.line}: the holdings header lacks ${missing.join(', ')}.`);

  const rows: FundHoldingsRow[] = [];
  let fund = '';
  let asOf: string | null = null;
  for (const record of records.slice(headerIndex + 1)) {
    if (isBlankRecord(record)) break; // nothing follows the table but blank lines
    const f = (i: number) => (i < 0 ? '' : (record.fields[i] ?? '').trim());
    const ticker = f(c.ticker) === '-' ? '' : f(c.ticker);
    fund ||= f(c.fund);
    asOf ??= parseUsDate(f(c.date));
    rows.push({
      line: record.line,
      ticker,
      name: f(c.name),
      sector: f(c.sector) === '' || f(c.sector) === '-' ? null : f(c.sector),
      weightPct: parseNumber(f(c.weight)),
      marketValue: parseNumber(f(c.marketValue)),
      isEquity: ticker !== '' && EQUITY_CLASS.test(f(c.shareClass)),
    });
  }
  if (rows.length === 0) throw new FundFileFormatError(`line ${header.line}: the holdings table is empty.`);
  if (!asOf) throw new FundFileFormatError('No as-of date (Date column, MM/DD/YYYY) in the holdings: cannot tell how old the file is.');
  const fundName = FUND_MAP.find((x) => x.ticker === fund)?.name ?? `Invesco ${fund}`.trim();
  return { publisher: 'Invesco', fund, fundName, asOf, rows };
}

/** `12/26/2024` → `2024-12-26`; null for anything else. */
function parseUsDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m || +m[1]! < 1 || +m[1]! > 12 || +m[2]! < 1 || +m[2]! > 31) return null;
  return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}
