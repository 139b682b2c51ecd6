/**
 * `breadth.audit/v2` snapshots built by hand for the screens' tests: every new field filled, numbers
 * chosen so each figure is easy to check by eye. $50,000 in two accounts:
 *
 *   NVDA  $6,000 top 10            VTI   $10,000 fund, its own holdings (35 % top 10)
 *   JPM   $3,000 rest of S&P 500   VTSAX  $4,000 fund, seen through VTI's holdings (share class)
 *   CRS   $2,000 S&P 400           VXUS   $8,000 international
 *   VFIFX $5,000 unresolved fund   ZZQX   $1,000 unrecognised symbol   cash $11,000
 *
 * Top 10: 6,000 + 0.35 × 14,000 = 10,900 → 21.8 %; unseen 6,000 → 12.0 %; if the unseen money held
 * the S&P 500 (38.9 % top 10): 21.8 + 12 × 0.389 = 26.468 %; at most 33.8 %.
 */
import { AuditSnapshotSchema, type AuditSnapshot, type AuditedHolding, type RuleResult } from '../../schema/audit';

const IRA = 'file:IRA ••1111';
const TAXABLE = 'page:Individual ••5678';

const VTI_HOLDINGS = { kind: 'holdings', source: 'VTI', publisher: 'Vanguard', asOf: '2025-10-31' } as const;

const holdings: AuditedHolding[] = [
  { symbol: 'VTI', description: 'VANGUARD TOTAL STOCK MARKET ETF', accountKey: TAXABLE, quantity: 30, marketValue: 10_000, share: 0.2, category: 'fund', fundTracks: 'holdings', topTenLookThrough: 0.35, fundName: 'Vanguard Total Stock Market ETF', seenThrough: { ...VTI_HOLDINGS, relation: 'own', text: 'seen through VTI’s holdings (Vanguard, 2025-10-31)' } },
  { symbol: 'VXUS', description: 'VANGUARD TOTAL INTL STOCK ETF', accountKey: TAXABLE, quantity: 110, marketValue: 8_000, share: 0.16, category: 'international', fundName: 'Vanguard Total International Stock ETF', reason: 'invests outside the US' },
  { symbol: 'NVDA', description: 'NVIDIA CORP', accountKey: TAXABLE, quantity: 33, marketValue: 6_000, share: 0.12, category: 'top10', issuer: 'NVIDIA', index: 'sp500' },
  { symbol: 'VFIFX', description: 'VANGUARD TARGET RETIREMENT 2050', accountKey: IRA, quantity: 90, marketValue: 5_000, share: 0.1, category: 'unresolvedFund', fundName: 'Vanguard Target Retirement 2050 Fund', reason: 'target-date fund' },
  { symbol: 'VTSAX', description: 'VANGUARD TOTAL STOCK MKT IDX ADM', accountKey: IRA, quantity: 27, marketValue: 4_000, share: 0.08, category: 'fund', fundTracks: 'holdings', topTenLookThrough: 0.35, fundName: 'Vanguard Total Stock Market Index Fund Admiral Shares', seenThrough: { ...VTI_HOLDINGS, relation: 'share-class', text: 'seen through VTI’s holdings (Vanguard, 2025-10-31): share class' } },
  { symbol: 'JPM', description: 'JPMORGAN CHASE & CO', accountKey: TAXABLE, quantity: 10, marketValue: 3_000, share: 0.06, category: 'sp500', issuer: 'JPMorgan Chase', index: 'sp500' },
  { symbol: 'CRS', description: 'CARPENTER TECHNOLOGY', accountKey: IRA, quantity: 4, marketValue: 2_000, share: 0.04, category: 'sp400', issuer: 'Carpenter Technology', index: 'sp400' },
  { symbol: 'ZZQX', description: '<b>ZZQX</b> HOLDINGS', accountKey: IRA, quantity: 100, marketValue: 1_000, share: 0.02, category: 'unrecognised', reason: 'not in the directory' },
  { symbol: 'SPAXX**', description: 'HELD IN MONEY MARKET', accountKey: TAXABLE, quantity: null, marketValue: 11_000, share: 0.22, category: 'cash' },
];

const rules: RuleResult[] = [
  { id: 'top-ten-above-index', level: 'ok', value: 0.218, threshold: 0, message: 'At least 21.8 % of your money is in the top 10, below the index’s own 38.9 %.' },
  { id: 'single-issuer', level: 'ok', value: 0.14, threshold: 0.1, message: 'NVIDIA is your largest company at 14.0 %.' },
  { id: 'closet-indexing', level: 'consider', value: 0.45, threshold: 0.6, message: 'Active share 45 %: your stocks largely mirror the S&P 500.' },
  { id: 'no-mid-small', level: 'ok', value: 0.04, threshold: 0, message: 'You hold mid-caps (4.0 %).' },
  { id: 'sector-tilt', level: 'ok', value: 0.03, threshold: 0.05, message: 'No sector is more than 5 pp away from the index.' },
  { id: 'source-totals', level: 'caution', value: 12_000, threshold: 1, message: 'One total the source states does not match the rows read: Individual ••5678.' },
  { id: 'unseen-money', level: 'caution', value: 0.12, threshold: 0.02, message: '12.0 % of your money is in funds and symbols Breadth cannot see into.' },
];

