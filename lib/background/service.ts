/**
 * What the background worker does, without the browser wiring (entrypoints/background.ts): take a
 * read, store it, recompute the audits, answer the page. Every input is re-parsed: pages are untrusted.
 */
import { ScanResultSchema } from '../schema/holdings';
import type { PageAudit } from '../schema/page';
import { AuditSnapshotSchema, type AuditSnapshot } from '../schema/audit';
import type { RuleSettings } from '../schema/settings';
import type { StoredAccount } from '../schema/portfolio';
import { accountsFromScan } from '../analysis/accounts';
import { buildAudit } from '../analysis/audit';
import { pageAuditFor, withBrokenGrowth } from '../analysis/badges';
import { worstLevel } from '../analysis/rules';
import { bundledReference, type Reference } from '../reference';
import { BROKERAGE_SITES } from '../adapters/sites';
import { keepSnapshot, loadAccounts, saveAccounts, saveAudits } from '../db';

export interface ServiceDeps {
  /** A fixed reference (tests); otherwise `getReference`, else the bundled snapshot. */
  reference?: Reference;
  /** The reference in use (the worker: the user's refreshed data, if any). */
  getReference?: () => Promise<Reference>;
  getSettings: () => Promise<RuleSettings>;
  now?: () => Date;
  /** The last online screen (opt-in providers), for the BROKEN GROWTH? badges. */
  loadSignals?: () => Promise<{ brokenGrowth: readonly { ticker: string; verdict: string; criteria: readonly { pass: boolean | null; value: string }[] }[] } | null>;
  /** Called after every change to stored data (toolbar badge, popup refresh). */
  onChanged?: (household: AuditSnapshot | null) => Promise<void> | void;
}

/** Recomputes every audit from what is stored and saves them. */
async function referenceFor(deps: ServiceDeps): Promise<Reference> {
  return deps.reference ?? (await deps.getReference?.()) ?? bundledReference();
}

/** The label of the household made of the demo page's invented accounts, when nothing real is stored. */
export const DEMO_HOUSEHOLD_LABEL = 'Demo portfolio (invented)';

/** Breadth's own demo page (an extension page: a web page cannot claim this origin). */
export function isDemoPage(url: string | undefined): boolean {
  return !!url && /^(chrome|moz)-extension:\/\/[^/]+\/demo\.html$/.test(url);
}

/** The household audit, one audit per account, and whether the household is kept in the history. */
interface StoredAudits {
  household: AuditSnapshot | null;
  byAccount: AuditSnapshot[];
  keep: boolean;
}

function auditAccounts(accounts: readonly StoredAccount[], reference: Reference, settings: RuleSettings, generatedAt: Date): StoredAudits {
  // The demo's invented accounts never mix with real ones: the household is the real accounts, or —
  // when there are none — the demo on its own, clearly labelled and never kept in the history.
  const real = accounts.filter((a) => !a.demo);
  const demo = accounts.filter((a) => a.demo);
  const household = real.length
    ? buildAudit({ accounts: real, reference, settings, generatedAt })
    : demo.length
      ? { ...buildAudit({ accounts: demo, reference, settings, generatedAt }), scope: { kind: 'household' as const, label: DEMO_HOUSEHOLD_LABEL } }
      : null;
  const byAccount = accounts.map((a) =>
    buildAudit({ accounts, reference, settings, generatedAt, scope: { kind: 'account', accountKey: a.key } }),
  );
  return { household, byAccount, keep: real.length > 0 };
}

async function storeAudits(audits: StoredAudits, settings: RuleSettings, generatedAt: Date, deps: ServiceDeps): Promise<void> {
  await saveAudits(audits.household, audits.byAccount);
  // Every changed household audit is kept for the history (a re-read of the same holdings is not);
  // the demo's never is.
  if (audits.household && audits.keep) await keepSnapshot(audits.household, settings.historyKeepDays, generatedAt);
  await deps.onChanged?.(audits.household);
}

