/**
 * The audit engine: (accounts, reference, settings, time) → AuditSnapshot. Pure: no browser, no
 * clock, no storage. Every figure is defined once here and in the README glossary.
 *
 * Money is USD in floating point; shares are computed from unrounded values and never rounded in
 * the snapshot (rounding happens only when a number is shown).
 */
import { AUDIT_SCHEMA_ID, type AuditedHolding, type AuditSnapshot, type SectorWeight, type Tiers } from '../schema/audit';
import type { StoredAccount } from '../schema/portfolio';
import { GICS_SECTORS, type FundTracking, type IndexId } from '../schema/reference';
import type { RuleSettings } from '../schema/settings';
import type { Reference } from '../reference';
import { classify } from './classify';
import { evaluateRules } from './rules';

export interface AuditInput {
  accounts: readonly StoredAccount[];
  reference: Reference;
  settings: RuleSettings;
  generatedAt: Date;
  /** Household (all accounts, default) or one account. */
  scope?: { kind: 'household' } | { kind: 'account'; accountKey: string };
}

/** Exposure of the portfolio to one issuer, in USD. */
interface IssuerExposure {
  direct: number;
  viaFunds: number;
}

const OTHER_EQUITY_PREFIX = 'other:';

export function buildAudit(input: AuditInput): AuditSnapshot {
  const { reference, settings } = input;
  const scope = input.scope ?? { kind: 'household' as const };
  const accounts =
    scope.kind === 'account' ? input.accounts.filter((a) => a.key === scope.accountKey) : [...input.accounts];

  const tiersUsd: Tiers = { top10: 0, restOfSp500: 0, sp400: 0, sp600: 0, otherEquity: 0, unresolved: 0, cash: 0, nonEquity: 0 };
  const exposure = new Map<string, IssuerExposure>();
  const fundValue: Record<Exclude<FundTracking, 'holdings'>, number> = { sp500: 0, sp400: 0, sp600: 0, 'sp500-equal': 0 };
  const audited: AuditedHolding[] = [];
  let unreadRows = 0;
  const addExposure = (key: string, field: keyof IssuerExposure, usd: number) => {
    const e = exposure.get(key) ?? { direct: 0, viaFunds: 0 };
    e[field] += usd;
    exposure.set(key, e);
  };

  const sp500 = reference.issuersByIndex.sp500;
  const topTenWeight = reference.topTen.reduce((sum, i) => sum + i.weight, 0);
  const equalWeight = sp500.length > 0 ? 1 / sp500.length : 0;

  for (const account of accounts) {
    unreadRows += account.skipped.length;
    for (const holding of account.holdings) {
      const c = classify(holding, reference);
      if (c.kind === 'excluded') continue;
      if (holding.marketValue == null) {
        // A value the source does not show is unknown, not zero: counted as unread, never guessed.
        unreadRows += 1;
        continue;
      }
      const value = holding.marketValue;
      // `share` is filled in once the total is known.
      const entry: AuditedHolding = {
        symbol: holding.symbol?.trim() || null,
        description: holding.description?.trim() ?? '',
        accountKey: account.key,
        quantity: holding.quantity ?? null,
        marketValue: value,
        share: 0,
        category: 'nonEquity',
      };
      audited.push(entry);
      // Short positions and other negative non-cash lines are liabilities, not exposure.
      if (value < 0 && c.kind !== 'cash') {
        tiersUsd.nonEquity += value;
        continue;
      }
      switch (c.kind) {
        case 'cash':
          tiersUsd.cash += value;
          entry.category = 'cash';
          break;
        case 'nonEquity':
          tiersUsd.nonEquity += value;
          break;
        case 'stock': {
          const { issuer } = c;
          addExposure(issuer.key, 'direct', value);
          const category = reference.topTenKeys.has(issuer.key) ? 'top10' : issuer.index;
          tiersUsd[category === 'top10' ? 'top10' : tierOfIndex(issuer.index)] += value;
          Object.assign(entry, { category, issuer: issuer.name, index: issuer.index });
          break;
        }
        case 'fund': {
          const tracks = c.fund.tracks;
          const seen = reference.fundLookThrough.get(c.fund.ticker);
          if (tracks === 'holdings') {
            // A fund imported with its own holdings: its value spreads over them by weight.
            if (!seen) {
              tiersUsd.unresolved += value;
              entry.category = 'unresolvedFund';
              break;
            }
            for (const { issuer, weight } of seen.issuers) {
              addExposure(issuer.key, 'viaFunds', value * weight);
              tiersUsd[reference.topTenKeys.has(issuer.key) ? 'top10' : tierOfIndex(issuer.index)] += value * weight;
            }
            for (const { ticker, weight } of seen.otherEquity) {
              addExposure(OTHER_EQUITY_PREFIX + ticker, 'viaFunds', value * weight);
              tiersUsd.otherEquity += value * weight;
            }
            tiersUsd.cash += value * seen.rest;
            const topTenByIssuer = Object.fromEntries(seen.issuers.filter((x) => reference.topTenKeys.has(x.issuer.key)).map((x) => [x.issuer.name, x.weight]));
            Object.assign(entry, { category: 'fund', fundTracks: tracks, topTenLookThrough: seen.topTen, topTenByIssuer });
            break;
          }
          fundValue[tracks] += value;
          const topTenLookThrough =
            tracks === 'sp500' ? topTenWeight : tracks === 'sp500-equal' ? reference.topTen.length * equalWeight : 0;
          Object.assign(entry, { category: 'fund', fundTracks: tracks, topTenLookThrough });
          break;
        }
        case 'otherEquity':
          tiersUsd.otherEquity += value;
          addExposure(OTHER_EQUITY_PREFIX + c.ticker, 'direct', value);
          entry.category = 'otherEquity';
          break;
        case 'unresolvedFund':
          tiersUsd.unresolved += value;
          entry.category = 'unresolvedFund';
          break;
      }
    }
  }

  // Look-through: a fund's value spreads over its index's issuers by index weight.
  for (const tracks of ['sp500', 'sp400', 'sp600'] as const) {
    const v = fundValue[tracks];
    if (v === 0) continue;
    for (const issuer of reference.issuersByIndex[tracks]) addExposure(issuer.key, 'viaFunds', v * issuer.weight);
    if (tracks === 'sp500') {
      tiersUsd.top10 += v * topTenWeight;
      tiersUsd.restOfSp500 += v * (1 - topTenWeight);
    } else {
      tiersUsd[tracks] += v;
    }
  }
  const eq = fundValue['sp500-equal'];
  if (eq !== 0) {
    for (const issuer of sp500) addExposure(issuer.key, 'viaFunds', eq * equalWeight);
    const topShare = reference.topTen.length * equalWeight;
    tiersUsd.top10 += eq * topShare;
    tiersUsd.restOfSp500 += eq * (1 - topShare);
  }

  const totalValue = sumValues(tiersUsd);
  const share = (usd: number) => (totalValue > 0 ? usd / totalValue : 0);
  const tiers = mapValues(tiersUsd, share);
  const accountTotals = new Map<string, number>();
  for (const h of audited) {
    h.share = share(h.marketValue);
    accountTotals.set(h.accountKey, (accountTotals.get(h.accountKey) ?? 0) + h.marketValue);
  }

  // The look-through equity sleeve: everything resolved to an issuer (unresolved funds left out).
  const sleeve = tiersUsd.top10 + tiersUsd.restOfSp500 + tiersUsd.sp400 + tiersUsd.sp600 + tiersUsd.otherEquity;
  const hasEquity = sleeve > 0;

  const topTenIssuers = reference.topTen.map((issuer) => {
    const e = exposure.get(issuer.key) ?? { direct: 0, viaFunds: 0 };
    return {
      issuer: issuer.name,
      tickers: [...issuer.tickers],
      share: share(e.direct + e.viaFunds),
      direct: share(e.direct),
      viaFunds: share(e.viaFunds),
      benchmark: issuer.weight,
    };
  });

  let largestIssuer: AuditSnapshot['exposure']['largestIssuer'] = null;
  for (const [key, e] of exposure) {
    const s = share(e.direct + e.viaFunds);
    if (s > 0 && (!largestIssuer || s > largestIssuer.share)) {
      const name = key.startsWith(OTHER_EQUITY_PREFIX) ? key.slice(OTHER_EQUITY_PREFIX.length) : reference.issuers.get(key)?.name ?? key;
      largestIssuer = { issuer: name, share: s };
    }
  }

  const snapshot: AuditSnapshot = {
    schema: AUDIT_SCHEMA_ID,
    generatedAt: input.generatedAt.toISOString(),
    referenceAsOf: reference.asOf,
    referenceSource: reference.sourceLabel,
    scope:
      scope.kind === 'account'
        ? { kind: 'account', accountKey: scope.accountKey, label: accounts[0]?.label ?? 'Account' }
        : { kind: 'household', label: 'All accounts' },
    portfolio: {
      totalValue,
      holdingsCount: audited.length,
      accounts: accounts.map((a) => ({
        key: a.key,
        label: a.label,
        sourceLabel: a.source.label,
        readAt: a.readAt,
        totalValue: accountTotals.get(a.key) ?? 0,
      })),
      unreadRows,
    },
    exposure: {
      topTen: {
        share: topTenIssuers.reduce((s, i) => s + i.share, 0),
        benchmarkShare: Math.min(1, topTenWeight),
        issuers: topTenIssuers,
      },
      tiers,
      sectors: hasEquity ? sectorWeights(exposure, reference, sleeve) : [],
      activeShare: hasEquity ? clampFraction(activeShare(exposure, reference, sleeve)) : null,
      coverage: sleeve + tiersUsd.unresolved > 0 ? clampFraction(sleeve / (sleeve + tiersUsd.unresolved)) : null,
      largestIssuer,
    },
    rules: [],
    holdings: audited,
  };
  snapshot.rules = evaluateRules(snapshot, settings);
  return snapshot;
}

