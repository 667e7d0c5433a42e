import { applyCaseStep, getCase, StepAlreadyApplied } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { legalHoldEvents } from '../adapters/retention-store.ts';
import { underLegalHold } from '../domain/retention.ts';
import { apiHandler, json } from './lib/handler.ts';
import { conflict, notFound } from './lib/problem.ts';

/**
 * POST /v1/cases/{caseId}/legal-hold/release (admin): a reported court action holds the case's
 * personal data and evidence (retention) until an admin releases it, e.g. once the proceedings end.
 * The release is a timeline event; 409 when the case is not held.
 */
export const handler = apiHandler(
  'POST /v1/cases/{caseId}/legal-hold/release',
  async ({ caller, params }) => {
    const caseId = params.caseId!;
    if (!(await getCase(caseId))) throw notFound('case');
    if (!underLegalHold(await legalHoldEvents(caseId))) throw conflict('The case is not held.');
    const at = clock.now().toISOString();
    try {
      await applyCaseStep(caseId, {
        stepKey: `legal-hold-release#${at}`,
        at,
        event: { type: 'legal_hold_released', actor: { role: 'admin', id: caller.sub } },
      });
    } catch (error) {
      if (error instanceof StepAlreadyApplied) throw conflict('The hold was just released.');
      throw error;
    }
    return json(200, { caseId, releasedAt: at });
  },
);
