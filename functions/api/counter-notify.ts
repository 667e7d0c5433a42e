import { clock } from '../adapters/clock.ts';
import { assertCounterNoticeElements, counterNoticeBodySchema } from '../domain/counter-notice.ts';
import { counterNotify } from '../use-cases/redress.ts';
import { assertOwnSealedEvidence } from './evidence-access.ts';
import { caseForCaller } from './lib/case-access.ts';
import { apiHandler, json } from './lib/handler.ts';

/**
 * POST /v1/cases/{caseId}/counter-notice (the case's seller): a declaration of non-infringement with
 * the elements its jurisdiction requires (17 U.S.C. §512(g)(3); E-Commerce Law Art 43 and Civil
 * Code 1196), citing only the seller's own sealed evidence (422). Accepted while the listing is
 * down: in the window, and after it (a late counter-notice runs the statutory timer, or becomes an
 * appeal where the case is re-reviewed). 400 for missing elements; 409 when the listing is not
 * down or a counter-notice is being handled.
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
    await assertOwnSealedEvidence(caller, counterNotice.evidenceIds);
    const result = await counterNotify(record.caseId, record.sellerId!, counterNotice);
    return json(202, { caseId: record.caseId, ...result });
  },
);