function tierOfIndex(index: IndexId): 'restOfSp500' | 'sp400' | 'sp600' {
  return index === 'sp500' ? 'restOfSp500' : index;
}

/**
 * Active share against the S&P 500 (Cremers & Petajisto 2009): ½ Σ |w_portfolio − w_index| over
 * every issuer in either, with portfolio weights taken on the look-through equity sleeve.
 */
export function activeShare(exposure: ReadonlyMap<string, IssuerExposure>, reference: Reference, sleeve: number): number {
  let sum = 0;
  for (const [key, e] of exposure) {
    const issuer = reference.issuers.get(key);
    const benchmark = issuer?.index === 'sp500' ? issuer.weight : 0;
    sum += Math.abs((e.direct + e.viaFunds) / sleeve - benchmark);
  }
  for (const issuer of reference.issuersByIndex.sp500) if (!exposure.has(issuer.key)) sum += issuer.weight;
  return sum / 2;
}

/** Sector weights of the equity sleeve against the S&P 500's, in GICS order; `Unclassified` = stocks outside the reference. */
function sectorWeights(exposure: ReadonlyMap<string, IssuerExposure>, reference: Reference, sleeve: number): SectorWeight[] {
  const bySector = new Map<string, number>();
  for (const [key, e] of exposure) {
    const sector = reference.issuers.get(key)?.sector ?? 'Unclassified';
    bySector.set(sector, (bySector.get(sector) ?? 0) + e.direct + e.viaFunds);
  }
  const rows: SectorWeight[] = GICS_SECTORS.map((sector) => ({
    sector,
    portfolio: clampFraction((bySector.get(sector) ?? 0) / sleeve),
    benchmark: clampFraction(reference.sp500Sectors.get(sector) ?? 0),
  }));
  const unclassified = bySector.get('Unclassified') ?? 0;
  if (unclassified > 0) rows.push({ sector: 'Unclassified', portfolio: clampFraction(unclassified / sleeve), benchmark: 0 });
  return rows;
}

/** Floating-point sums can land a hair outside [0, 1]. */
function clampFraction(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function sumValues(tiers: Tiers): number {
  return Object.values(tiers).reduce((s, v) => s + v, 0);
}

function mapValues<T extends Record<string, number>>(obj: T, f: (v: number) => number): T {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, f(v)])) as T;
}
