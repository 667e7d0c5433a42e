import * as z from 'zod';
import type { BulkNoticeRecord } from '../adapters/bulk-notice-store.ts';
import { logger } from '../adapters/logger.ts';
import { getNotice } from '../adapters/notice-store.ts';
import { getIpRight } from '../adapters/registry-store.ts';
import { idSchema } from '../domain/vocabulary.ts';
import { prepareFanOut } from '../use-cases/fan-out-notice.ts';
import { notifyNoticeRightsHolder } from './lib/notify.ts';
import { parseTaskInput } from './lib/task-input.ts';

const input = z.object({ v: z.literal(1), noticeId: idSchema, step: z.literal('prepare_fan_out') });

/**
 * The bulk-notice machine's first task: normalises the manifest for the distributed Map (see
 * prepareFanOut), and sends the notifier one receipt for the whole notice (DSA Art 16(4)), once.
 */
export async function handler(
  event: unknown,
): Promise<{ bucket: string; key: string; rows: number }> {
  const { noticeId } = parseTaskInput(input, event);
  const prepared = await prepareFanOut(noticeId);
  await sendBulkReceipt(noticeId);
  return prepared;
}

async function sendBulkReceipt(noticeId: string): Promise<void> {
  const notice = (await getNotice(noticeId)) as BulkNoticeRecord | undefined;
  if (!notice) return;
  const ipRight = await getIpRight(notice.ipRightId);
  if (!ipRight) return;
  try {
    await notifyNoticeRightsHolder(notice, {
      step: 'receipt',
      template: 'notice_receipt',
      message: {
        kind: 'notice_receipt',
        facts: {
          noticeId,
          receivedAt: notice.createdAt,
          jurisdiction: notice.jurisdiction as 'US' | 'CN' | 'EU',
          infringementType: notice.infringementType as 'counterfeit',
          ipRight: {
            kind: ipRight.kind,
            title: ipRight.title,
            ...(ipRight.registrationNumber
              ? { registrationNumber: ipRight.registrationNumber }
              : {}),
          },
          cases: [],
          manifestRows: notice.bulk.total,
        },
      },
    });
  } catch (error) {
    if ((error as Error).name === 'TransientError') throw error;
    logger.error('bulk notice receipt not sent', { noticeId, error: (error as Error).name });
  }
}
