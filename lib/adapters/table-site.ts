/**
 * Sites whose positions are one or more plain tables: the generic table reader, confined to the
 * site's positions tables, with a layout check that names the selector when they are gone.
 */
import { readGrids } from './generic';
import { defineAdapter, LayoutNotRecognised, pageUrl, type Adapter, type AdapterRead } from './types';

export interface TableSite {
  id: string;
  label: string;
  matches: readonly string[];
  /** Whether a URL is the site's positions page. */
  isPositionsPage: (url: URL) => boolean;
  /** The positions table(s), one selector per page variant joined with commas. */
  tables: string;
  /** What the tables are called in the "layout not recognised" message. */
  part?: string;
}

export function defineTableSiteAdapter(site: TableSite): Adapter {
  return defineAdapter({
    id: site.id,
    label: site.label,
    matches: site.matches,
    detect: (_doc, url) => site.isPositionsPage(url),
    read(doc: Document, url: URL, now: Date): AdapterRead {
      const tables = [...doc.querySelectorAll(site.tables)];
      if (tables.length === 0) throw new LayoutNotRecognised(site.label, site.part ?? 'positions table', site.tables);
      // One read over every table: an account's total is checked against all its rows, wherever they are.
      const { holdings, skipped, anchors, statedTotals } = readGrids(tables);
      return {
        anchors,
        result: {
          source: { kind: 'page', readerId: site.id, label: site.label, url: pageUrl(url) },
          readAt: now.toISOString(),
          holdings,
          skipped,
          complete: true,
          statedTotals,
          note: holdings.length ? undefined : 'No positions in this account',
        },
      };
    },
  });
}
