import { render } from 'preact';
import { browser } from '#imports';
import { getRuleSettings, resetRuleSettings, saveRuleSettings } from '@/lib/settings';
import { deleteAllData } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { OptionsPage } from '@/components/OptionsPage';

/** Tell the background to recompute; it recomputes on its next wake anyway if this fails. */
const recompute = () => sendMessage(browser.runtime, 'ui-bg:recompute', {}).then(() => undefined, () => undefined);

const root = document.getElementById('app')!;
void getRuleSettings().then((settings) =>
  render(
    <OptionsPage
      initial={settings}
      onSave={async (change) => {
        const saved = await saveRuleSettings(change);
        await recompute();
        return saved;
      }}
      onReset={async () => {
        const saved = await resetRuleSettings();
        await recompute();
        return saved;
      }}
      onDeleteAll={async () => {
        await deleteAllData();
        await recompute();
      }}
    />,
    root,
  ),
);
