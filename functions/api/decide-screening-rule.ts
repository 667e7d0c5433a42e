import { clock } from '../adapters/clock.ts';
import {
  decideScreeningRule,
  getScreeningRule,
  RuleNotProposed,
} from '../adapters/screening-rule-store.ts';
import { apiHandler, json } from './lib/handler.ts';
import { conflict, notFound } from './lib/problem.ts';
import { ruleView } from './list-screening-rules.ts';
import { ruleDecisionBodySchema } from './schemas/screening.ts';

/**
 * POST /v1/screening-rules/{ruleId}/decision (reviewer): activates a proposed rule (a new
 * rule-set version) or rejects it, with reasons; either takes it off the `proactive` queue.
 * 409 when the rule is not a proposal (decided already, or written active).
 */
export const handler = apiHandler(
  'POST /v1/screening-rules/{ruleId}/decision',
  async ({ caller, params, body }) => {
    const existing = await getScreeningRule(params.ruleId!);
    if (!existing) throw notFound('screening rule');
    const input = body(ruleDecisionBodySchema);
    try {
      const decided = await decideScreeningRule(existing.ruleId, {
        ...input,
        reviewerId: caller.sub,
        at: clock.now().toISOString(),
      });
      return json(200, ruleView(decided));
    } catch (error) {
      if (error instanceof RuleNotProposed)
        throw conflict(`The rule is ${existing.status}, not a proposal.`);
      throw error;
    }
  },
);
