// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditView } from './AuditView';
import { TierBar } from './TierBar';
import { SectorTilts } from './SectorTilts';
import { ReadStatus } from './ReadStatus';
import { EmptyState } from './EmptyState';
import { OptionsPage } from './OptionsPage';
import { buildAudit } from '@/lib/analysis/audit';
import { MINI, account, h } from '@/lib/analysis/__fixtures__/mini-reference';
import { DEFAULT_RULE_SETTINGS } from '@/lib/schema/settings';
import type { AccountSummary } from '@/lib/schema/dashboard';
import { RuleIdSchema } from '@/lib/schema/audit';

const audit = buildAudit({
  accounts: [account([h('BTA', 6_000), h('VOO', 2_000), h('IJR', 1_000), h('SPAXX**', 1_000)])],
  reference: MINI,
  settings: DEFAULT_RULE_SETTINGS,
  generatedAt: new Date('2026-11-24T12:00:00Z'),
});

let container: HTMLElement;
function mount(node: preact.ComponentChild) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(node, container));
  return container;
}
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('AuditView', () => {
  it('leads with the top-10 share against the index', () => {
    const c = mount(<AuditView audit={audit} />);
    // BTA 6,000 + VOO 2,000 × 0.9 = 7,800 of 10,000.
    expect(c.querySelector('[data-testid="top10-share"]')!.textContent).toBe('78.0%');
    expect(c.querySelector('.hero .sub')!.textContent).toContain('The S&P 500 itself has 90.0% there'); // 78 % < 90 %
    expect(c.querySelector('svg.gauge')!.getAttribute('aria-label')).toBe('Top-10 exposure 78.0% against 90.0% in the S&P 500');
    expect(c.querySelector('[data-testid="active-share"]')!.textContent).toMatch(/^\d+\.\d%$/);
    expect(c.textContent).toContain('Index data: iShares');
  });

  it('shows every rule with its level in words, worst first', () => {
    const c = mount(<AuditView audit={audit} />);
    const levels = [...c.querySelectorAll('.rule .level')].map((e) => e.textContent!.trim());
    expect(levels).toHaveLength(RuleIdSchema.options.length); // source-totals and unseen-money included
    expect(levels[0]).toMatch(/Caution|Consider/);
    expect(levels.every((l) => /^(✓ OK|! Consider|▲ Caution)$/.test(l))).toBe(true);
  });
});

describe('TierBar', () => {
  it('names every non-empty tier with its share, and the shares add up', () => {
    const c = mount(<TierBar tiers={audit.exposure.tiers} />);
    const rows = [...c.querySelectorAll('.legend li')].map((li) => [li.getAttribute('data-tier'), li.querySelector('b')!.textContent]);
    expect(rows).toEqual([
      ['top10', '78.0%'],
      ['restOfSp500', '2.0%'],
      ['sp600', '10.0%'],
      ['cash', '10.0%'],
    ]);
    const widths = [...c.querySelectorAll<HTMLElement>('.tier-bar span')].map((s) => parseFloat(s.style.width));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
  });
});

describe('SectorTilts', () => {
  it('calls out financials and signs the tilts', () => {
    const c = mount(<SectorTilts sectors={[{ sector: 'Financials', portfolio: 0.05, benchmark: 0.13 }, { sector: 'Energy', portfolio: 0.1, benchmark: 0.03 }]} />);
    expect(c.querySelector('.callout')!.textContent).toBe('Financials: 5.0% of your stocks, 13.0% of the S&P 500 (−8.0 pp).');
    expect([...c.querySelectorAll('.pp')].map((e) => e.textContent)).toEqual(['−8.0 pp', '+7.0 pp']);
  });
});

describe('ReadStatus and EmptyState', () => {
  const summary: AccountSummary = {
    key: 'generic:A', label: 'Brokerage ••1234', source: { kind: 'page', readerId: 'generic', label: 'Holdings table on broker.example' },
    readAt: '2026-11-24T11:57:00.000Z', complete: true, skipped: [{ row: 4, reason: 'XOM: market value "n/a!" is not a number' }],
  };
  it('says how fresh the numbers are and what could not be read', () => {
    const c = mount(<ReadStatus accounts={[summary]} now={new Date('2026-11-24T12:00:00Z')} unreadRows={3} />);
    expect(c.querySelector('[data-testid="freshness"]')!.textContent).toBe('Read 3 min ago from Holdings table on broker.example.');
    expect(c.querySelector('summary')!.textContent).toBe('3 rows not understood');
    expect(c.textContent).toContain('row 4: XOM');
    expect(c.textContent).toContain('2 shown without a market value');
  });
  it('marks an account not read for longer than the setting as stale', () => {
    const c = mount(<ReadStatus accounts={[summary]} now={new Date('2026-12-24T12:00:00Z')} unreadRows={0} staleAfterDays={14} />);
    expect(c.querySelector('[data-testid="stale"]')!.textContent).toBe(
      'Stale: Brokerage ••1234 was last read 30 days ago — open its page again (or re-import its file) to refresh.',
    );
    const fresh = mount(<ReadStatus accounts={[summary]} now={new Date('2026-11-30T12:00:00Z')} unreadRows={0} staleAfterDays={14} />);
    expect(fresh.querySelector('[data-testid="stale"]')).toBeNull();
  });

  it('tells a new user what to do, and offers the demo', () => {
    const open = vi.fn();
    const c = mount(<EmptyState onOpenDemo={open} />);
    expect(c.textContent).toContain('No holdings yet');
    act(() => c.querySelector('button')!.click());
    expect(open).toHaveBeenCalled();
  });
});

describe('OptionsPage', () => {
  const props = () => ({
    initial: DEFAULT_RULE_SETTINGS,
    onSave: vi.fn(async (s) => s),
    onReset: vi.fn(async () => DEFAULT_RULE_SETTINGS),
    onImportFile: vi.fn(async () => 'Imported.'),
    importFormats: ['Fidelity positions file', 'Positions CSV'],
    data: { counts: { accounts: 2, snapshots: 3, reads: 4, referenceVersions: 0 }, usageBytes: 1_500_000, onExportHistory: vi.fn(async () => {}), onDeleteAll: vi.fn(async () => {}) },
  });
  const type = (input: HTMLInputElement, value: string) =>
    act(() => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });

  it('shows thresholds in percent and saves them as fractions', async () => {
    const p = props();
    const c = mount(<OptionsPage {...p} />);
    const input = c.querySelector<HTMLInputElement>('#activeShareMin')!;
    expect(input.value).toBe('60');
    type(input, '45');
    await act(async () => {
      c.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    });
    expect(p.onSave).toHaveBeenCalledWith(expect.objectContaining({ activeShareMin: 0.45, singleIssuerConsider: 0.1 }));
  });

  it('refuses a value out of range with a message and a disabled Save', () => {
    const c = mount(<OptionsPage {...props()} />);
    type(c.querySelector<HTMLInputElement>('#singleIssuerCaution')!, '250');
    expect(c.querySelector('.problem')!.textContent).toBe('Between 0 and 100.');
    expect(c.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
  });

  it('deletes stored data only after a confirmation', async () => {
    const p = props();
    const c = mount(<OptionsPage {...p} />);
    act(() => c.querySelector<HTMLButtonElement>('button.danger')!.click());
    expect(p.data.onDeleteAll).not.toHaveBeenCalled();
    await act(async () => c.querySelector<HTMLButtonElement>('button.danger')!.click());
    expect(p.data.onDeleteAll).toHaveBeenCalledTimes(1);
    expect(c.querySelector('[data-testid="stored-counts"]')!.textContent).toContain('3 kept audits (history)');
  });
});
