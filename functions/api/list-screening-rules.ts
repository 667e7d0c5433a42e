import { listScreeningRules, type ScreeningRuleRecord } from '../adapters/screening-rule-store.ts';
import { startKeyFrom } from './lib/cursor.ts';
import { apiHandler, json } from './lib/handler.ts';
import { requireCallerRightsHolder } from './lib/parties.ts';
import { encodeCursor } from './schemas/common.ts';
import { listRulesQuerySchema } from './schemas/screening.ts';

/**
 * GET /v1/screening-rules (reviewer: every rule; rights holder: its own), newest first. A party
 * sees the reasons of a decision, never the reviewer's id.
 */
export const handler = apiHandler('GET /v1/screening-rules', async ({ caller, query }) => {
  const { limit, cursor } = query(listRulesQuerySchema);
  const rightsHolderId = caller.isReviewer
    ? undefined
    : (await requireCallerRightsHolder(caller)).rightsHolderId;
  const startKey = startKeyFrom(
    cursor,
    rightsHolderId ? { gsi1pk: `RH#${rightsHolderId}` } : { gsi6pk: 'SRULES' },
  );
  const page = await listScreeningRules({
    ...(rightsHolderId ? { rightsHolderId } : {}),
    limit,
    ...(startKey ? { startKey } : {}),
  });
  return json(200, { items: page.items.map(ruleView), nextCursor: encodeCursor(page.lastKey) });
});

/** A rule as the API shows it. */
export function ruleView(rule: ScreeningRuleRecord) {
  return {
    ruleId: rule.ruleId,
    ipRightId: rule.ipRightId,
    rightsHolderId: rule.rightsHolderId,
    terms: rule.terms,
    exclusions: rule.exclusions,
    languages: rule.languages,
    action: rule.action,
    status: rule.status,
    createdAt: rule.createdAt,
    ...(rule.activatedInVersion ? { activatedInVersion: rule.activatedInVersion } : {}),
    ...(rule.decidedAt ? { decidedAt: rule.decidedAt } : {}),
    ...(rule.decision ? { reasons: rule.decision.reasons } : {}),
  };
}
