import type { CaseRecord } from '../../adapters/case-store.ts';
import { logger } from '../../adapters/logger.ts';
import { getNotice } from '../../adapters/notice-store.ts';
import { getIpRight } from '../../adapters/registry-store.ts';
import { notifyNoticeRightsHolder } from './notify.ts';

/**
 * Sends the notifier its receipt for the notice of this case (DSA Art 16(4)), once per notice:
 * every case of the notice tries as it is screened, the first one sends, the others find it sent.
 * Never fails the step: filing is done, and a receipt that cannot go now is sent by the next case
 * screened or the next attempt (a failure is logged).
 */
export async function sendNoticeReceipt(record: CaseRecord): Promise<void> {
  try {
    const [notice, ipRight] = await Promise.all([
      getNotice(record.noticeId),
      getIpRight(record.ipRightId),
    ]);
    if (!notice || !ipRight) return;
    const listingIds = notice.listingIds ?? [];
    await notifyNoticeRightsHolder(notice, {
      step: 'receipt',
      template: 'notice_receipt',
      message: {
        kind: 'notice_receipt',
        facts: {
          noticeId: notice.noticeId,
          receivedAt: notice.createdAt,
          jurisdiction: record.jurisdiction,
          infringementType: record.infringementType,
          ipRight: {
            kind: ipRight.kind,
            title: ipRight.title,
            ...(ipRight.registrationNumber
              ? { registrationNumber: ipRight.registrationNumber }
              : {}),
          },
          cases: notice.caseIds.map((caseId, i) => ({
            caseId,
            listingId: listingIds[i] ?? '',
          })),
        },
      },
    });
  } catch (error) {
    const name = (error as Error).name;
    // Another case of the notice is sending it right now: nothing to do.
    if (name === 'TransientError') return;
    logger.error('notice receipt not sent', { noticeId: record.noticeId, error: name });
  }
}
