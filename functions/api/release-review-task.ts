import { clock } from '../adapters/clock.ts';
import { releaseTask } from '../adapters/review-claims.ts';
import { apiHandler } from './lib/handler.ts';

/**
 * DELETE /v1/review-tasks/{taskId}/claim (reviewer): gives the task back to the queue. 204 also
 * when nobody held it; 409 while another reviewer's claim holds; 404 when no such task is open.
 */
export const handler = apiHandler(
  'DELETE /v1/review-tasks/{taskId}/claim',
  async ({ caller, params }) => {
    await releaseTask(params.taskId!, caller.sub, clock.now().toISOString());
    return { statusCode: 204, headers: { 'cache-control': 'no-store' }, body: '' };
  },
);
