/** Percent texts for sentences the engine writes (rule messages, badges). UI formatting lives in lib/ui/format. */

/** 0.4731 → `47.3 %`. */
export function percentText(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** 0.042 → `+4.2 pp`; −0.049 → `−4.9 pp`. */
export function ppText(fraction: number, digits = 1): string {
  const value = Number((fraction * 100).toFixed(digits));
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${Math.abs(value).toFixed(digits)} pp`;
}

const USD_TEXT = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
/** 42250 → `$42,250` (sentences the engine writes). */
export function moneyText(value: number): string {
  return USD_TEXT.format(value);
}
