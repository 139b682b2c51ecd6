// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { breadthRoot, clearBadges, drawBadge } from './badges';
import type { Badge } from '../schema/page';

const top10: Badge = { kind: 'top10', text: 'TOP-10', title: 'Nvidia is one of the S&P 500’s ten largest companies.' };
const mid: Badge = { kind: 'sp400', text: 'MID', title: 'In the S&P MidCap 400.' };

describe('page badges', () => {
  it('redraws only what changed: an unchanged badge is not touched, a changed one is updated in place', async () => {
    document.body.innerHTML = '<table><tr><td id="a">NVDA</td></tr><tr><td id="b">CRS</td></tr></table>';
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    drawBadge(a, top10);
    drawBadge(b, mid);
    const first = a.querySelector('[data-breadth-badge]');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((m) => changes.push(...m));
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    clearBadges(document, new Set([a, b]));
    drawBadge(a, top10);
    drawBadge(b, { ...mid, text: 'SMALL', kind: 'sp600' });
    await Promise.resolve();
    observer.disconnect();
    expect(a.querySelector('[data-breadth-badge]')).toBe(first);
    // Only b's host changed (its two data attributes); a's was left alone.
    expect(changes.every((c) => (c.target as Element).closest('#b'))).toBe(true);
    expect(breadthRoot(b.querySelector('[data-breadth-badge]')!)!.querySelector('span')!.textContent).toBe('SMALL');
  });

  it('keeps badges in closed shadow roots the page cannot open', () => {
    document.body.innerHTML = '<p id="c">AAPL</p>';
    const cell = document.getElementById('c')!;
    drawBadge(cell, top10);
    const host = cell.querySelector('[data-breadth-badge]')!;
    expect(host.shadowRoot).toBeNull();
    expect(breadthRoot(host)).toBeDefined();
    clearBadges(document);
    expect(cell.querySelector('[data-breadth-badge]')).toBeNull();
  });
});
