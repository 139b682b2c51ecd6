// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditView } from './AuditView';
import { TierBar } from './TierBar';
import { FundList } from './FundList';
import { ReconciliationList } from './ReconciliationList';
import { RulesList } from './RulesList';
import { Report } from './report/Report';
import { HoldingsTable } from './report/HoldingsTable';
import { TierStack } from './report/charts';
import { RULE_TITLES, TIER_COLORS, TIER_COLORS_DARK, TIER_LABELS } from './labels';
import { RuleIdSchema, TIER_IDS } from '@/lib/schema/audit';
import { boundedAudit, seenAudit } from '@/lib/ui/__fixtures__/audits-v2';

const mounted: HTMLElement[] = [];
function mount(node: preact.ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  act(() => render(node, container));
  return container;
}
afterEach(() => {
  for (const container of mounted.splice(0)) {
    render(null, container);
    container.remove();
  }
});
const text = (c: Element, selector: string) => c.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

describe('labels', () => {
  it('names and colours every tier and rule, light and dark', () => {
    expect(Object.keys(TIER_LABELS)).toEqual(TIER_IDS);
    expect(TIER_LABELS.international).toBe('International');
    expect(TIER_LABELS.unrecognised).toBe('Unknown symbols');
    for (const id of TIER_IDS) {
      expect(TIER_COLORS[id]).toMatch(/^#[0-9a-f]{6}$/);
      expect(TIER_COLORS_DARK[id]).toMatch(/^#[0-9a-f]{6}$/);
    }
    // Ten tiers, ten different colours in each theme.
    expect(new Set(Object.values(TIER_COLORS)).size).toBe(TIER_IDS.length);
    expect(new Set(Object.values(TIER_COLORS_DARK)).size).toBe(TIER_IDS.length);
    for (const id of RuleIdSchema.options) expect(RULE_TITLES[id]).toBeTruthy();
  });

  it.each(['../entrypoints/popup/style.css', 'report/report.css'])('%s defines the same tier colours for both themes', (path) => {
    const css = readFileSync(resolve(import.meta.dirname, path), 'utf8');
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
    for (const id of TIER_IDS) {
      expect(light).toContain(`--tier-${id}: ${TIER_COLORS[id]};`);
      expect(dark!.split('@media print')[0]).toContain(`--tier-${id}: ${TIER_COLORS_DARK[id]};`);
    }
  });
});

describe('the popup on a v2 audit', () => {
  it('shows a bounded top-10 figure as a bound, with what is missing and how to fix it', () => {
    const open = vi.fn();
    const c = mount(<AuditView audit={boundedAudit} onOpenFundFiles={open} />);
    expect(text(c, '.hero .big')).toBe('at least 21.8% in the top 10');
    expect(c.querySelector('[data-testid="top10-share"]')!.textContent).toBe('21.8%');
    expect(text(c, '[data-testid="top10-if-like-index"]')).toBe('26.5% if the money Breadth cannot see holds what the S&P 500 holds (at most 33.8%).');
    expect(text(c, '[data-testid="top10-missing"]')).toBe(
      'Not seen: 12.0% of your money: VFIFX 10.0% (target-date fund), ZZQX 2.0% (not in the directory). ' +
        'Drop the fund’s holdings file on the options page (Index data) to see through it; check the symbols Breadth does not know. Open Index data',
    );
    expect(c.querySelector('svg.gauge')!.getAttribute('aria-label')).toBe(
      'Top-10 exposure at least 21.8%, 26.5% if the unseen money holds what the S&P 500 holds, at most 33.8%; 38.9% in the S&P 500',
    );
    expect(c.querySelector('svg.gauge [data-part="range"]')).not.toBeNull();
    act(() => c.querySelector<HTMLButtonElement>('[data-testid="open-fund-files"]')!.click());
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('shows a figure that is not bounded as a fact, as before', () => {
    const c = mount(<AuditView audit={seenAudit} />);
    expect(text(c, '.hero .big')).toBe('21.8% in the top 10');
    expect(c.querySelector('[data-testid="top10-if-like-index"]')).toBeNull();
    expect(c.querySelector('[data-testid="top10-missing"]')).toBeNull();
    expect(c.querySelector('svg.gauge [data-part="range"]')).toBeNull();
    expect(text(c, '.hero .sub')).toBe('The S&P 500 itself has 38.9% there · $50,000 read');
    expect(c.querySelector('[data-testid="reconciliation-cautions"]')).toBeNull(); // every total agrees
  });

  it('puts a total that does not match first, as a caution', () => {
    const c = mount(<AuditView audit={boundedAudit} />);
    const cautions = [...c.querySelectorAll('[data-testid="reconciliation-cautions"] li')];
    expect(cautions).toHaveLength(1); // the check that agrees is not repeated in the popup
    expect(cautions[0]!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      '▲ Totals differ Individual ••5678: read $38,000, the source’s Account Total says $26,000: 2 rows look like lot rows (a symbol repeated, or a date).',
    );
    expect(c.querySelector('.audit')!.firstElementChild!.getAttribute('data-testid')).toBe('reconciliation-cautions');
  });

  it('lists each fund with how Breadth saw into it, one line per symbol', () => {
    const c = mount(<AuditView audit={boundedAudit} />);
    expect(text(c, '[data-testid="popup-funds"] summary')).toBe('Your funds: how Breadth sees into them (5)');
    const notes = Object.fromEntries([...c.querySelectorAll('[data-testid="fund-list"] li')].map((li) => [li.getAttribute('data-symbol'), text(li, '[data-testid="fund-note"]')]));
    expect(notes).toEqual({
      VTI: 'seen through VTI’s holdings (Vanguard, 2025-10-31) · 35.0% in the top 10',
      VXUS: 'International fund · invests outside the US',
      VFIFX: 'Fund not seen through · target-date fund',
      VTSAX: 'seen through VTI’s holdings (Vanguard, 2025-10-31): share class · 35.0% in the top 10',
      ZZQX: 'Unrecognised symbol · not in the directory',
    });
    expect(text(c, '[data-symbol="VXUS"] .fund-name')).toBe('Vanguard Total International Stock ETF');
  });

  it('never inserts page text as HTML', () => {
    const c = mount(<FundList holdings={[{ ...boundedAudit.holdings.find((h) => h.symbol === 'ZZQX')!, symbol: null }]} />);
    expect(c.querySelector('b b')).toBeNull();
    expect(text(c, 'li b')).toBe('<b>ZZQX</b> HOLDINGS');
  });

  it('labels the new rules', () => {
    const c = mount(<RulesList rules={boundedAudit.rules} />);
    expect(text(c, '[data-rule="source-totals"] b')).toBe('Totals the source states');
    expect(text(c, '[data-rule="unseen-money"] b')).toBe('Money Breadth cannot see into');
  });
});

describe('TierBar and TierStack with the new tiers', () => {
  it('name international and unknown symbols beside the others, in the schema order, adding up', () => {
    const c = mount(<TierBar tiers={boundedAudit.exposure.tiers} />);
    const rows = [...c.querySelectorAll('.legend li')].map((li) => [li.getAttribute('data-tier'), li.querySelector('span')!.textContent, li.querySelector('b')!.textContent]);
    expect(rows).toEqual([
      ['top10', 'Top 10', '21.8%'],
      ['restOfSp500', 'Rest of S&P 500', '24.2%'],
      ['sp400', 'Mid-caps (S&P 400)', '4.0%'],
      ['international', 'International', '16.0%'],
      ['unresolved', 'Unknown funds', '10.0%'],
      ['unrecognised', 'Unknown symbols', '2.0%'],
      ['cash', 'Cash', '22.0%'],
    ]);
    const segments = [...c.querySelectorAll<HTMLElement>('.tier-bar span')];
    expect(segments.reduce((a, s) => a + parseFloat(s.style.width), 0)).toBeCloseTo(100, 6);
    expect(c.querySelector<HTMLElement>('.tier-bar [data-tier="international"]')!.style.background).toBe('var(--tier-international, #d01884)');
  });
  it('the report draws them too', () => {
    const c = mount(<TierStack tiers={boundedAudit.exposure.tiers} />);
    expect([...c.querySelectorAll('rect')].map((r) => r.getAttribute('data-tier'))).toEqual(['top10', 'restOfSp500', 'sp400', 'international', 'unresolved', 'unrecognised', 'cash']);
    expect(text(c, 'li[data-tier="unrecognised"]')).toBe('Unknown symbols 2.0%');
  });
});

describe('the report on a v2 audit', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('shows the bound in the headline, and every reconciliation check', () => {
    const c = mount(<Report audit={boundedAudit} history={[]} now={now} />);
    expect(text(c, '.headline .big')).toBe('at least 21.8% of your money is in the S&P 500’s ten largest companies');
    expect(text(c, '.headline [data-testid="top10-if-like-index"]')).toBe('26.5% if the money Breadth cannot see holds what the S&P 500 holds (at most 33.8%).');
    expect(text(c, '.headline .sub')).toBe('The index itself has 38.9% there.');
    expect(text(c, '.headline [data-testid="top10-missing"]')).toMatch(/^Not seen: 12\.0% of your money: VFIFX 10\.0% \(target-date fund\), ZZQX 2\.0% \(not in the directory\)\. Drop the fund’s holdings file on the options page/);
    expect(c.querySelector('[data-testid="open-fund-files"]')).toBeNull(); // the report (and its static file) has no options button
    // The failed check as a caution at the top, and all checks in their own section.
    expect(c.querySelectorAll('.cautions [data-ok="false"]')).toHaveLength(1);
    const checks = [...c.querySelectorAll('[data-testid="reconciliation"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(checks).toEqual([
      '▲ Totals differ Individual ••5678: read $38,000, the source’s Account Total says $26,000: 2 rows look like lot rows (a symbol repeated, or a date). (difference +$12,000)',
      '✓ Totals match IRA ••1111: read $12,000, the source’s Total says $12,000.',
    ]);
  });

  it('says it plainly when not bounded', () => {
    const c = mount(<Report audit={seenAudit} history={[]} now={now} />);
    expect(text(c, '.headline .big')).toBe('21.8% of your money is in the S&P 500’s ten largest companies');
    expect(text(c, '.headline .sub')).toBe('The index itself has 38.9% there: you are 17.1 pp below it.');
    expect(c.querySelector('.cautions')).toBeNull();
    expect(c.querySelectorAll('[data-testid="reconciliation"] li')).toHaveLength(1);
  });

  it('lists the look-through sources with publisher, date and the holdings that used them', () => {
    const c = mount(<Report audit={boundedAudit} history={[]} now={now} />);
    const rows = [...c.querySelectorAll('[data-testid="lookthrough-sources"] tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent!.trim()));
    expect(rows).toEqual([
      ['VTI', 'Vanguard', 'Oct 31, 2025', 'VTI, VTSAX (share class)'],
      ['S&P 500 (iShares IVV)', 'iShares', 'Jun 19, 2026', 'NVDA, JPM'],
    ]);
  });

  it('shows the new categories and the seen-through line in the holdings table', () => {
    const c = mount(<HoldingsTable audit={boundedAudit} />);
    const row = (symbol: string) => [...c.querySelectorAll('[data-testid="holdings-table"] tbody tr')].find((tr) => tr.querySelector('th b')!.textContent === symbol)!;
    expect(text(row('VTSAX'), '[data-testid="holding-note"]')).toBe('seen through VTI’s holdings (Vanguard, 2025-10-31): share class');
    expect(text(row('VTSAX'), '.desc')).toBe('Vanguard Total Stock Market Index Fund Admiral Shares');
    expect(text(row('VXUS'), '.cat')).toBe('International fund');
    expect(text(row('VXUS'), '[data-testid="holding-note"]')).toBe('invests outside the US');
    expect(text(row('ZZQX'), '.cat')).toBe('Unrecognised symbol');
    expect(row('ZZQX').textContent).toContain('symbol not recognised');
    expect(text(row('VFIFX'), '.cat')).toBe('Fund not seen through');
    expect(row('NVDA').querySelector('[data-testid="holding-note"]')).toBeNull();
    const options = [...c.querySelectorAll('.filters select option')].map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining(['International fund', 'Unrecognised symbol']));
  });
});

describe('ReconciliationList', () => {
  it('says nothing when every total agrees (popup), and lists them all on request (report)', () => {
    const checks = seenAudit.portfolio.reconciliation;
    expect(mount(<ReconciliationList checks={checks} />).querySelector('ul')).toBeNull();
    expect(mount(<ReconciliationList checks={checks} all />).querySelectorAll('li[data-ok="true"]')).toHaveLength(1);
  });
});
