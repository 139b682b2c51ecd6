/** Numbers for people (en-US, Intl). Engine sentences use lib/format/percent; screens use these. */
import { moneyText } from '../format/percent';

const percent1 = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent0 = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const pp = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const usdCompact = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/** 0.4731 → "47.3%". */
export function formatPercent(fraction: number, digits: 0 | 1 = 1): string {
  return (digits === 0 ? percent0 : percent1).format(fraction);
}

/** 0.042 → "+4.2 pp", −0.049 → "−4.9 pp". */
export function formatPp(fraction: number): string {
  return `${pp.format(fraction * 100).replace('-', '−')} pp`;
}

/** 1234567 → "$1,234,567"; compact → "$1.2M". */
export function formatMoney(value: number, compact = false): string {
  return compact ? usdCompact.format(value) : moneyText(value);
}

/** "just now", "3 min ago", "2 hours ago", "yesterday", "5 days ago". */
export function formatAgo(iso: string, now: Date): string {
  const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute').replace('minutes', 'min').replace('minute', 'min');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
/** "Nov 25, 2026, 4:37 PM" (local time) from an instant. */
export function formatDateTime(when: string | Date): string {
  return dateTime.format(typeof when === 'string' ? new Date(when) : when);
}

/** "Jun 19, 2026" from "2026-06-19". */
export function formatDate(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}
