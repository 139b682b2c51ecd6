import { shortsAndDebtLine } from '@/lib/ui/leverage';
import type { AuditSnapshot } from '@/lib/schema/audit';
import { formatDate, formatMoney, formatPercent, formatPp } from '@/lib/ui/format';
import { TopTenGauge } from './TopTenGauge';
import { TierBar } from './TierBar';
import { TopTenList } from './TopTenList';
import { SectorTilts } from './SectorTilts';
import { RulesList } from './RulesList';
import { isReferenceStale, referenceAgeDays } from '@/lib/reference/age';
import type { SnapshotSummary } from '@/lib/schema/history';
import { HistoryChart } from './report/charts';
import { TopTenIfLikeIndex, TopTenMissing } from './TopTenBound';
import { ReconciliationList } from './ReconciliationList';
import { FundList } from './FundList';
import { fundLines } from '@/lib/ui/bounds';

interface Props {
  audit: AuditSnapshot;
  now?: Date;
  history?: readonly SnapshotSummary[];
  /** Where unseen funds can be made visible (the options page's Index data): offered under a bounded figure. */
  onOpenFundFiles?: () => void;
}

/** One audit at a glance: the popup's body. */
export function AuditView({ audit, now = new Date(), history = [], onOpenFundFiles }: Props) {
  const { topTen, tiers, sectors, activeShare, coverage } = audit.exposure;
  const over = topTen.share - topTen.benchmarkShare;
  const funds = fundLines(audit.holdings);
  return (
    <div class="audit">
      <ReconciliationList checks={audit.portfolio.reconciliation ?? []} />
      <section class={topTen.bounded ? 'hero hero-bounded' : 'hero'} aria-labelledby="hero-title">
        <h2 id="hero-title" class="visually-hidden">Top-10 exposure</h2>
        <p class="big">
          {topTen.bounded && <span class="at-least">at least </span>}
          <span data-testid="top10-share">{formatPercent(topTen.share)}</span>
          <span class="unit"> in the top 10</span>
        </p>
        <TopTenIfLikeIndex topTen={topTen} />
        <TopTenGauge
          share={topTen.share}
          benchmark={topTen.benchmarkShare}
          bound={topTen.bounded ? { ifLikeIndex: topTen.shareIfUnseenLikeIndex, atMost: topTen.shareAtMost } : null}
        />
        <p class="sub">
          {over > 0.0005 ? (
            <>
              <b>{topTen.bounded ? 'at least ' : ''}{formatPp(over)}</b> above the S&amp;P 500’s own <b>{formatPercent(topTen.benchmarkShare)}</b>
            </>
          ) : (
            <>
              The S&amp;P 500 itself has <b>{formatPercent(topTen.benchmarkShare)}</b> there
            </>
          )}{' '}
          · {formatMoney(audit.portfolio.totalValue)} read
        </p>
        {shortsAndDebtLine(audit.portfolio) && (
          <p class="hint" data-testid="shorts-and-debt">
            {shortsAndDebtLine(audit.portfolio)}
          </p>
        )}
        <TopTenMissing topTen={topTen} onFix={onOpenFundFiles} />
      </section>

      <section aria-labelledby="tiers-title">
        <h2 id="tiers-title">Where the money is</h2>
        <TierBar tiers={tiers} />
      </section>

      <section class="stats" aria-label="Active share and coverage">
        <div>
          <h2>Active share</h2>
          <p class="stat" data-testid="active-share">{activeShare == null ? '—' : formatPercent(activeShare)}</p>
          <p class="hint">
            {activeShare == null
              ? 'No stocks to compare.'
              : activeShare < 0.6
                ? 'Your stocks largely mirror the S&P 500.'
                : 'Your stocks differ from the S&P 500.'}
          </p>
        </div>
        <div>
          <h2>Coverage</h2>
          <p class="stat">{coverage == null ? '—' : formatPercent(coverage)}</p>
          <p class="hint">of stock-like money Breadth could see into.</p>
        </div>
      </section>

      <section aria-labelledby="rules-title">
        <h2 id="rules-title">Findings</h2>
        <RulesList rules={audit.rules} />
      </section>

      <details>
        <summary>The top 10, one by one</summary>
        <TopTenList issuers={topTen.issuers} />
      </details>

      {funds.length > 0 && (
        <details data-testid="popup-funds">
          <summary>Your funds: how Breadth sees into them ({funds.length})</summary>
          <FundList holdings={audit.holdings} />
        </details>
      )}

      {sectors.length > 0 && (
        <details>
          <summary>Sector tilts against the S&amp;P 500</summary>
          <SectorTilts sectors={sectors} />
        </details>
      )}

      {history.length > 1 && (
        <details data-testid="popup-history">
          <summary>Over time ({history.length} audits)</summary>
          <p class="hint">
            Top-10 exposure {formatPercent(history[0]!.topTenShare, 0)} on {formatDate(history[0]!.generatedAt.slice(0, 10))} →{' '}
            {formatPercent(history[history.length - 1]!.topTenShare, 0)} now. The full report compares any two audits.
          </p>
          <HistoryChart points={history} />
        </details>
      )}

      <p class="reference">Index data: {audit.referenceSource.replace(/ as of .*/, '')}, as of {formatDate(audit.referenceAsOf)}.</p>
      {isReferenceStale(audit.referenceAsOf, now) && (
        <p class="reference warn" data-testid="reference-stale">
          These index weights are {referenceAgeDays(audit.referenceAsOf, now)} days old: refresh them in Options → Index data.
        </p>
      )}
    </div>
  );
}
