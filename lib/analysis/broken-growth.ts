/**
 * Broken growth: a sound small or mid-size business whose shares were beaten down by something
 * that may pass (an officer change, one bad quarter), not by a broken business. A transparent
 * score: each named criterion passes, fails or is unknown, with its number and its source, so the
 * user can check the reasoning rather than trust a label. Pure: the data comes in, read and dated.
 * The definitions are the README glossary's "Broken growth".
 */

export interface Sourced {
  /** "SEC EDGAR companyfacts (us-gaap:Revenues)", "Stooq daily prices". */
  source: string;
  /** Where the user can check it. */
  url?: string;
  /** When the data was fetched (ISO instant). */
  fetchedAt: string;
}

export interface BrokenGrowthInput {
  ticker: string;
  name: string;
  /** Latest close against the highest close of the past 52 weeks. */
  price: (Sourced & { high: number; highDate: string; last: number; lastDate: string }) | null;
  /** Trailing twelve months and the twelve months before, from quarterly filings. */
  financials:
    | (Sourced & {
        revenueTtm: number;
        revenuePriorTtm: number;
        /** Gross profit over the same windows, when the company reports it. */
        grossProfitTtm: number | null;
        grossProfitPriorTtm: number | null;
        operatingCashFlowTtm: number | null;
        /** Revenue of the latest quarters, newest first, each with the same quarter a year before. */
        quarters: { end: string; revenue: number; revenueYearBefore: number | null }[];
      })
    | null;
  /** 8-K filings with Item 5.02 (officer or director departure/appointment), newest first. */
  officerChanges: (Sourced & { filings: { filed: string; url: string }[] }) | null;
  /** 10-K/10-Q filings of the last 12 months that voice going-concern doubt (none = checked, clean). */
  goingConcern?: (Sourced & { filings: { filed: string; form: string; url: string }[] }) | null;
}

export interface BrokenGrowthSettings {
  /** Beaten down: at least this far below the 52-week high (0.35 = 35 %). */
  minDrawdown: number;
  /** Margin not collapsed: gross margin down by no more than this (0.05 = 5 pp). */
  maxGrossMarginDrop: number;
  /** A temporary cause counts within this many months. */
  causeWithinMonths: number;
}

export const DEFAULT_BROKEN_GROWTH: BrokenGrowthSettings = { minDrawdown: 0.35, maxGrossMarginDrop: 0.05, causeWithinMonths: 12 };

export type CriterionId = 'beaten-down' | 'still-growing' | 'margin-intact' | 'temporary-cause' | 'cash-positive';

export interface Criterion {
  id: CriterionId;
  label: string;
  /** null: the data to decide is missing (said in `value`). */
  pass: boolean | null;
  /** The number, in words: "42 % below the 52-week high of $31.20 (Mar 3, 2026)". */
  value: string;
  evidence: Sourced | null;
}

export interface BrokenGrowthResult {
  ticker: string;
  name: string;
  criteria: Criterion[];
  passed: number;
  known: number;
  /** candidate: every criterion passes; unknown: none fails but some could not be checked. */
  verdict: 'candidate' | 'unknown' | 'not';
}

// Formatters made once: a screen of a thousand companies formats thousands of numbers.
const PCT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const MONEY = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
const DAY = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const pct = (x: number) => `${PCT.format(x * 100)} %`;
const money = (x: number) => MONEY.format(x);
const day = (iso: string) => DAY.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

export function scoreBrokenGrowth(input: BrokenGrowthInput, asOf: Date, s: BrokenGrowthSettings = DEFAULT_BROKEN_GROWTH): BrokenGrowthResult {
  const criteria: Criterion[] = [beatenDown(input, s), stillGrowing(input), marginIntact(input, s), temporaryCause(input, asOf, s), cashPositive(input)];
  const passed = criteria.filter((c) => c.pass === true).length;
  const known = criteria.filter((c) => c.pass !== null).length;
  const failed = criteria.some((c) => c.pass === false);
  return { ticker: input.ticker, name: input.name, criteria, passed, known, verdict: failed ? 'not' : known === criteria.length ? 'candidate' : 'unknown' };
}

function beatenDown({ price }: BrokenGrowthInput, s: BrokenGrowthSettings): Criterion {
  const label = `Beaten down: ≥ ${pct(s.minDrawdown)} below its 52-week high`;
  if (!price || price.high <= 0) return { id: 'beaten-down', label, pass: null, value: 'no price history', evidence: null };
  const drawdown = 1 - price.last / price.high;
  return {
    id: 'beaten-down',
    label,
    pass: drawdown >= s.minDrawdown,
    value: `${pct(drawdown)} below the 52-week high of $${price.high.toFixed(2)} (${day(price.highDate)}); last $${price.last.toFixed(2)} (${day(price.lastDate)})`,
    evidence: price,
  };
}

