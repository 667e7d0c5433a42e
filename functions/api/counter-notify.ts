import { clock } from '../adapters/clock.ts';
import { assertCounterNoticeElements, counterNoticeBodySchema } from '../domain/counter-notice.ts';
import { counterNotify } from '../use-cases/case-inputs.ts';
import { caseForCaller } from './lib/case-access.ts';
import { apiHandler, json } from './lib/handler.ts';

/**
 * POST /v1/cases/{caseId}/counter-notice (the case's seller): a declaration of non-infringement with
 * the elements its jurisdiction requires (17 U.S.C. §512(g)(3); E-Commerce Law Art 43 and Civil
 * Code 1196). 400 for missing elements; 409 outside the window.
 */
export const handler = apiHandler(
  'POST /v1/cases/{caseId}/counter-notice',
  async ({ caller, params, body }) => {
    const { record } = await caseForCaller(caller, params.caseId!, ['seller']);
    const counterNotice = body(counterNoticeBodySchema);
    assertCounterNoticeElements(counterNotice, {
      jurisdiction: record.jurisdiction,
      infringementType: record.infringementType,
      now: clock.now(),
    });
    await counterNotify(record.caseId, record.sellerId!, {
      ...counterNotice,
      evidenceIds: counterNotice.evidenceIds ?? [],
    } as Parameters<typeof counterNotify>[2]);
    return json(202, { caseId: record.caseId, status: 'counter_notice_received' });
  },
);
