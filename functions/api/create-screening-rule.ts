import { randomUUID } from 'node:crypto';
import { clock } from '../adapters/clock.ts';
import { getIpRight } from '../adapters/registry-store.ts';
import { createScreeningRule } from '../adapters/screening-rule-store.ts';
import { isIpRightInForce } from '../domain/eligibility.ts';
import { apiHandler, json } from './lib/handler.ts';
import { staffActor } from './lib/identity.ts';
import { requireCallerRightsHolder } from './lib/parties.ts';
import { unprocessable } from './lib/problem.ts';
import { screeningRuleBodySchema } from './schemas/screening.ts';

/**
 * POST /v1/screening-rules (rights holder, reviewer): a brand keyword rule tied to a verified IP
 * right in force. A reviewer's rule is active at once (a new rule-set version); a rights
 * holder's is a proposal, for its own IP right only, that waits in the `proactive` queue.
 */
export const handler = apiHandler('POST /v1/screening-rules', async ({ caller, body }) => {
  const input = body(screeningRuleBodySchema);
  const now = clock.now();
  const ipRight = await getIpRight(input.ipRightId);
  const rightsHolder = caller.isReviewer ? undefined : await requireCallerRightsHolder(caller);
  const usable =
    ipRight &&
    ipRight.status === 'verified' &&
    isIpRightInForce(ipRight.validUntil, now) &&
    (!rightsHolder || ipRight.rightsHolderId === rightsHolder.rightsHolderId);
  if (!ipRight || !usable) {
    throw unprocessable(
      'A rule relies on a verified IP right in force (a rights holder’s own).',
      [{ path: 'ipRightId', message: 'Not a verified IP right in force of yours' }],
      'ip_right_not_usable',
    );
  }
  const rule = await createScreeningRule({
    ruleId: `sr-${randomUUID()}`,
    ipRightId: ipRight.ipRightId,
    rightsHolderId: ipRight.rightsHolderId,
    terms: input.terms,
    exclusions: input.exclusions,
    languages: input.languages,
    action: input.action,
    status: caller.isReviewer ? 'active' : 'proposed',
    proposedBy: caller.isReviewer ? staffActor(caller) : { role: 'rights-holder', id: caller.sub },
    createdAt: now.toISOString(),
  });
  return json(201, {
    ruleId: rule.ruleId,
    status: rule.status,
    ...(rule.activatedInVersion ? { activatedInVersion: rule.activatedInVersion } : {}),
  });
});
