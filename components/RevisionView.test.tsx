// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { RevisionView } from './RevisionView';
import { revisionWatch } from '@/lib/analysis/revisions';
import { buildAudit } from '@/lib/analysis/audit';
import { MINI, account, h } from '@/lib/analysis/__fixtures__/mini-reference';
import { DEFAULT_RULE_SETTINGS } from '@/lib/schema/settings';

const mount = (node: preact.ComponentChild) => {
  const c = document.createElement('div');
  render(node, c);
  return c;
};
const audit = buildAudit({ accounts: [account([h('AAA', 6_000), h('BTA', 4_000)])], reference: MINI, settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date('2026-11-25T00:00:00Z') });
const r = (ticker: string, eps: number, eps90: number) => ({ ticker, readAt: '2026-11-24T00:00:00.000Z', fiscalYearEnd: '2026-12-31', eps, eps30DaysAgo: null, eps90DaysAgo: eps90, upLast30Days: 1, downLast30Days: 5, analysts: 30, source: 'Alpha Vantage EARNINGS_ESTIMATES' });

describe('RevisionView', () => {
  it('leads with the weighted sentence and a caution past the line, then each company', () => {
    const c = mount(<RevisionView watch={revisionWatch(audit, [r('AAA', 9.5, 10), r('BTA', 4.08, 4)])} />);
    expect(c.querySelector('summary')!.textContent).toBe('Mega-cap estimates: −2.2% in 90 days');
    expect(c.querySelector('[data-testid="revision-sentence"]')!.textContent).toBe('▲ Caution The mega-caps you hold through funds and directly: consensus down 2.2 % in 90 days; 1 of 2 cut.');
    const alpha = [...c.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.startsWith('Alpha'))!;
    expect([...alpha.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['60.0%', '−5.0%', '—', '1 / 5']);
  });

  it('says what is missing and what it would show, without estimates', () => {
    const c = mount(<RevisionView watch={revisionWatch(audit, [])} onOpenOptions={() => {}} />);
    expect(c.textContent).toContain('No estimates for the mega-caps yet');
    expect(c.querySelector('button')!.textContent).toBe('Add an estimates source');
    expect(c.querySelector('table')).toBeNull();
  });
});
