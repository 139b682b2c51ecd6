/**
 * Inline badges and the summary chip, drawn in Shadow DOM so the page's CSS cannot break them and
 * theirs cannot break the page. Every string is set as text, never parsed as HTML.
 */
import type { Badge, PageAudit } from '../schema/page';
import { BREADTH_HOST_ATTR } from '../adapters/dom';

const COLORS: Record<Badge['kind'], [string, string]> = {
  top10: ['#b3261e', '#fff'],
  sp500: ['#1a56b0', '#fff'],
  sp400: ['#1e7a3c', '#fff'],
  sp600: ['#0f6b5c', '#fff'],
  fund: ['#6b3fa0', '#fff'],
  international: ['#0b6e99', '#fff'],
  otherEquity: ['#5f6368', '#fff'],
  unresolvedFund: ['#8a5a00', '#fff'],
  unrecognised: ['#8a5a00', '#fff'],
  cash: ['#e8eaed', '#202124'],
  nonEquity: ['#e8eaed', '#202124'],
};

// Compact CSS: these strings ship in the content script, which has a 40 KB budget.
const BADGE_CSS = `:host{all:initial;display:inline-block;margin-left:6px;vertical-align:middle;}span{display:inline-block;font:600 10px/1.5 system-ui,sans-serif;letter-spacing:.03em;padding:0 5px;border-radius:8px;white-space:nowrap;cursor:help;}span:focus-visible{outline:2px solid #1a73e8;outline-offset:1px;}`;

const CHIP_CSS = `:host{all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483647;}div{display:flex;align-items:center;gap:8px;font:13px/1.4 system-ui,sans-serif;color:#202124;background:#fff;border:1px solid #dadce0;border-left:6px solid var(--level);border-radius:10px;padding:8px 8px 8px 12px;box-shadow:0 2px 10px rgba(0,0,0,.2);max-width:360px;}button{all:unset;cursor:pointer;font-size:16px;line-height:1;padding:2px 6px;border-radius:6px;color:#5f6368;}button:hover,button:focus-visible{background:#f1f3f4;outline:2px solid #1a73e8;}@media (prefers-color-scheme:dark){div{color:#e8eaed;background:#202124;border-color:#5f6368;}button{color:#bdc1c6;}button:hover,button:focus-visible{background:#3c4043;}}`;

const LEVEL_COLORS = { ok: '#1e7a3c', consider: '#a15c00', caution: '#b3261e' } as const;

/**
 * Closed shadow roots: the page's own scripts (and the analytics and session-replay scripts brokerage
 * pages carry) cannot reach into them; Breadth keeps its own handle here.
 */
const roots = new WeakMap<Element, ShadowRoot>();

/** The shadow root Breadth drew into `el` (tests read badges through it). */
export function breadthRoot(el: Element): ShadowRoot | undefined {
  return roots.get(el);
}

/** One constructed stylesheet per document and CSS, shared by every badge (not a <style> each). */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

function sharedSheet(doc: Document, css: string): CSSStyleSheet | null {
  let byCss = sheets.get(doc);
  if (!byCss) sheets.set(doc, (byCss = new Map()));
  if (!byCss.has(css)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      const Sheet = doc.defaultView?.CSSStyleSheet;
      if (Sheet && 'replaceSync' in Sheet.prototype) {
        sheet = new Sheet();
        sheet.replaceSync(css);
      }
    } catch {
      sheet = null; // no constructable stylesheets here (older engines, some content-script worlds)
    }
    byCss.set(css, sheet);
  }
  return byCss.get(css)!;
}

function host(doc: Document, tag: string, css: string): { el: HTMLElement; root: ShadowRoot } {
  const el = doc.createElement(tag);
  el.setAttribute(BREADTH_HOST_ATTR, '');
  const root = el.attachShadow({ mode: 'closed' });
  roots.set(el, root);
  const sheet = sharedSheet(doc, css);
  try {
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
      return { el, root };
    }
  } catch {
    // adoption refused: fall back to a stylesheet of its own
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { el, root };
}

/** Puts (or refreshes) the badge at the end of a symbol cell. */
export function drawBadge(cell: Element, badge: Badge): void {
  const doc = cell.ownerDocument;
  let el = cell.querySelector<HTMLElement>(':scope > [data-breadth-badge]');
  if (el && !roots.has(el)) el = null; // a look-alike the page planted is not Breadth's
  if (!el) {
    const made = host(doc, 'breadth-badge', BADGE_CSS);
    el = made.el;
    el.setAttribute('data-breadth-badge', '');
    made.root.append(doc.createElement('span'));
    cell.append(el);
  }
  // Unchanged since the last draw: touch nothing (a re-read after a page change redraws only what changed).
  if (drawn.get(el) === badgeKey(badge)) return;
  drawn.set(el, badgeKey(badge));
  const span = roots.get(el)!.querySelector('span')!;
  const [bg, fg] = COLORS[badge.kind] ?? COLORS.otherEquity;
  span.style.background = bg;
  span.style.color = fg;
  span.textContent = badge.text;
  span.title = badge.title;
  span.tabIndex = 0;
  span.setAttribute('role', 'note');
  span.setAttribute('aria-label', `Breadth: ${badge.text}. ${badge.title}`);
  el.setAttribute('data-breadth-kind', badge.kind);
  el.setAttribute('data-breadth-text', badge.text);
}

/** What a drawn badge shows, to skip redrawing it unchanged. */
const drawn = new WeakMap<Element, string>();
const badgeKey = (b: Badge) => `${b.kind}\u0000${b.text}\u0000${b.title}`;

/** Removes every badge Breadth drew except those in `keep` (the cells that still have one). */
export function clearBadges(doc: Document, keep: ReadonlySet<Element> = new Set()): void {
  for (const el of doc.querySelectorAll('[data-breadth-badge]')) if (!el.parentElement || !keep.has(el.parentElement)) el.remove();
}

/** The fixed summary chip: the page's top-10 exposure, or what went wrong. Dismissable. */
export function drawChip(doc: Document, audit: Pick<PageAudit, 'summary' | 'message'>): void {
  let el = [...doc.querySelectorAll<HTMLElement>('[data-breadth-chip]')].find((x) => roots.has(x)) ?? null;
  if (el?.hasAttribute('data-dismissed')) return;
  if (!el) {
    const made = host(doc, 'breadth-chip', CHIP_CSS);
    el = made.el;
    el.setAttribute('data-breadth-chip', '');
    const box = doc.createElement('div');
    box.setAttribute('role', 'status');
    const text = doc.createElement('span');
    const close = doc.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Hide the Breadth summary');
    close.addEventListener('click', () => {
      el!.setAttribute('data-dismissed', '');
      el!.style.display = 'none';
    });
    box.append(text, close);
    made.root.append(box);
    (doc.body ?? doc.documentElement).append(el);
  }
  const box = roots.get(el)!.querySelector('div')!;
  const text = box.querySelector('span')!;
  const message = [audit.summary?.text, audit.message].filter(Boolean).join(' — ') || 'Breadth: no holdings found on this page.';
  text.textContent = message;
  box.style.setProperty('--level', audit.summary ? LEVEL_COLORS[audit.summary.level] : '#5f6368');
  // Light-DOM copy for screen readers' page search and for tests.
  el.setAttribute('data-breadth-text', message);
  el.setAttribute('aria-label', message);
}
