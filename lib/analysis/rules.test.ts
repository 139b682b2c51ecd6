import { describe, expect, it } from 'vitest';
import { buildAudit } from './audit';
import { worstLevel } from './rules';
import { MINI, account, h } from './__fixtures__/mini-reference';
import { DEFAULT_RULE_SETTINGS, RuleSettingsSchema, type RuleSettings } from '../schema/settings';
import type { RawHolding } from '../schema/holdings';

const at = new Date('2026-11-24T12:00:00Z');
const rules = (holdings: RawHolding[], settings: RuleSettings = DEFAULT_RULE_SETTINGS) =>
  Object.fromEntries(buildAudit({ accounts: [account(holdings)], reference: MINI, settings, generatedAt: at }).rules.map((r) => [r.id, r]));

describe('rules', () => {
  it('flags an index fund as closet indexing with no mid/small caps, top-10 equal to the index', () => {
    const r = rules([h('VOO', 10_000)]);
    expect(r['top-ten-above-index']!.level).toBe('ok'); // 90 % = 90 %: not above
    expect(r['closet-indexing']!.level).toBe('consider');
    expect(r['no-mid-small']!.level).toBe('consider');
    expect(r['sector-tilt']!.level).toBe('ok');
    expect(r['single-issuer']!.level).toBe('caution'); // Alpha is 25 % of the index, above 20 %
  });

  it('grades top-10 exposure by its margin over the index', () => {
    // BTA alone: 100 % vs 90 % → +10 pp: above the consider margin (0), not above caution (10 pp).
    expect(rules([h('BTA', 1)])['top-ten-above-index']!.level).toBe('consider');
    const strict = RuleSettingsSchema.parse({ topTenCautionMargin: 0.05 });
    expect(rules([h('BTA', 1)], strict)['top-ten-above-index']!.level).toBe('caution');
  });

  it('grades one issuer against both thresholds', () => {
    expect(rules([h('BTA', 1), h('MDA', 9)])['single-issuer']!.level).toBe('caution'); // MID1 90 %
    expect(rules([h('BTA', 15), h('MDA', 85), h('SMA', 0)])['single-issuer']!.value).toBeCloseTo(0.85, 12);
    const r = rules([h('BTA', 15), h('IJH', 85)]); // BTA 15 %, MID1 51 %
    expect(r['single-issuer']!.level).toBe('caution');
  });

  it('names financials in the sector sentence and grades the widest tilt', () => {
    const r = rules([h('GMA', 1)]); // all financials: +82 pp
    expect(r['sector-tilt']!.level).toBe('caution');
    expect(r['sector-tilt']!.message).toContain('Financials');
    expect(r['sector-tilt']!.value).toBeCloseTo(1 - 0.18, 12);
  });

  it('applies the user-chosen level when there are no mid or small caps', () => {
    const quiet = RuleSettingsSchema.parse({ noMidSmallLevel: 'ok' });
    expect(rules([h('BTA', 1)], quiet)['no-mid-small']!.level).toBe('ok');
    expect(rules([h('BTA', 1), h('IJR', 1)])['no-mid-small']!.level).toBe('ok');
  });

  it('reports the worst level', () => {
    expect(worstLevel([{ level: 'ok' }, { level: 'caution' }, { level: 'consider' }])).toBe('caution');
    expect(worstLevel([])).toBe('ok');
  });
});
