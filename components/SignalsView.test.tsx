// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SignalsView } from './SignalsView';
import { brokenGrowthToCsv } from '@/lib/export/broken-growth-csv';
import type { StoredSignals } from '@/lib/schema/signals';

const mount = (node: preact.ComponentChild) => {
  const c = document.createElement('div');
  render(node, c);
  return c;
};
const now = new Date('2026-11-25T12:00:00Z');

describe('SignalsView', () => {
  it('says what online data would give, and that nothing is requested until it is on', () => {
    const c = mount(<SignalsView signals={null} onlineOn={false} now={now} />);
    expect(c.textContent).toContain('Turn on online data (Options → Online data)');
    expect(c.textContent).toContain('Nothing is requested until you do.');
  });

  it('lists candidates with each criterion, its number and a link to its source', () => {
    const signals: StoredSignals = {
      generatedAt: '2026-11-25T10:00:00.000Z',
      providers: ['sec', 'prices'],
      broadening: { asOf: '2026-11-25', to: '2026-11-24', windows: [{ months: 6, from: '2026-05-24', to: '2026-11-24', sentence: 'Equal-weight has beaten cap-weight by 4.2 pp over 6 months.' }] },
      brokenGrowth: [
        {
          ticker: 'ACME',
          name: 'Acme Widgets',
          passed: 5,
          known: 5,
          verdict: 'candidate',
          criteria: [
            { id: 'temporary-cause', label: 'A temporary cause', pass: true, value: 'officer change filed Apr 2, 2026', evidence: { source: 'SEC EDGAR submissions (8-K Item 5.02)', url: 'https://www.sec.gov/Archives/edgar/data/1/x.htm', fetchedAt: '2026-11-25T10:00:00.000Z' } },
            { id: 'cash-positive', label: 'Cash', pass: false, value: '−$5 over the last four quarters', evidence: null },
          ],
        },
      ],
      problems: ['SEC EDGAR: HTTP 503 after 4 tries (XYZ)'],
    };
    const c = mount(<SignalsView signals={signals} onlineOn now={now} />);
    expect(c.querySelector('summary')!.textContent).toBe('Broken growth? 1 of 1 small/mid-caps');
    expect(c.querySelector('[data-testid="broadening"]')!.textContent).toBe('Equal-weight has beaten cap-weight by 4.2 pp over 6 months.');
    expect(c.textContent).toContain('ACME Acme Widgets — BROKEN GROWTH?');
    const link = c.querySelector<HTMLAnchorElement>('.criteria a')!;
    expect([link.href, link.rel, link.textContent]).toEqual(['https://www.sec.gov/Archives/edgar/data/1/x.htm', 'noopener noreferrer', 'SEC EDGAR submissions (8-K Item 5.02)']);
    expect([...c.querySelectorAll('.criteria [aria-label]')].map((e) => e.getAttribute('aria-label'))).toEqual(['pass', 'fail']);
    expect(c.querySelector('.warn')!.textContent).toBe('SEC EDGAR: HTTP 503 after 4 tries (XYZ)');
    const csv = brokenGrowthToCsv(signals.brokenGrowth).split('\r\n');
    expect(csv[0]!.startsWith('Ticker,Name,Verdict,Criteria passed,beaten-down: pass,beaten-down: value,beaten-down: source')).toBe(true);
    expect(csv[1]).toContain('ACME,Acme Widgets,candidate,5,unknown,,,unknown,,,unknown,,,pass,"officer change filed Apr 2, 2026",SEC EDGAR submissions (8-K Item 5.02) https://www.sec.gov/Archives/edgar/data/1/x.htm (2026-11-25),fail,');
  });

  it('sorts the screened holdings by criteria passed or by ticker', async () => {
    const row = (ticker: string, passed: number) => ({ ticker, name: ticker, passed, known: 5, verdict: 'not' as const, criteria: [] });
    const signals: StoredSignals = { generatedAt: '2026-11-25T10:00:00.000Z', providers: ['prices'], broadening: null, problems: [], brokenGrowth: [row('BBB', 2), row('AAA', 1), row('CCC', 4)] };
    const c = mount(<SignalsView signals={signals} onlineOn now={now} />);
    const order = () => [...c.querySelectorAll('.candidates > li > b')].map((b) => b.textContent);
    expect(order()).toEqual(['CCC', 'BBB', 'AAA']);
    const select = c.querySelector<HTMLSelectElement>('[data-testid="signals-sort"]')!;
    await act(async () => {
      select.value = 'ticker';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(order()).toEqual(['AAA', 'BBB', 'CCC']);
  });
});
