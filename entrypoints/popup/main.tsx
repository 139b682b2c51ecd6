import { render } from 'preact';
import { browser, storage } from '#imports';
import { listSnapshots, loadDashboard, loadEstimateReadings } from '@/lib/db';
import { loadOnlineSignals } from '@/lib/background/online';
import { getRuleSettings } from '@/lib/settings';
import { createPopupModel } from '@/lib/ui/popup-model';
import { App } from './App';
import { popupActions } from './actions';

const model = createPopupModel({ loadDashboard, getSettings: getRuleSettings, listSnapshots, loadSignals: loadOnlineSignals, loadEstimates: loadEstimateReadings });
render(<App model={model} actions={popupActions(browser, model)} />, document.getElementById('app')!);
void model.load();
// The background bumps this after every write: a read finishing while the popup is open shows up.
storage.watch<number>('local:dataVersion', () => void model.load());