function stillGrowing({ financials: f }: BrokenGrowthInput): Criterion {
  const label = 'Platform intact: trailing revenue still growing year over year';
  if (!f || f.revenuePriorTtm <= 0) return { id: 'still-growing', label, pass: null, value: 'no two years of quarterly revenue', evidence: f };
  const growth = f.revenueTtm / f.revenuePriorTtm - 1;
  return { id: 'still-growing', label, pass: growth > 0, value: `${money(f.revenueTtm)} over the last four quarters, ${growth >= 0 ? '+' : '−'}${pct(Math.abs(growth))} on the year before`, evidence: f };
}

function marginIntact({ financials: f }: BrokenGrowthInput, s: BrokenGrowthSettings): Criterion {
  const label = `Margin not collapsed: gross margin down by no more than ${pct(s.maxGrossMarginDrop).replace(' %', ' pp')}`;
  if (!f || f.grossProfitTtm === null || f.grossProfitPriorTtm === null || f.revenueTtm <= 0 || f.revenuePriorTtm <= 0) {
    return { id: 'margin-intact', label, pass: null, value: 'gross profit not reported', evidence: f };
  }
  const now = f.grossProfitTtm / f.revenueTtm;
  const before = f.grossProfitPriorTtm / f.revenuePriorTtm;
  return { id: 'margin-intact', label, pass: before - now <= s.maxGrossMarginDrop, value: `gross margin ${pct(now)}, a year before ${pct(before)}`, evidence: f };
}

function temporaryCause(input: BrokenGrowthInput, asOf: Date, s: BrokenGrowthSettings): Criterion {
  const label = `A temporary cause: an officer change (8-K Item 5.02) within ${s.causeWithinMonths} months, or a single bad quarter`;
  const since = new Date(asOf);
  since.setUTCMonth(since.getUTCMonth() - s.causeWithinMonths);
  const change = input.officerChanges?.filings.find((f) => Date.parse(f.filed) >= since.getTime());
  if (change) return { id: 'temporary-cause', label, pass: true, value: `officer change filed ${day(change.filed)}`, evidence: { ...input.officerChanges!, url: change.url } };
  // One bad quarter: the latest fell year over year, the three before it grew.
  const q = input.financials?.quarters ?? [];
  const yoy = q.slice(0, 4).map((x) => (x.revenueYearBefore && x.revenueYearBefore > 0 ? x.revenue / x.revenueYearBefore - 1 : null));
  if (yoy.length === 4 && yoy.every((x) => x !== null)) {
    const [latest, ...before] = yoy as number[];
    if (latest! < 0 && before.every((x) => x > 0)) {
      return { id: 'temporary-cause', label, pass: true, value: `one bad quarter: revenue ${pct(latest!).replace('-', '−')} year over year in the quarter to ${day(q[0]!.end)}, after three quarters of growth`, evidence: input.financials };
    }
  }
  if (!input.officerChanges && yoy.length < 4) return { id: 'temporary-cause', label, pass: null, value: 'no filings history to check', evidence: null };
  return { id: 'temporary-cause', label, pass: false, value: `no officer change in ${s.causeWithinMonths} months and no single bad quarter`, evidence: input.officerChanges ?? input.financials };
}

function cashPositive({ financials: f, goingConcern: gc }: BrokenGrowthInput): Criterion {
  const label = 'Not a value trap: positive operating cash flow and no going-concern doubt';
  const doubt = gc?.filings[0];
  if (doubt) {
    return { id: 'cash-positive', label, pass: false, value: `substantial doubt about going concern in the ${doubt.form} filed ${day(doubt.filed)}`, evidence: { ...gc!, url: doubt.url } };
  }
  const checked = gc ? '; no going-concern doubt in its 10-K/10-Q filings of the last 12 months' : '; going-concern doubt not checked';
  if (!f || f.operatingCashFlowTtm === null) return { id: 'cash-positive', label, pass: null, value: `operating cash flow not reported${checked}`, evidence: gc ?? f };
  return { id: 'cash-positive', label, pass: f.operatingCashFlowTtm > 0, value: `${money(f.operatingCashFlowTtm)} over the last four quarters${checked}`, evidence: f };
}
