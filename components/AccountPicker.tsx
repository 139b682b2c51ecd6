import type { AccountSummary } from '@/lib/schema/dashboard';

export const ALL_ACCOUNTS = '';

const realCount = (accounts: readonly AccountSummary[]) => accounts.filter((a) => !a.demo).length;

/** "All accounts" or one account. */
export function AccountPicker({ accounts, value, onChange }: { accounts: readonly AccountSummary[]; value: string; onChange: (key: string) => void }) {
  return (
    <label class="picker">
      <span class="visually-hidden">Accounts</span>
      <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {/* The demo's invented accounts are not part of "All accounts" (lib/background/service.ts). */}
        <option value={ALL_ACCOUNTS}>{realCount(accounts) ? `All accounts (${realCount(accounts)})` : `Demo portfolio (${accounts.length})`}</option>
        {[...new Set(accounts.map((a) => a.source.label))].map((source) => (
          <optgroup key={source} label={source}>
            {accounts
              .filter((a) => a.source.label === source)
              .map((a) => (
                <option key={a.key} value={a.key}>
                  {a.demo ? `${a.label} (demo)` : a.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
