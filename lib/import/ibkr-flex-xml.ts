/**
 * Interactive Brokers Flex Query XML (Reports → Flex Queries, with the Open Positions section):
 * one `<OpenPosition …/>` element per position, attributes only. Values are in each position's own
 * currency; Breadth audits in USD, so other currencies are converted through the statement's own
 * rates (`fxRateToBase` of a USD position gives the base currency's rate to USD).
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { maskAccountNumber } from '../format/account';
import { ImportError } from './errors';
import { moneyAmount, type ParsedMoney } from '../format/number';
import { BEYOND_ROW_LIMIT } from './columns';
import type { PositionsFormat } from './types';

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
const isNameChar = (ch: string | undefined) => ch !== undefined && /[\w.:-]/.test(ch);
const decodeEntities = (value: string) => value.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Attributes of every `<Tag …>` element, in document order, read by a tokenizer that visits each
 * character a bounded number of times (the regexes it replaces backtracked quadratically on an
 * attribute without `=` or an element without `>`). Malformed attributes are passed over; an
 * element cut off by the end of the file ends the read.
 */
export function elements(text: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const open = `<${tag}`;
  let at = text.indexOf(open);
  while (at >= 0) {
    let i = at + open.length;
    // `<OpenPositions>` is another element: the name must end here.
    if (!isSpace(text[i]) && text[i] !== '/' && text[i] !== '>') {
      at = text.indexOf(open, i);
      continue;
    }
    const attrs: Record<string, string> = {};
    let closed = false;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '>') {
        closed = true;
        i++;
        break;
      }
      if (ch === '<') break; // never closed: the next element starts here
      if (!isNameChar(ch) || ch === '-' || ch === '.') {
        i++; // spaces, "/" and stray characters between attributes
        continue;
      }
      const nameStart = i;
      while (isNameChar(text[i])) i++;
      const name = text.slice(nameStart, i);
      while (isSpace(text[i])) i++;
      if (text[i] !== '=') continue; // a name without a value: passed over
      i++;
      while (isSpace(text[i])) i++;
      const quote = text[i];
      if (quote !== '"' && quote !== "'") continue;
      const valueEnd = text.indexOf(quote, i + 1);
      if (valueEnd < 0) return out; // an attribute value that never ends: the file is cut off here
      attrs[name] = decodeEntities(text.slice(i + 1, valueEnd));
      i = valueEnd + 1;
    }
    if (closed || i < text.length) out.push(attrs);
    at = text.indexOf(open, i);
  }
  return out;
}

/** A Flex amount: what Number reads (Flex writes plain decimals), bounded like every amount. */
const amount = (s: string | undefined): ParsedMoney => (s === undefined || s.trim() === '' ? { kind: 'empty' } : moneyAmount(Number(s)));
const num = (s: string | undefined) => {
  const parsed = amount(s);
  return parsed.kind === 'value' ? parsed.value : null;
};

export const ibkrFlexXml: PositionsFormat = {
  id: 'ibkr-flex-xml',
  label: 'Interactive Brokers Flex statement',
  detect: ({ text }) => /<FlexQueryResponse[\s>]/.test(text.slice(0, 2000)) || /<FlexStatements?[\s>]/.test(text.slice(0, 2000)),
  read({ text }) {
    if (!/<OpenPositions?[\s>]/.test(text)) {
      throw new ImportError('this Flex statement has no Open Positions section: add it to the Flex Query and run it again');
    }
    const positions = elements(text, 'OpenPosition').filter((p) => (p.levelOfDetail ?? 'SUMMARY').toUpperCase() === 'SUMMARY');
    const usdPosition = positions.find((p) => p.currency === 'USD' && num(p.fxRateToBase));
    // Base currency → USD: 1 when a USD position is at rate 1 (USD base), else the inverse of its rate.
    const baseToUsd = usdPosition ? 1 / num(usdPosition.fxRateToBase)! : null; // a tiny rate may make it huge: the bound below catches it
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    positions.forEach((p, i) => {
      const value = num(p.positionValue);
      const rate = num(p.fxRateToBase);
      const label = `position ${i + 1} (${(p.symbol ?? '?').slice(0, 64)})`;
      const usd = p.currency === 'USD' ? value : value !== null && rate !== null && baseToUsd !== null ? value * rate * baseToUsd : null;
      if (usd === null && amount(p.positionValue).kind === 'out-of-range') {
        skipped.push({ row: i + 1, reason: `${label}: value ${BEYOND_ROW_LIMIT}` });
        return;
      }
      if (usd === null) {
        skipped.push({ row: i + 1, reason: `${label}: value in ${(p.currency ?? 'an unknown currency').slice(0, 20)} with no rate to USD in this statement` });
        return;
      }
      // Converted, an amount may still leave the bounds (a huge rate): refused like any other.
      const usdAmount = moneyAmount(usd);
      if (usdAmount.kind !== 'value') {
        skipped.push({ row: i + 1, reason: `${label}: value in USD ${BEYOND_ROW_LIMIT}` });
        return;
      }
      const category = (p.assetCategory ?? '').toUpperCase();
      holdings.push({
        symbol: p.symbol || p.cusip || undefined,
        description: p.description || undefined,
        quantity: num(p.position),
        price: p.currency === 'USD' ? num(p.markPrice) : null,
        marketValue: usdAmount.value,
        account: p.accountId ? `Interactive Brokers ${maskAccountNumber(p.accountId)}` : undefined,
        rowKind: category === 'CASH' ? 'cash' : 'position',
      });
    });
    return { holdings, skipped };
  },
};
