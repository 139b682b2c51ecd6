import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getRuleSettings, resetRuleSettings, ruleSettingsItem, saveRuleSettings } from './settings';
import { DEFAULT_RULE_SETTINGS } from './schema/settings';

beforeEach(() => fakeBrowser.reset());

describe('rule settings', () => {
  it('starts from the defaults', async () => {
    expect(await getRuleSettings()).toEqual(DEFAULT_RULE_SETTINGS);
  });
  it('saves a valid change and keeps the rest', async () => {
    await saveRuleSettings({ activeShareMin: 0.5 });
    expect(await getRuleSettings()).toEqual({ ...DEFAULT_RULE_SETTINGS, activeShareMin: 0.5 });
  });
  it('refuses an invalid change and keeps what was stored', async () => {
    await saveRuleSettings({ singleIssuerConsider: 0.15 });
    await expect(saveRuleSettings({ singleIssuerConsider: 3 })).rejects.toThrow(/singleIssuerConsider/);
    expect((await getRuleSettings()).singleIssuerConsider).toBe(0.15);
  });
  it('falls back to the defaults when the stored value is corrupted', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await ruleSettingsItem.setValue({ activeShareMin: 'lots' } as never);
    expect(await getRuleSettings()).toEqual(DEFAULT_RULE_SETTINGS);
    expect(warn).toHaveBeenCalled();
  });
  it('resets to the defaults', async () => {
    await saveRuleSettings({ activeShareMin: 0.2 });
    expect(await resetRuleSettings()).toEqual(DEFAULT_RULE_SETTINGS);
    expect(await getRuleSettings()).toEqual(DEFAULT_RULE_SETTINGS);
  });
});
