/**
 * The audit engine: (accounts, reference, settings, time) → AuditSnapshot. Pure: no browser, no
 * clock, no storage. Every figure is defined once here and in the README glossary.
 *
 * Money is USD in floating point; shares are computed from unrounded values and never rounded in
 * the snapshot (rounding happens only when a number is shown).
 */
import { AUDIT_SCHEMA_ID, UNSEEN_BOUND_THRESHOLD, type AuditedHolding, type AuditSnapshot, type SectorWeight, type SeenThrough, type Tiers } from '../schema/audit';
import type { StoredAccount } from '../schema/portfolio';
import { GICS_SECTORS, type FundTracking, type IndexId } from '../schema/reference';
import type { RuleSettings } from '../schema/settings';
import type { FundLookThrough, Reference } from '../reference';
import { classify } from './classify';
import { evaluateRules } from './rules';
import { reconcileAccounts } from './reconcile';

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
/** International funds are one position each in the exposure map: not an issuer, not in the benchmark. */
const INTERNATIONAL_PREFIX = 'intl:';

export function buildAudit(input: AuditInput): AuditSnapshot {
  const { reference, settings } = input;
  const scope = input.scope ?? { kind: 'household' as const };
  const accounts =
    scope.kind === 'account' ? input.accounts.filter((a) => a.key === scope.accountKey) : [...input.accounts];

  const tiersUsd: Tiers = { top10: 0, restOfSp500: 0, sp400: 0, sp600: 0, otherEquity: 0, international: 0, unresolved: 0, unrecognised: 0, cash: 0, nonEquity: 0 };
  const unseenUsd = new Map<string, { usd: number; category: 'unresolvedFund' | 'unrecognised'; reason: string }>();
  const sources = new Map<string, { source: string; publisher?: string; asOf: string; usedFor: string[] }>();
  const noteSource = (ticker: string, seen: SeenThrough) => {
    const key = `${seen.source}|${seen.asOf}`;
    const entry = sources.get(key) ?? { source: seen.source, ...(seen.publisher ? { publisher: seen.publisher } : {}), asOf: seen.asOf, usedFor: [] };
    if (!entry.usedFor.includes(ticker)) entry.usedFor.push(ticker);
    sources.set(key, entry);
  };
  const noteUnseen = (name: string, usd: number, category: 'unresolvedFund' | 'unrecognised', reason: string) => {
    const e = unseenUsd.get(name) ?? { usd: 0, category, reason };
    e.usd += usd;
    unseenUsd.set(name, e);
  };
  const exposure = new Map<string, IssuerExposure>();
  const fundValue: Record<Exclude<FundTracking, 'holdings'>, number> = { sp500: 0, sp400: 0, sp600: 0, 'sp500-equal': 0 };
  const holdingsFundValue = new Map<FundLookThrough, number>();
  let shortUsd = 0;
  let debtUsd = 0;
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
      // Shorts and margin debt are real but are not holdings: shown apart, outside every tier and share.
      if (value < 0) {
        if (c.kind === 'cash') {
          debtUsd -= value;
          Object.assign(entry, { category: 'cash', reason: 'margin debt or negative cash' });
        } else {
          shortUsd -= value;
          entry.reason = 'short position or other negative value';
        }
        continue;
      }
      switch (c.kind) {
        case 'cash':
          tiersUsd.cash += value;
          entry.category = 'cash';
          if (c.reason) entry.reason = c.reason;
          break;
        case 'nonEquity':
          tiersUsd.nonEquity += value;
          entry.reason = c.reason;
          if (c.name) entry.fundName = c.name;
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
          noteSource(c.ticker, c.seenThrough);
          Object.assign(entry, { fundName: c.name, seenThrough: c.seenThrough });
          if (c.view.kind === 'holdings') {
            // A fund seen through published holdings: spread over them once per look-through, below.
            const seen = c.view.lookThrough;
            holdingsFundValue.set(seen, (holdingsFundValue.get(seen) ?? 0) + value);
            Object.assign(entry, { category: 'fund', fundTracks: 'holdings', topTenLookThrough: Math.min(1, seen.topTen), topTenByIssuer: { ...seen.topTenByIssuer } });
            break;
          }
          const tracks = c.view.tracks;
          fundValue[tracks] += value;
          const topTenLookThrough =
            tracks === 'sp500' ? topTenWeight : tracks === 'sp500-equal' ? reference.topTen.length * equalWeight : 0;
          Object.assign(entry, { category: 'fund', fundTracks: tracks, topTenLookThrough });
          break;
        }
        case 'international':
          tiersUsd.international += value;
          addExposure(INTERNATIONAL_PREFIX + c.ticker, 'direct', value);
          Object.assign(entry, { category: 'international', reason: c.reason, ...(c.name ? { fundName: c.name } : {}) });
          break;
        case 'otherEquity':
          tiersUsd.otherEquity += value;
          addExposure(OTHER_EQUITY_PREFIX + c.ticker, 'direct', value);
          Object.assign(entry, { category: 'otherEquity', reason: c.reason });
          break;
        case 'unresolvedFund':
          tiersUsd.unresolved += value;
          Object.assign(entry, { category: 'unresolvedFund', reason: c.reason, ...(c.name ? { fundName: c.name } : {}) });
          noteUnseen(entry.symbol ?? c.name ?? c.ticker, value, 'unresolvedFund', c.reason);
          break;
        case 'unrecognised':
          tiersUsd.unrecognised += value;
          Object.assign(entry, { category: 'unrecognised', reason: c.reason });
          noteUnseen(entry.symbol ?? c.ticker, value, 'unrecognised', c.reason);
          break;
      }
    }
  }

  // Look-through of published holdings: the value of every fund seen through one file, spread once.
  for (const [seen, v] of holdingsFundValue) {
    for (const { issuer, weight } of seen.issuers) {
      addExposure(issuer.key, 'viaFunds', v * weight);
      tiersUsd[reference.topTenKeys.has(issuer.key) ? 'top10' : tierOfIndex(issuer.index)] += v * weight;
    }
    for (const { ticker, weight } of seen.otherEquity) {
      addExposure(OTHER_EQUITY_PREFIX + ticker, 'viaFunds', v * weight);
      tiersUsd.otherEquity += v * weight;
    }
    tiersUsd.cash += v * seen.rest;
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

  // Net: the rows' own sum. Shares are of the gross long value (the tiers add up to it), so shorts
  // and debt can neither push a share past 100 % nor make held stocks vanish.
  const totalValue = audited.reduce((s, h) => s + h.marketValue, 0);
  const grossLongValue = audited.reduce((s, h) => s + (h.marketValue > 0 ? h.marketValue : 0), 0);
  const share = (usd: number) => (grossLongValue > 0 ? usd / grossLongValue : 0);
  const tiers = mapValues(tiersUsd, share);
  const accountTotals = new Map<string, number>();
  for (const h of audited) {
    h.share = share(h.marketValue);
    accountTotals.set(h.accountKey, (accountTotals.get(h.accountKey) ?? 0) + h.marketValue);
  }

  // The look-through equity sleeve: every stock Breadth could see, US and international; sectors are
  // measured on the US part only (an international fund's sectors are not known).
  const usSleeve = tiersUsd.top10 + tiersUsd.restOfSp500 + tiersUsd.sp400 + tiersUsd.sp600 + tiersUsd.otherEquity;
  const sleeve = usSleeve + tiersUsd.international;
  const hasEquity = sleeve > 0;
  const unseen = clampFraction(share(tiersUsd.unresolved + tiersUsd.unrecognised));

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
    if (key.startsWith(INTERNATIONAL_PREFIX)) continue; // a fund of many companies, not one
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
      grossLongValue,
      shortValue: shortUsd,
      debtValue: debtUsd,
      holdingsCount: audited.length,
      accounts: accounts.map((a) => ({
        key: a.key,
        label: a.label,
        sourceLabel: a.source.label,
        readAt: a.readAt,
        totalValue: accountTotals.get(a.key) ?? 0,
      })),
      unreadRows,
      reconciliation: reconcileAccounts(accounts),
    },
    exposure: {
      topTen: topTenFigures(topTenIssuers.reduce((s, i) => s + i.share, 0), Math.min(1, topTenWeight), topTenIssuers, unseen, [...unseenUsd].map(([name, e]) => ({ name, share: share(e.usd), category: e.category, reason: e.reason }))),
      tiers,
      sectors: usSleeve > 0 ? sectorWeights(exposure, reference, usSleeve) : [],
      activeShare: hasEquity ? clampFraction(activeShare(exposure, reference, sleeve)) : null,
      coverage: sleeve + tiersUsd.unresolved + tiersUsd.unrecognised > 0 ? clampFraction(sleeve / (sleeve + tiersUsd.unresolved + tiersUsd.unrecognised)) : null,
      lookThroughSources: [...sources.values()].sort((a, b) => a.source.localeCompare(b.source)),
      largestIssuer,
    },
    rules: [],
    holdings: audited,
  };
  snapshot.rules = evaluateRules(snapshot, settings);
  return snapshot;
}

/**
 * The top-10 figure with its bounds (glossary: "Top-10 exposure, bounded"): what Breadth saw is a
 * lower bound when money is unseen; `shareIfUnseenLikeIndex` assumes the unseen money holds what
 * the S&P 500 holds; `shareAtMost` that it is all top-10 companies.
 */
export function topTenFigures(
  share: number,
  benchmarkShare: number,
  issuers: AuditSnapshot['exposure']['topTen']['issuers'],
  unseen: number,
  unseenHoldings: AuditSnapshot['exposure']['topTen']['unseenHoldings'],
): AuditSnapshot['exposure']['topTen'] {
  return {
    share,
    benchmarkShare,
    issuers,
    unseen,
    shareIfUnseenLikeIndex: share + unseen * benchmarkShare,
    shareAtMost: share + unseen,
    bounded: unseen > UNSEEN_BOUND_THRESHOLD,
    unseenHoldings: unseenHoldings.sort((a, b) => b.share - a.share || a.name.localeCompare(b.name)).slice(0, 20),
  };
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
    if (key.startsWith(INTERNATIONAL_PREFIX)) continue;
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


function mapValues<T extends Record<string, number>>(obj: T, f: (v: number) => number): T {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, f(v)])) as T;
}
