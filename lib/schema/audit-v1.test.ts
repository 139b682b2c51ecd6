import { describe, expect, it } from 'vitest';
import { buildAudit } from '../analysis/audit';
import { MINI, account, h } from '../analysis/__fixtures__/mini-reference';
import { DEFAULT_RULE_SETTINGS } from './settings';
import { AUDIT_SCHEMA_ID, AUDIT_SCHEMA_ID_V1 } from './audit';
import { AnyVersionAuditSchema, parseAnyAudit } from './audit-v1';
import { parseBreadthFile } from '../history/files';

/** A v1 audit as Breadth wrote it: the v2 one without what v2 added. */
function asV1(): Record<string, unknown> {
  const v2 = buildAudit({ accounts: [account([h('VOO', 6_000), h('MYSTX', 4_000, { description: 'SOME ACTIVE GROWTH FUND' })])], reference: MINI, settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date('2026-01-02T00:00:00Z') });
  const json = JSON.parse(JSON.stringify(v2));
  json.schema = AUDIT_SCHEMA_ID_V1;
  delete json.portfolio.reconciliation;
  delete json.exposure.lookThroughSources;
  delete json.exposure.tiers.international;
  delete json.exposure.tiers.unrecognised;
  for (const k of ['unseen', 'shareIfUnseenLikeIndex', 'shareAtMost', 'bounded', 'unseenHoldings']) delete json.exposure.topTen[k];
  json.rules = json.rules.filter((r: { id: string }) => r.id !== 'unseen-money' && r.id !== 'source-totals');
  for (const x of json.holdings) for (const k of ['fundName', 'seenThrough', 'reason']) delete x[k];
  return json;
}

describe('v1 audits read as v2', () => {
  it('keeps every v1 figure and derives the bounds from its unresolved funds', () => {
    const v1 = asV1();
    const parsed = parseAnyAudit(v1);
    expect(parsed.success).toBe(true);
    const a = parsed.data!;
    expect(a.schema).toBe(AUDIT_SCHEMA_ID);
    expect(a.exposure.topTen.share).toBe((v1.exposure as { topTen: { share: number } }).topTen.share);
    expect(a.exposure.tiers.international).toBe(0);
    expect(a.exposure.topTen.unseen).toBeCloseTo(0.4, 12);
    expect(a.exposure.topTen.bounded).toBe(true);
    expect(a.exposure.topTen.unseenHoldings).toEqual([{ name: 'MYSTX', share: 0.4, category: 'unresolvedFund' }]);
    expect(a.portfolio.reconciliation).toEqual([]);
  });

  it('imports a v1 audit file and a history holding v1 audits; refuses v3', () => {
    const v1 = asV1();
    expect(parseBreadthFile(JSON.stringify(v1)).kind).toBe('audit');
    const history = parseBreadthFile(JSON.stringify({ schema: 'breadth.history/v1', exportedAt: '2026-01-03T00:00:00.000Z', snapshots: [v1] }));
    expect(history.kind === 'history' && history.snapshots[0]!.schema).toBe(AUDIT_SCHEMA_ID);
    expect(() => parseBreadthFile(JSON.stringify({ ...v1, schema: 'breadth.audit/v3' }))).toThrow(/newer version/);
    expect(AnyVersionAuditSchema.safeParse({ schema: AUDIT_SCHEMA_ID_V1 }).success).toBe(false);
  });
});
