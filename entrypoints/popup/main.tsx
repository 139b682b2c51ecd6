import { render } from 'preact';
import { browser, storage } from '#imports';
import { listSnapshots, loadDashboard, loadEstimateReadings, loadOnlineSignals, loadUniverseScreen } from '@/lib/db';
import { getRuleSettings } from '@/lib/settings';
import { createPopupModel, PROGRESS_RECHECK_MS, watchScreenProgress } from '@/lib/ui/popup-model';
import { sendMessage } from '@/lib/messaging';
import { App } from './App';
import { popupActions } from './actions';

const model = createPopupModel({ loadDashboard, getSettings: getRuleSettings, listSnapshots, loadSignals: loadOnlineSignals, loadEstimates: loadEstimateReadings, loadUniverse: loadUniverseScreen });
render(<App model={model} actions={popupActions(browser, model)} />, document.getElementById('app')!);
void model.load();
// The background bumps this after every write: a read finishing while the popup is open shows up.
storage.watch<number>('local:dataVersion', () => void model.load());
// A running online screen reports its progress; the popup shows it while the worker confirms the
// screen runs (a stopped worker's last report must not stay up), and it clears when done.
const screenProgress = watchScreenProgress(model.progress, () => sendMessage(browser.runtime, 'ui-bg:signals-status', {}).then((a) => a.running));
void storage.getItem('session:signalsProgress').then(screenProgress.stored);
storage.watch('session:signalsProgress', (value) => void screenProgress.stored(value));
setInterval(() => void screenProgress.recheck(), PROGRESS_RECHECK_MS);
