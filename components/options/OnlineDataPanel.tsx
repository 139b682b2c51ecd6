import { useState } from 'preact/hooks';
import { PROVIDERS, type ProviderId } from '../../lib/providers/registry';

export interface OnlineDataPanelProps {
  /** Providers turned on (setting and permission both). */
  enabled: readonly ProviderId[];
  status: Record<string, { lastSuccessAt?: string; lastErrorAt?: string; lastError?: string; requests: number }>;
  /** Asks the provider's host permission when turning on; resolves with what to tell the user. */
  onToggle: (id: ProviderId, on: boolean) => Promise<string>;
  /** The user's Alpha Vantage key ('' when none) and saving it. */
  apiKey: string;
  onSaveKey: (key: string) => Promise<string>;
}

import { formatDateTime as when } from '../../lib/ui/format';

/** Online data, off until the user turns each source on; what each gives, costs, and how it fares. */
export function OnlineDataPanel({ enabled, status, onToggle, apiKey, onSaveKey }: OnlineDataPanelProps) {
  const [said, setSaid] = useState<Record<string, string>>({});
  const [key, setKey] = useState(apiKey);
  return (
    <fieldset id="online">
      <legend>Online data</legend>
      <p class="explain">
        Off unless you turn a source on. Nothing leaves this browser before that; each source then asks your permission to reach its
        own site only, and is sent ticker symbols — never your holdings’ values or accounts. Everything works without them.
      </p>
      <ul class="providers">
        {PROVIDERS.map((p) => {
          const s = status[p.id];
          return (
            <li key={p.id}>
              <label>
                <input
                  type="checkbox"
                  checked={enabled.includes(p.id)}
                  data-testid={`provider-${p.id}`}
                  onChange={(e) => {
                    const box = e.currentTarget as HTMLInputElement;
                    if (p.id === 'estimates' && box.checked && !apiKey) {
                      box.checked = false;
                      setSaid({ ...said, [p.id]: 'Save your free Alpha Vantage key below first, then turn this on.' });
                      return;
                    }
                    void onToggle(p.id, box.checked).then((text) => setSaid({ ...said, [p.id]: text }));
                  }}
                />{' '}
                <b>{p.label}</b>
              </label>
              <p class="hint">
                {p.gives} {p.cost} Reaches {p.origins.map((o) => o.replace('https://', '').replace('/*', '')).join(' and ')}.
              </p>
              {p.id === 'estimates' && (
                <form
                  class="api-key"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void onSaveKey(key.trim()).then((text) => setSaid({ ...said, [p.id]: text }));
                  }}
                >
                  <label>
                    Your key{' '}
                    <input type="password" autoComplete="off" spellcheck={false} value={key} maxLength={64} onInput={(e) => setKey((e.currentTarget as HTMLInputElement).value)} data-testid="estimates-key" />
                  </label>{' '}
                  <button type="submit">Save key</button>
                  <span class="hint"> Free at alphavantage.co; kept in this browser only and sent only to Alpha Vantage.</span>
                </form>
              )}
              {said[p.id] && <p role="status">{said[p.id]}</p>}
              {s && (
                <p class="hint" data-testid={`provider-status-${p.id}`}>
                  {s.lastSuccessAt ? `Last refreshed ${when(s.lastSuccessAt)}` : 'Not refreshed yet'}
                  {s.lastErrorAt && (!s.lastSuccessAt || s.lastErrorAt > s.lastSuccessAt) ? ` · data unavailable since ${when(s.lastErrorAt)}: ${s.lastError}` : ''}
                  {` · ${s.requests} requests so far`}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
