import { shortsAndDebtLine } from '../../lib/ui/leverage';
import type { ComponentChildren } from 'preact';
import type { AuditSnapshot } from '../../lib/schema/audit';
import type { SnapshotDiff } from '../../lib/history/diff';
import { isReferenceStale, referenceAgeDays } from '../../lib/reference/age';
import { formatDate, formatDateTime as when, formatMoney, formatPercent, formatPp } from '../../lib/ui/format';
import { TopTenGauge } from '../TopTenGauge';
import { RulesList } from '../RulesList';
import { SectorChart, TierStack } from './charts';
import { OverlapTable } from './OverlapTable';
import { HoldingsTable } from './HoldingsTable';
import { HistoryPanel, type KeptSummary } from './HistoryPanel';
import { TopTenIfLikeIndex, TopTenMissing } from '../TopTenBound';
import { ReconciliationList } from '../ReconciliationList';
import { LookThroughSources } from './LookThroughSources';

export interface ReportProps {
  audit: AuditSnapshot;
  history: readonly KeptSummary[];
  /** When the report is drawn (the print footer says so). */
  now: Date;
  /** Scope picker, toolbar buttons: the extension page passes them; the CLI's static file does not. */
  controls?: ComponentChildren;
  onDiff?: (fromId: number, toId: number) => Promise<SnapshotDiff>;
  onDeleteSnapshot?: (id: number) => void;
  /** Holdings drawn before "Show all" (the CLI's static file draws them all). */
  holdingsLimit?: number;
}


