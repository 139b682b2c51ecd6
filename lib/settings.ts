/**
 * Rule thresholds, kept in extension storage. Every read is parsed with the schema: stored data that
 * no longer parses falls back to the defaults (with a warning) instead of breaking the audit.
 */
import { storage } from '#imports';
import { DEFAULT_RULE_SETTINGS, RuleSettingsSchema, type RuleSettings } from './schema/settings';

export const ruleSettingsItem = storage.defineItem<RuleSettings>('local:ruleSettings', {
  fallback: DEFAULT_RULE_SETTINGS,
  version: 1,
});

export async function getRuleSettings(): Promise<RuleSettings> {
  const stored = await ruleSettingsItem.getValue();
  const parsed = RuleSettingsSchema.safeParse(stored);
  if (!parsed.success) {
    console.warn('Breadth: stored rule settings were unreadable; using the defaults.');
    return DEFAULT_RULE_SETTINGS;
  }
  return parsed.data;
}

/** Validates and saves a change; returns the saved settings or throws with the reason. */
export async function saveRuleSettings(change: Partial<RuleSettings>): Promise<RuleSettings> {
  const next = RuleSettingsSchema.safeParse({ ...(await getRuleSettings()), ...change });
  if (!next.success) throw new Error(next.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  await ruleSettingsItem.setValue(next.data);
  return next.data;
}

export async function resetRuleSettings(): Promise<RuleSettings> {
  await ruleSettingsItem.setValue(DEFAULT_RULE_SETTINGS);
  return DEFAULT_RULE_SETTINGS;
}
