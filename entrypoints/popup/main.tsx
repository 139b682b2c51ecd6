import { render } from 'preact';
import { browser, storage } from '#imports';
import { listSnapshots, loadDashboard, loadEstimateReadings, loadOnlineSignals, loadUniverseScreen } from '@/lib/db';
import { getRuleSettings } from '@/lib/settings';
import { createPopupModel } from '@/lib/ui/popup-model';
import { App } from './App';
import { popupActions } from './actions';

const model = createPopupModel({ loadDashboard, getSettings: getRuleSettings, listSnapshots, loadSignals: loadOnlineSignals, loadEstimates: loadEstimateReadings, loadUniverse: loadUniverseScreen });
render(<App model={model} actions={popupActions(browser, model)} />, document.getElementById('app')!);
void model.load();
// The background bumps this after every write: a read finishing while the popup is open shows up.
storage.watch<number>('local:dataVersion', () => void model.load());
// A running online screen reports its progress; the popup shows it (and it clears when done).
const readProgress = (value: unknown) => {
  const v = value as { done?: unknown; total?: unknown } | null;
  model.progress.value = v && typeof v.done === 'number' && typeof v.total === 'number' && v.total > 0 ? { done: v.done, total: v.total } : null;
};
void storage.getItem('local:signalsProgress').then(readProgress);
storage.watch('local:signalsProgress', readProgress);