/** The full, printable audit of the household or one account. */
export function Report({ audit, history, now, controls, onDiff, onDeleteSnapshot, holdingsLimit }: ReportProps) {
  const { topTen, tiers, sectors, activeShare, coverage } = audit.exposure;
  const ageDays = referenceAgeDays(audit.referenceAsOf, now);
  const stale = isReferenceStale(audit.referenceAsOf, now);
  const over = topTen.share - topTen.benchmarkShare;
  const checks = audit.portfolio.reconciliation ?? [];
  const failed = checks.filter((c) => !c.ok);
  const sources = audit.exposure.lookThroughSources ?? [];
  const fin = sectors.find((s) => s.sector === 'Financials');
  const stamp = `Index data as of ${formatDate(audit.referenceAsOf)} · audit of ${when(new Date(audit.generatedAt))} · printed ${when(now)}`;
  return (
    <div class="report">
      <header class="report-head">
        <div>
          <h1>
            <span class="logo" aria-hidden="true">◔</span> Breadth audit — {audit.scope.label}
          </h1>
          <p class="meta">
            {formatMoney(audit.portfolio.totalValue)} in {audit.portfolio.accounts.length} {audit.portfolio.accounts.length === 1 ? 'account' : 'accounts'},{' '}
            {audit.portfolio.holdingsCount} holdings · audited {when(new Date(audit.generatedAt))}
          </p>
          {shortsAndDebtLine(audit.portfolio) && <p class="meta" data-testid="shorts-and-debt">{shortsAndDebtLine(audit.portfolio)}</p>}
        </div>
        {controls && <div class="controls no-print">{controls}</div>}
      </header>
      {stale && (
        <p class="stale-reference" role="status" data-testid="reference-stale">
          The index data behind these numbers is {ageDays} days old ({audit.referenceSource}). Weights drift: refresh it on the
          options page with current holdings files.
        </p>
      )}

      {failed.length > 0 && (
        <div class="cautions" role="note" aria-label="Totals that do not match">
          <ReconciliationList checks={failed} />
        </div>
      )}

      <section class={topTen.bounded ? 'headline headline-bounded' : 'headline'} aria-labelledby="r-headline">
        <h2 id="r-headline">Top-10 exposure</h2>
        <p class="big">
          {topTen.bounded && <span class="at-least">at least </span>}
          <span data-testid="report-top10">{formatPercent(topTen.share)}</span> <span class="unit">of your money is in the S&amp;P 500’s ten largest companies</span>
        </p>
        <TopTenIfLikeIndex topTen={topTen} />
        <TopTenGauge
          share={topTen.share}
          benchmark={topTen.benchmarkShare}
          bound={topTen.bounded ? { ifLikeIndex: topTen.shareIfUnseenLikeIndex, atMost: topTen.shareAtMost } : null}
        />
        <p class="sub">
          {topTen.bounded
            ? over >= 0
              ? `The index itself has ${formatPercent(topTen.benchmarkShare)} there: you are at least ${formatPp(over).replace('+', '')} above it.`
              : `The index itself has ${formatPercent(topTen.benchmarkShare)} there.`
            : `The index itself has ${formatPercent(topTen.benchmarkShare)} there: you are ${over >= 0 ? `${formatPp(over).replace('+', '')} above` : `${formatPp(-over).replace('+', '')} below`} it.`}
        </p>
        <TopTenMissing topTen={topTen} />
      </section>

      <section aria-labelledby="r-tiers">
        <h2 id="r-tiers">Where the money is</h2>
        <TierStack tiers={tiers} />
      </section>

      <section aria-labelledby="r-overlap" class="page-break-before">
        <h2 id="r-overlap">The top 10, direct and through funds</h2>
        <p class="hint">Each fund that tracks the S&amp;P 500 holds the same giants at their index weight: owning several adds them up.</p>
        <OverlapTable audit={audit} />
      </section>

      {sectors.length > 0 && (
        <section aria-labelledby="r-sectors">
          <h2 id="r-sectors">Sectors against the S&amp;P 500</h2>
          {fin && (
            <p class="callout">
              <b>Financials</b>: {formatPercent(fin.portfolio)} of your stocks against {formatPercent(fin.benchmark)} of the index ({formatPp(fin.portfolio - fin.benchmark)}).
            </p>
          )}
          <SectorChart sectors={sectors} />
        </section>
      )}

      <section aria-labelledby="r-active" class="stats">
        <div>
          <h2 id="r-active">Active share</h2>
          <p class="stat" data-testid="report-active-share">{activeShare === null ? '—' : formatPercent(activeShare)}</p>
          <p class="hint">
            How much of your stock money differs from the S&amp;P 500 (½ Σ |your weight − index weight| over companies). Below 60 %
            a portfolio mostly mirrors the index — and its concentration — whatever the fund names say.
          </p>
        </div>
        <div>
          <h2>Coverage</h2>
          <p class="stat">{coverage === null ? '—' : formatPercent(coverage)}</p>
          <p class="hint">of stock-like money Breadth could see into; funds it does not know are left out of active share and sectors.</p>
        </div>
      </section>

      <section aria-labelledby="r-rules">
        <h2 id="r-rules">Findings</h2>
        <RulesList rules={audit.rules} />
      </section>

      {sources.length > 0 && (
        <section aria-labelledby="r-sources">
          <h2 id="r-sources">Look-through sources</h2>
          <p class="hint">Whose holdings Breadth looked through, and how old each is: a fund’s file and the index data can differ in date.</p>
          <LookThroughSources audit={audit} />
        </section>
      )}

      {checks.length > 0 && (
        <section aria-labelledby="r-totals">
          <h2 id="r-totals">Totals the sources state</h2>
          <p class="hint">Each total a page or file states, against the rows Breadth read from it; a difference means rows were missed or counted twice.</p>
          <ReconciliationList checks={checks} all />
        </section>
      )}

      <section aria-labelledby="r-history" class="page-break-before">
        <h2 id="r-history">Over time</h2>
        <HistoryPanel history={history} onDiff={onDiff} onDelete={onDeleteSnapshot} />
      </section>

      <section aria-labelledby="r-holdings" class="page-break-before">
        <h2 id="r-holdings">Holdings</h2>
        <HoldingsTable audit={audit} limit={holdingsLimit} />
      </section>

      <footer class="report-foot" data-testid="report-stamp">{stamp}</footer>
    </div>
  );
}
