import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuditSnapshot, AuditedHolding, HoldingCategory } from '../../lib/schema/audit';
import { CATEGORY_LABELS } from '../../lib/export/holdings-csv';
import { formatMoney, formatPercent } from '../../lib/ui/format';
import { holdingNote } from '../../lib/ui/bounds';

type SortKey = 'symbol' | 'account' | 'category' | 'marketValue' | 'share';
const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'symbol', label: 'Holding' },
  { key: 'account', label: 'Account' },
  { key: 'category', label: 'Tier' },
  { key: 'marketValue', label: 'Value', numeric: true },
  { key: 'share', label: 'Share', numeric: true },
];

/** Rows drawn at first: a long table is drawn in full on request and always when printed. */
export const FIRST_ROWS = 200;

/**
 * Every holding with its tier and flags: sortable by any column (click or Enter), filtered by text
 * and tier. `limit` = Infinity draws every row (the CLI's static file).
 */
export function HoldingsTable({ audit, limit = FIRST_ROWS }: { audit: AuditSnapshot; limit?: number }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'marketValue', desc: true });
  const [showAll, setShowAll] = useState(false);
  useEffect(() => {
    // Printing shows every holding: the browser lets the page redraw before it lays out the print.
    const all = () => setShowAll(true);
    window.addEventListener('beforeprint', all);
    return () => window.removeEventListener('beforeprint', all);
  }, []);
  const [query, setQuery] = useState('');
  const [tier, setTier] = useState<HoldingCategory | ''>('');
  const accounts = useMemo(() => new Map(audit.portfolio.accounts.map((a) => [a.key, a.label])), [audit]);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const value = (h: AuditedHolding): string | number => {
      switch (sort.key) {
        case 'symbol': return (h.symbol ?? h.description).toLowerCase();
        case 'account': return accounts.get(h.accountKey) ?? '';
        case 'category': return CATEGORY_LABELS[h.category];
        default: return h[sort.key];
      }
    };
    return audit.holdings
      .filter((h) => (!tier || h.category === tier) && (!q || `${h.symbol ?? ''} ${h.description} ${h.issuer ?? ''} ${h.fundName ?? ''}`.toLowerCase().includes(q)))
      .sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
        return sort.desc ? -c : c;
      });
  }, [audit, sort, query, tier, accounts]);
  const present = [...new Set(audit.holdings.map((h) => h.category))];
  return (
    <div class="holdings">
      <div class="filters no-print">
        <label>
          Find <input type="search" value={query} placeholder="symbol, name or company" onInput={(e) => setQuery(e.currentTarget.value)} data-testid="holdings-filter" />
        </label>
        <label>
          Tier{' '}
          <select value={tier} onChange={(e) => setTier(e.currentTarget.value as HoldingCategory | '')}>
            <option value="">All</option>
            {present.map((c) => (
              <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>
            ))}
          </select>
        </label>
        <span class="count" aria-live="polite">{rows.length} of {audit.holdings.length} holdings</span>
      </div>
      <table data-testid="holdings-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" onClick={() => setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : !!c.numeric })}>
                  {c.label} <span aria-hidden="true">{sort.key === c.key ? (sort.desc ? '▼' : '▲') : ''}</span>
                </button>
              </th>
            ))}
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {(showAll ? rows : rows.slice(0, limit)).map((h, i) => (
            <tr key={`${h.accountKey}:${h.symbol ?? h.description}:${i}`}>
              <th scope="row">
                <b>{h.symbol ?? '—'}</b> <span class="desc">{h.issuer ?? h.fundName ?? h.description}</span>
                {holdingNote(h) && <span class={h.seenThrough ? 'note seen-through' : 'note'} data-testid="holding-note">{holdingNote(h)}</span>}
              </th>
              <td>{accounts.get(h.accountKey) ?? h.accountKey}</td>
              <td><span class={`cat cat-${h.category}`}>{CATEGORY_LABELS[h.category]}</span></td>
              <td class="num">{formatMoney(h.marketValue)}</td>
              <td class="num">{formatPercent(h.share)}</td>
              <td>{flags(h)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!showAll && rows.length > limit && (
        <p class="more no-print">
          Showing the {limit} largest of {rows.length}.{' '}
          <button type="button" onClick={() => setShowAll(true)} data-testid="show-all-holdings">Show all {rows.length}</button>
        </p>
      )}
    </div>
  );
}

function flags(h: AuditedHolding): string {
  const out: string[] = [];
  if (h.category === 'top10') out.push('top-10 company');
  if (h.topTenLookThrough != null && h.topTenLookThrough > 0) out.push(`${formatPercent(h.topTenLookThrough, 0)} in the top 10`);
  if (h.category === 'unresolvedFund') out.push('not seen through');
  if (h.category === 'unrecognised') out.push('symbol not recognised');
  if (h.category === 'international') out.push('outside the US');
  if (h.share >= 0.1 && h.category !== 'fund' && h.category !== 'international' && h.category !== 'cash') out.push('over 10 % of the portfolio');
  return out.join(' · ');
}
