import type { RuleId, RuleLevel, TierId } from '@/lib/schema/audit';

export const TIER_LABELS: Record<TierId, string> = {
  top10: 'Top 10',
  restOfSp500: 'Rest of S&P 500',
  sp400: 'Mid-caps (S&P 400)',
  sp600: 'Small-caps (S&P 600)',
  otherEquity: 'Other stocks',
  international: 'International',
  unresolved: 'Unknown funds',
  unrecognised: 'Unknown symbols',
  cash: 'Cash',
  nonEquity: 'Bonds & other',
};

/** What each tier holds, in one line (the legend's tooltip). */
export const TIER_HINTS: Record<TierId, string> = {
  top10: 'The S&P 500’s ten largest companies, direct and through funds',
  restOfSp500: 'The other S&P 500 companies',
  sp400: 'S&P MidCap 400 companies',
  sp600: 'S&P SmallCap 600 companies',
  otherEquity: 'Stocks outside the S&P 1500',
  international: 'Stock funds investing outside the US',
  unresolved: 'Funds Breadth cannot see into',
  unrecognised: 'Symbols the security directory does not know',
  cash: 'Cash and money-market funds',
  nonEquity: 'Bonds, bills, options, crypto and other non-stock lines',
};

/**
 * Tier colours for the light theme, chosen to stay apart from each other; the legend always names
 * them. Screens draw `tierColor(id)`, which the stylesheets switch to TIER_COLORS_DARK in dark mode.
 */
export const TIER_COLORS: Record<TierId, string> = {
  top10: '#c5221f',
  restOfSp500: '#1a73e8',
  sp400: '#188038',
  sp600: '#12a4af',
  otherEquity: '#9334e6',
  international: '#d01884',
  unresolved: '#e37400',
  unrecognised: '#a87900',
  cash: '#9aa0a6',
  nonEquity: '#5f6368',
};

/** The same tiers on a dark background: lighter tones of the same hues. */
export const TIER_COLORS_DARK: Record<TierId, string> = {
  top10: '#f28b82',
  restOfSp500: '#8ab4f8',
  sp400: '#81c995',
  sp600: '#78d9ec',
  otherEquity: '#c58af9',
  international: '#ff8bcb',
  unresolved: '#fcad70',
  unrecognised: '#fdd663',
  cash: '#bdc1c6',
  nonEquity: '#80868b',
};

/** A tier's colour as CSS: the theme's variable (`--tier-<id>`), the light colour when none is set. */
export function tierColor(id: TierId): string {
  return `var(--tier-${id}, ${TIER_COLORS[id]})`;
}

export const RULE_TITLES: Record<RuleId, string> = {
  'top-ten-above-index': 'Top-10 exposure',
  'single-issuer': 'Largest single company',
  'closet-indexing': 'Closet indexing',
  'no-mid-small': 'Mid & small caps',
  'sector-tilt': 'Sector tilts',
  'source-totals': 'Totals the source states',
  'unseen-money': 'Money Breadth cannot see into',
};

export const LEVEL_LABELS: Record<RuleLevel, { icon: string; word: string }> = {
  ok: { icon: '✓', word: 'OK' },
  consider: { icon: '!', word: 'Consider' },
  caution: { icon: '▲', word: 'Caution' },
};
