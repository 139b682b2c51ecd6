import type { AccountSummary } from '@/lib/schema/dashboard';

export const ALL_ACCOUNTS = '';

/** "All accounts" or one account. */
export function AccountPicker({ accounts, value, onChange }: { accounts: readonly AccountSummary[]; value: string; onChange: (key: string) => void }) {
  return (
    <label class="picker">
      <span class="visually-hidden">Accounts</span>
      <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value={ALL_ACCOUNTS}>All accounts ({accounts.length})</option>
        {accounts.map((a) => (
          <option key={a.key} value={a.key}>
            {a.label}
          </option>
        ))}
      </select>
    </label>
  );
}
