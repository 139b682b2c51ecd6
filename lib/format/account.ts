/**
 * Account numbers never leave the reader unmasked: only the last four characters are kept.
 * Applied again in the background, because pages are untrusted.
 */

/** A run of 5+ letters/digits with at least 4 digits looks like an account number. */
const ACCOUNT_NUMBER = /\b(?=[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,}\b/gi;

/** `X11111111` → `••1111`. */
export function maskAccountNumber(number: string): string {
  const compact = number.replace(/[^A-Za-z0-9]/g, '');
  return compact.length <= 4 ? `••${compact}` : `••${compact.slice(-4)}`;
}

/** Masks every account-number-looking run inside a label (`ROTH IRA 246222222` → `ROTH IRA ••2222`). */
export function maskAccountLabel(label: string): string {
  return label.replace(ACCOUNT_NUMBER, (run) => maskAccountNumber(run)).replace(/\s+/g, ' ').trim();
}

/** Label shown for an account: name plus masked number. */
export function accountLabel(name: string | undefined, number: string | undefined): string {
  const parts = [name?.trim(), number ? maskAccountNumber(number) : undefined].filter(Boolean);
  return maskAccountLabel(parts.join(' ')) || 'Account';
}
