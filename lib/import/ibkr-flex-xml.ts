/**
 * Interactive Brokers Flex Query XML (Reports → Flex Queries, with the Open Positions section):
 * one `<OpenPosition …/>` element per position, attributes only. Values are in each position's own
 * currency; Breadth audits in USD, so other currencies are converted through the statement's own
 * rates (`fxRateToBase` of a USD position gives the base currency's rate to USD).
 */
import type { RawHolding, SkippedRow } from '../schema/holdings';
import { maskAccountNumber } from '../format/account';
import { ImportError } from './errors';
import type { PositionsFormat } from './types';

/** Attributes of every `<Tag …>` element, in document order. */
function elements(text: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<${tag}\\s([^>]*?)/?>`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) attrs[a[1]!] = a[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    out.push(attrs);
  }
  return out;
}

const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number.isFinite(Number(s)) ? Number(s) : null);

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
    const baseToUsd = usdPosition ? 1 / num(usdPosition.fxRateToBase)! : null;
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    positions.forEach((p, i) => {
      const value = num(p.positionValue);
      const rate = num(p.fxRateToBase);
      const usd = p.currency === 'USD' ? value : value !== null && rate !== null && baseToUsd !== null ? value * rate * baseToUsd : null;
      if (usd === null) {
        skipped.push({ row: i + 1, reason: `position ${i + 1} (${p.symbol ?? '?'}): value in ${p.currency ?? 'an unknown currency'} with no rate to USD in this statement` });
        return;
      }
      const category = (p.assetCategory ?? '').toUpperCase();
      holdings.push({
        symbol: p.symbol || p.cusip || undefined,
        description: p.description || undefined,
        quantity: num(p.position),
        price: p.currency === 'USD' ? num(p.markPrice) : null,
        marketValue: usd,
        account: p.accountId ? `Interactive Brokers ${maskAccountNumber(p.accountId)}` : undefined,
        rowKind: category === 'CASH' ? 'cash' : 'position',
      });
    });
    return { holdings, skipped };
  },
};
