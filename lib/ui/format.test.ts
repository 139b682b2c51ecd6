import { describe, expect, it } from 'vitest';
import { formatAgo, formatDate, formatMoney, formatPercent, formatPp } from './format';

describe('display formatting', () => {
  it('formats shares, points and money for people', () => {
    expect(formatPercent(0.4731)).toBe('47.3%');
    expect(formatPercent(0.389, 0)).toBe('39%');
    expect(formatPp(0.042)).toBe('+4.2 pp');
    expect(formatPp(-0.049)).toBe('−4.9 pp');
    expect(formatPp(0)).toBe('0.0 pp');
    expect(formatMoney(154491.27)).toBe('$154,491');
    expect(formatMoney(1_234_567, true)).toBe('$1.2M');
    expect(formatDate('2026-06-19')).toBe('Jun 19, 2026');
  });
  it('says how long ago a read was', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(formatAgo('2026-11-24T11:59:40Z', now)).toBe('just now');
    expect(formatAgo('2026-11-24T11:57:00Z', now)).toBe('3 min ago');
    expect(formatAgo('2026-11-24T10:00:00Z', now)).toBe('2 hours ago');
    expect(formatAgo('2026-11-23T12:00:00Z', now)).toBe('yesterday');
  });
});
