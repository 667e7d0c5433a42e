import { queuePartition } from '../adapters/keys.ts';
import { queryQueue } from '../adapters/notice-store.ts';
import { startKeyFrom } from './lib/cursor.ts';
import { apiHandler, json } from './lib/handler.ts';
import { reviewTaskQuerySchema } from './schemas/cases.ts';
import { encodeCursor } from './schemas/common.ts';

/**
 * GET /v1/review-tasks?queue= (reviewer): pending tasks, oldest first, from the queue index. The
 * items never carry task tokens: only the fields listed here leave the table.
 */
export const handler = apiHandler('GET /v1/review-tasks', async ({ query }) => {
  const { queue, limit, cursor } = query(reviewTaskQuerySchema);
  const page = await queryQueue(
    queuePartition(queue),
    limit,
    startKeyFrom(cursor, { gsi2pk: queuePartition(queue) }),
  );
  return json(200, {
    items: page.items.map((item) => ({
      taskId: item.taskId ?? `${queue}-${item.subjectId ?? item.caseId}`,
      queue,
      kind: item.caseId
        ? item.kind
        : queue === 'ip_rights'
          ? 'ip_right_verification'
          : 'rights_holder_verification',
      ...(item.caseId ? { caseId: item.caseId } : {}),
      ...(item.noticeId ? { noticeId: item.noticeId } : {}),
      ...((item.subjectId ?? (item.caseId ? undefined : (item.ipRightId ?? item.rightsHolderId)))
        ? { subjectId: item.subjectId ?? item.ipRightId ?? item.rightsHolderId }
        : {}),
      ...(item.listingId ? { listingId: item.listingId } : {}),
      ...(item.infringementType ? { infringementType: item.infringementType } : {}),
      ...(item.jurisdiction ? { jurisdiction: item.jurisdiction } : {}),
      createdAt: item.createdAt,
      ...(item.dueAt ? { dueAt: item.dueAt } : {}),
    })),
    nextCursor: encodeCursor(page.lastKey),
  });
});
