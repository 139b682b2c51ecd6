import type { RuleId, RuleLevel, TierId } from '@/lib/schema/audit';

export const TIER_LABELS: Record<TierId, string> = {
  top10: 'Top 10',
  restOfSp500: 'Rest of S&P 500',
  sp400: 'Mid-caps (S&P 400)',
  sp600: 'Small-caps (S&P 600)',
  otherEquity: 'Other stocks',
  unresolved: 'Unknown funds',
  cash: 'Cash',
  nonEquity: 'Bonds & other',
};

/** Tier colours, chosen to stay distinguishable in both themes; the legend always names them. */
export const TIER_COLORS: Record<TierId, string> = {
  top10: '#c5221f',
  restOfSp500: '#1a73e8',
  sp400: '#188038',
  sp600: '#12a4af',
  otherEquity: '#9334e6',
  unresolved: '#e37400',
  cash: '#9aa0a6',
  nonEquity: '#5f6368',
};

export const RULE_TITLES: Record<RuleId, string> = {
  'top-ten-above-index': 'Top-10 exposure',
  'single-issuer': 'Largest single company',
  'closet-indexing': 'Closet indexing',
  'no-mid-small': 'Mid & small caps',
  'sector-tilt': 'Sector tilts',
};

export const LEVEL_LABELS: Record<RuleLevel, { icon: string; word: string }> = {
  ok: { icon: '✓', word: 'OK' },
  consider: { icon: '!', word: 'Consider' },
  caution: { icon: '▲', word: 'Caution' },
};
