import * as z from 'zod';
import { logger } from '../adapters/logger.ts';
import { idSchema } from '../domain/vocabulary.ts';
import { SUMMARY_REJECTED_ROWS } from '../messages/templates/fan-out-summary.ts';
import { finishFanOut } from '../use-cases/fan-out-notice.ts';
import { notifyNoticeRightsHolder } from './lib/notify.ts';
import { parseTaskInput } from './lib/task-input.ts';

const input = z.object({ v: z.literal(1), noticeId: idSchema, step: z.literal('finish_fan_out') });

/**
 * The bulk-notice machine's last task: records the fan-out's end and sends the notifier one
 * summary (rows, cases opened, duplicates, rejected rows), once per notice: never one email per
 * listing.
 */
export async function handler(event: unknown) {
  const { noticeId } = parseTaskInput(input, event);
  const { notice, progress } = await finishFanOut(noticeId);
  try {
    await notifyNoticeRightsHolder(notice, {
      step: 'fan_out_summary',
      template: 'fan_out_summary',
      message: {
        kind: 'fan_out_summary',
        facts: {
          noticeId,
          total: progress.total,
          started: progress.started,
          duplicates: progress.duplicates,
          rejected: progress.rejected,
          rejectedRows: progress.rejectedRows.slice(0, SUMMARY_REJECTED_ROWS),
        },
      },
    });
  } catch (error) {
    if ((error as Error).name === 'TransientError') throw error;
    logger.error('fan-out summary not sent', { noticeId, error: (error as Error).name });
  }
  return {
    total: progress.total,
    started: progress.started,
    duplicates: progress.duplicates,
    rejected: progress.rejected,
  };
}
