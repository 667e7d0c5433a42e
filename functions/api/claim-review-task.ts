import { clock } from '../adapters/clock.ts';
import { policy } from '../adapters/policy-source.ts';
import { claimTask } from '../adapters/review-claims.ts';
import { addDuration } from '../domain/duration.ts';
import { apiHandler, json } from './lib/handler.ts';

/**
 * POST /v1/review-tasks/{taskId}/claim (reviewer): takes the task for the caller until the
 * policy's claim duration passes (a claim lapses by itself, so an abandoned task returns to
 * everyone); claiming one's own task again extends it. 409 while another reviewer's claim holds;
 * 404 when no such task is open.
 */
export const handler = apiHandler(
  'POST /v1/review-tasks/{taskId}/claim',
  async ({ caller, params }) => {
    const now = clock.now();
    const until = addDuration(now, policy.review.claimDuration).toISOString();
    const claim = await claimTask(params.taskId!, caller.sub, now.toISOString(), until);
    return json(200, {
      taskId: params.taskId,
      claim: { reviewer: { id: claim.reviewerId }, until: claim.until },
    });
  },
);
