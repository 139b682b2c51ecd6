import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RuleSettings } from '../../lib/schema/settings';
import type { ReferenceState } from '../../lib/schema/reference';
import { OptionsPage, type OptionsPageProps } from '../OptionsPage';
import type { DataPanelProps } from './DataPanel';
import type { OnlineDataPanelProps } from './OnlineDataPanel';

export interface OptionsDeps extends Omit<OptionsPageProps, 'data' | 'reference' | 'initial'> {
  getSettings: () => Promise<RuleSettings>;
  loadCounts: () => Promise<DataPanelProps['counts']>;
  usageBytes: () => Promise<number | null>;
  loadReference: () => Promise<{ inUse: ReferenceState; refreshed: boolean; canRollBack: boolean }>;
  onReferenceFiles: (files: { name: string; bytes: Uint8Array }[]) => Promise<{ name: string; ok: boolean; text: string }[]>;
  onRollBack: () => Promise<void>;
  onResetReference: () => Promise<void>;
  onExportHistory: () => Promise<void>;
  onDeleteAll: () => Promise<void>;
  loadOnline: () => Promise<Omit<OnlineDataPanelProps, 'onToggle' | 'onSaveKey'>>;
  onToggleProvider: OnlineDataPanelProps['onToggle'];
  onSaveKey: OnlineDataPanelProps['onSaveKey'];
  loadAutoRefresh: () => Promise<{ enabled: boolean; last: { at: string; results: { fund: string; ok: boolean; text: string }[] } | null }>;
  onToggleAutoRefresh: (on: boolean) => Promise<string>;
}

/** The options page with what it shows loaded from storage, reloaded after every change. */
export function OptionsApp(deps: OptionsDeps) {
  const [settings, setSettings] = useState<RuleSettings | null>(null);
  const [counts, setCounts] = useState<DataPanelProps['counts']>({ accounts: 0, snapshots: 0, reads: 0, referenceVersions: 0 });
  const [usage, setUsage] = useState<number | null>(null);
  const [reference, setReference] = useState<Awaited<ReturnType<OptionsDeps['loadReference']>> | null>(null);
  const [auto, setAuto] = useState<Awaited<ReturnType<OptionsDeps['loadAutoRefresh']>> | null>(null);
  const [online, setOnline] = useState<Awaited<ReturnType<OptionsDeps['loadOnline']>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const [c, u, r, a, o] = await Promise.all([deps.loadCounts(), deps.usageBytes(), deps.loadReference(), deps.loadAutoRefresh(), deps.loadOnline()]);
      setOnline(o);
      setCounts(c);
      setUsage(u);
      setReference(r);
      setAuto(a);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [deps]);
  useEffect(() => {
    void deps.getSettings().then(setSettings);
    void refresh();
  }, [deps, refresh]);
  if (!settings) return <p>Loading options…</p>;
  const after = <T,>(f: () => Promise<T>) => async () => {
    const out = await f();
    await refresh();
    return out;
  };
  return (
    <>
      {error && <p class="problem" role="alert">Breadth could not read its stored data ({error}).</p>}
      <OptionsPage
        initial={settings}
        onSave={deps.onSave}
        onReset={deps.onReset}
        importFormats={deps.importFormats}
        onImportFile={async (file) => {
          const text = await deps.onImportFile(file);
          await refresh();
          return text;
        }}
        online={
          online
            ? {
                ...online,
                onToggle: async (id, on) => {
                  const text = await deps.onToggleProvider(id, on);
                  await refresh();
                  return text;
                },
                onSaveKey: async (key) => {
                  const text = await deps.onSaveKey(key);
                  await refresh();
                  return text;
                },
              }
            : undefined
        }
        data={{ counts, usageBytes: usage, onExportHistory: deps.onExportHistory, onDeleteAll: after(deps.onDeleteAll) }}
        reference={
          reference
            ? {
                ...reference,
                now: new Date(),
                onFiles: async (files) => {
                  const out = await deps.onReferenceFiles(files);
                  await refresh();
                  return out;
                },
                onRollBack: after(deps.onRollBack),
                onReset: after(deps.onResetReference),
                autoRefresh: auto
                  ? {
                      ...auto,
                      onToggle: async (on) => {
                        const text = await deps.onToggleAutoRefresh(on);
                        await refresh();
                        return text;
                      },
                    }
                  : undefined,
              }
            : undefined
        }
      />
    </>
  );
}
