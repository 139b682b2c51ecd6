import { render } from 'preact';
import { browser } from '#imports';
import { getRuleSettings, resetRuleSettings, saveRuleSettings } from '@/lib/settings';
import { deleteAllData } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { OptionsPage } from '@/components/OptionsPage';
import { importPositionsFile, POSITIONS_FORMATS } from '@/lib/import';

/** Tell the background to recompute; it recomputes on its next wake anyway if this fails. */
const recompute = () => sendMessage(browser.runtime, 'ui-bg:recompute', {}).then(() => undefined, () => undefined);

const root = document.getElementById('app')!;
void getRuleSettings().then((settings) =>
  render(
    <OptionsPage
      initial={settings}
      importFormats={POSITIONS_FORMATS.map((f) => f.label)}
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
      onImportFile={async ({ name, text }) => {
        const scan = importPositionsFile(text, name); // throws ImportError with a one-line reason
        const { accounts } = await sendMessage(browser.runtime, 'ui-bg:file-imported', scan);
        const skipped = scan.skipped.length ? ` ${scan.skipped.length} rows not understood (${scan.skipped[0]!.reason}${scan.skipped.length > 1 ? ', …' : ''}).` : '';
        return `Imported ${scan.holdings.length} rows in ${accounts} account${accounts === 1 ? '' : 's'} from ${scan.source.label}.${skipped} Open the Breadth popup for the audit.`;
      }}
    />,
    root,
  ),
);