export async function recomputeAudits(deps: ServiceDeps): Promise<AuditSnapshot | null> {
  const reference = await referenceFor(deps);
  const [accounts, settings] = await Promise.all([loadAccounts(), deps.getSettings()]);
  const generatedAt = (deps.now ?? (() => new Date()))();
  const audits = auditAccounts(accounts, reference, settings, generatedAt);
  await storeAudits(audits, settings, generatedAt, deps);
  return audits.household;
}

/** A page (or the popup's file import) handed over a read. */
export async function receiveRead(payload: unknown, deps: ServiceDeps): Promise<PageAudit & { accountsStored: number }> {
  const reference = await referenceFor(deps);
  const parsed = ScanResultSchema.safeParse(payload);
  if (!parsed.success) {
    return { badges: [], summary: null, message: 'Breadth could not use what this page sent; nothing was stored.', accountsStored: 0 };
  }
  const scan = parsed.data;
  const settings = await deps.getSettings();
  const off = disabledSiteOf(scan.source.url, settings.disabledSites);
  if (off) {
    return { badges: [], summary: null, message: `Breadth is turned off for ${off} (Breadth options → Brokerages): nothing on this page was stored.`, accountsStored: 0 };
  }
  const demo = isDemoPage(scan.source.url);
  const accounts = accountsFromScan(scan).map((a) => (demo ? { ...a, key: `demo:${a.key}`.slice(0, 200), demo: true } : a));
  if (accounts.length > 0) {
    // Nothing is stored before the audit it would produce validates: a read that cannot be audited
    // must not poison every later audit.
    // The audits are computed once, on the accounts as they will be stored, and validated first.
    const newKeys = new Set(accounts.map((a) => a.key));
    const after = [...(await loadAccounts()).filter((a) => !newKeys.has(a.key)), ...accounts];
    const generatedAt = (deps.now ?? (() => new Date()))();
    const audits = auditAccounts(after, reference, settings, generatedAt);
    if (![audits.household, ...audits.byAccount].every((a) => a === null || AuditSnapshotSchema.safeParse(a).success)) {
      return { badges: [], summary: null, message: 'Breadth could not make sense of the numbers it read here, so it stored nothing: reload the page, or import the positions file instead.', accountsStored: 0 };
    }
    await saveAccounts(accounts, {
      readAt: scan.readAt,
      source: scan.source,
      holdings: scan.holdings.length,
      skipped: scan.skipped.length,
    });
    await storeAudits(audits, settings, generatedAt, deps);
  }
  const pageAudit = accounts.length
    ? buildAudit({ accounts, reference, settings, generatedAt: (deps.now ?? (() => new Date()))() })
    : null;
  const symbols = scan.holdings.flatMap((h) => (h.symbol ? [{ symbol: h.symbol, description: h.description }] : []));
  const answer = pageAuditFor(symbols, pageAudit, reference);
  const signals = await deps.loadSignals?.().catch(() => null);
  if (signals) answer.badges = withBrokenGrowth(answer.badges, signals.brokenGrowth);
  // A reader's note (layout not recognised, partial read) is worth saying even beside numbers.
  if (scan.note) answer.message = `Breadth: ${scan.note}`;
  return { ...answer, accountsStored: accounts.length };
}

/** The name of the brokerage a page belongs to, when the user turned that brokerage off. */
function disabledSiteOf(url: string | undefined, disabled: readonly string[]): string | null {
  if (!url || disabled.length === 0) return null;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  return BROKERAGE_SITES.find((s) => (s.hosts as readonly string[]).includes(host) && disabled.includes(s.id))?.label ?? null;
}

/** Toolbar badge text and colour for a household audit. */
export function toolbarBadge(household: AuditSnapshot | null): { text: string; color: string; title: string } {
  if (!household || household.portfolio.holdingsCount === 0) {
    return { text: '', color: '#5f6368', title: 'Breadth: no holdings read yet' };
  }
  const level = worstLevel(household.rules);
  const share = household.exposure.topTen.share;
  return {
    text: `${Math.round(share * 100)}%`,
    color: level === 'caution' ? '#b3261e' : level === 'consider' ? '#a15c00' : '#1e7a3c',
    title: `Breadth: ${Math.round(share * 100)} % of your money in the S&P 500's top 10 (index ${Math.round(household.exposure.topTen.benchmarkShare * 100)} %)`,
  };
}
