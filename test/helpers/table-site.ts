/** The checks every table-site adapter passes, on its own fixtures (used by lib/adapters/<id>.test.ts). */
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../lib/adapters/types';
import { LayoutNotRecognised } from '../../lib/adapters/types';
import { ScanResultSchema } from '../../lib/schema/holdings';
import { expectGolden, loadPage } from './pages';

export interface TableSiteCase {
  adapter: Adapter;
  positionsUrl: string;
  positive: string;
  empty: string;
  negative: { file: string; url: string };
  /** Hand-summed value per (masked) account label, as the page's own total rows state it. */
  accountTotals: Record<string, number>;
  /** Account numbers as printed on the page: they must not appear in the read. */
  unmasked: string[];
  cash: string[];
}

export function describeTableSite(c: TableSiteCase) {
  const url = new URL(c.positionsUrl);
  const now = new Date('2026-11-24T15:00:00Z');
  const load = (name: string) => loadPage(c.adapter.id, name);

  describe(`${c.adapter.label}`, () => {
    it(`reads ${c.positive} as the golden file says`, () => {
      const read = c.adapter.read(load(c.positive), url, now);
      expect(ScanResultSchema.safeParse(read.result).success).toBe(true);
      expectGolden(c.adapter.id, c.positive, { result: read.result, anchors: read.anchors.map((a) => a.symbol) });
    });

    it('adds up to the page’s own account totals, with cash as cash, totals and lots dropped, numbers masked', () => {
      const { result } = c.adapter.read(load(c.positive), url, now);
      const totals: Record<string, number> = {};
      for (const h of result.holdings) if (h.rowKind !== 'pending') totals[h.account ?? ''] = (totals[h.account ?? ''] ?? 0) + (h.marketValue ?? 0);
      expect(Object.keys(totals).sort()).toEqual(Object.keys(c.accountTotals).sort());
      for (const [account, total] of Object.entries(c.accountTotals)) expect(totals[account]).toBeCloseTo(total, 6);
      // …which the page states itself, and the read reports for reconciliation.
      const stated = Object.fromEntries((result.statedTotals ?? []).filter((t) => t.account).map((t) => [t.account, t.value]));
      expect(stated).toEqual(c.accountTotals);
      expect(result.holdings.filter((h) => h.rowKind === 'cash').map((h) => h.symbol ?? h.description)).toEqual(c.cash);
      const json = JSON.stringify(result);
      for (const number of c.unmasked) expect(json).not.toContain(number);
    });

    it('reads an account without positions as empty, with a note', () => {
      const { result } = c.adapter.read(load(c.empty), url, now);
      expect(result.holdings).toEqual([]);
      expect(result.note).toBe('No positions in this account');
    });

    it('does not claim another page of the site, and names the selector when the table is gone', () => {
      const other = load(c.negative.file);
      expect(c.adapter.detect(other, new URL(c.negative.url))).toBe(false);
      expect(() => c.adapter.read(other, url, now)).toThrow(LayoutNotRecognised);
    });

    it('reads 500 positions', () => {
      const positive = load(c.positive);
      const table = positive.querySelector('table')!;
      const tbody = table.tBodies[0]!;
      const template = [...tbody.rows].find((r) => r.cells.length > 3 && !/total|cash|\d+\/\d+\/\d+/i.test(r.textContent ?? ''))!;
      tbody.replaceChildren(...Array.from({ length: 500 }, () => template.cloneNode(true)));
      for (const other of [...positive.querySelectorAll('table')].slice(1)) other.remove();
      expect(c.adapter.read(positive, url, now).result.holdings).toHaveLength(500);
    });
  });
}