/** Bounded: 12 % unseen; one failed reconciliation check and one that agrees. */
export const boundedAudit: AuditSnapshot = AuditSnapshotSchema.parse({
  schema: 'breadth.audit/v2',
  generatedAt: '2026-11-24T12:00:00.000Z',
  referenceAsOf: '2026-06-19',
  referenceSource: 'iShares IVV, IJH, IJR holdings as of 2026-06-19',
  scope: { kind: 'household', label: 'All accounts' },
  portfolio: {
    totalValue: 50_000,
    grossLongValue: 50_000,
    shortValue: 0,
    debtValue: 0,
    holdingsCount: holdings.length,
    accounts: [
      { key: TAXABLE, label: 'Individual ••5678', sourceLabel: 'Holdings table on broker.example', readAt: '2026-11-24T11:50:00.000Z', totalValue: 38_000 },
      { key: IRA, label: 'IRA ••1111', sourceLabel: 'Fidelity positions file', readAt: '2026-11-24T11:55:00.000Z', totalValue: 12_000 },
    ],
    unreadRows: 0,
    reconciliation: [
      { scope: 'account', accountKey: TAXABLE, label: 'Individual ••5678', statedLabel: 'Account Total', stated: 26_000, read: 38_000, difference: 12_000, ok: false, message: 'Individual ••5678: read $38,000, the source’s Account Total says $26,000: 2 rows look like lot rows (a symbol repeated, or a date).' },
      { scope: 'account', accountKey: IRA, label: 'IRA ••1111', statedLabel: 'Total', stated: 12_000, read: 12_000, difference: 0, ok: true, message: 'IRA ••1111: read $12,000, the source’s Total says $12,000.' },
    ],
  },
  exposure: {
    topTen: {
      share: 0.218,
      benchmarkShare: 0.389,
      issuers: [
        { issuer: 'NVIDIA', tickers: ['NVDA'], share: 0.14, direct: 0.12, viaFunds: 0.02, benchmark: 0.08 },
        { issuer: 'Apple', tickers: ['AAPL'], share: 0.02, direct: 0, viaFunds: 0.02, benchmark: 0.07 },
      ],
      unseen: 0.12,
      shareIfUnseenLikeIndex: 0.218 + 0.12 * 0.389,
      shareAtMost: 0.338,
      bounded: true,
      unseenHoldings: [
        { name: 'ZZQX', share: 0.02, category: 'unrecognised', reason: 'not in the directory' },
        { name: 'VFIFX', share: 0.1, category: 'unresolvedFund', reason: 'target-date fund' },
      ],
    },
    tiers: { top10: 0.218, restOfSp500: 0.242, sp400: 0.04, sp600: 0, otherEquity: 0, international: 0.16, unresolved: 0.1, unrecognised: 0.02, cash: 0.22, nonEquity: 0 },
    sectors: [
      { sector: 'Information Technology', portfolio: 0.4, benchmark: 0.33 },
      { sector: 'Financials', portfolio: 0.12, benchmark: 0.13 },
    ],
    activeShare: 0.45,
    coverage: 0.8,
    lookThroughSources: [
      { source: 'VTI', publisher: 'Vanguard', asOf: '2025-10-31', usedFor: ['VTI', 'VTSAX'] },
      { source: 'S&P 500 (iShares IVV)', publisher: 'iShares', asOf: '2026-06-19', usedFor: ['NVDA', 'JPM'] },
    ],
    largestIssuer: { issuer: 'NVIDIA', share: 0.14 },
  },
  rules,
  holdings,
});

/** Not bounded: the target-date fund sold for cash, ZZQX down to $500 (1 %); every total agrees. */
export const seenAudit: AuditSnapshot = AuditSnapshotSchema.parse({
  ...boundedAudit,
  portfolio: {
    ...boundedAudit.portfolio,
    holdingsCount: holdings.length - 1,
    reconciliation: [boundedAudit.portfolio.reconciliation[1]],
  },
  exposure: {
    ...boundedAudit.exposure,
    topTen: {
      ...boundedAudit.exposure.topTen,
      unseen: 0.01,
      shareIfUnseenLikeIndex: 0.218 + 0.01 * 0.389,
      shareAtMost: 0.228,
      bounded: false,
      unseenHoldings: [{ name: 'ZZQX', share: 0.01, category: 'unrecognised', reason: 'not in the directory' }],
    },
    tiers: { ...boundedAudit.exposure.tiers, unresolved: 0, unrecognised: 0.01, cash: 0.33 },
  },
  rules: rules
    .filter((r) => r.id !== 'unseen-money' && r.id !== 'source-totals')
    .concat([
      { id: 'source-totals', level: 'ok', value: 0, threshold: 1, message: 'Every total the source states matches the rows read.' },
      { id: 'unseen-money', level: 'ok', value: 0.01, threshold: 0.02, message: '1.0 % of your money is in symbols Breadth cannot see into.' },
    ]),
  holdings: holdings
    .filter((h) => h.symbol !== 'VFIFX')
    .map((h) => (h.symbol === 'ZZQX' ? { ...h, marketValue: 500, share: 0.01 } : h.symbol === 'SPAXX**' ? { ...h, marketValue: 16_500, share: 0.33 } : h)),
});
