import { applyCaseStep, StepAlreadyApplied } from '../adapters/case-store.ts';
import { getNotice } from '../adapters/notice-store.ts';
import type { TimelineActor } from '../domain/case.ts';
import type { RecipientRole } from '../domain/ports/notifier.ts';

/** An email that came back: it bounced, or its recipient complained about it. */
export interface DeliveryProblem {
  kind: 'bounce' | 'complaint';
  /** The provider's id of the message, unique per email. */
  messageId: string;
  /** When the provider reported it (ISO instant). */
  at: string;
  template: string;
  role: RecipientRole;
  caseId?: string;
  /** For an email about a whole notice (the receipt): every case of the notice. */
  noticeId?: string;
  /** The provider's classification, e.g. `Permanent` / `General`. */
  bounceType?: string;
  bounceSubType?: string;
}

const MAIL_ACTOR: TimelineActor = { role: 'system', id: 'mail' };

/**
 * Records an email that could not be delivered (or drew a complaint) on the timeline of each case
 * it was about, so reviewers see that a party may not know: the legal clocks assume delivery.
 * The event names the template and the party's role, never the address (personal data lives on
 * the party's record). Once per message and kind: a redelivered event writes nothing.
 *
 * @returns the cases recorded on
 */
export async function recordDeliveryProblem(problem: DeliveryProblem): Promise<string[]> {
  const caseIds = problem.caseId
    ? [problem.caseId]
    : problem.noticeId
      ? ((await getNotice(problem.noticeId))?.caseIds ?? [])
      : [];
  for (const caseId of caseIds) {
    try {
      await applyCaseStep(caseId, {
        stepKey: `mail_${problem.kind}#${problem.messageId}`,
        at: problem.at,
        event: {
          type: problem.kind === 'bounce' ? 'message_undeliverable' : 'message_complaint',
          actor: MAIL_ACTOR,
          detail: {
            template: problem.template,
            role: problem.role,
            messageId: problem.messageId,
            ...(problem.bounceType ? { bounceType: problem.bounceType } : {}),
            ...(problem.bounceSubType ? { bounceSubType: problem.bounceSubType } : {}),
          },
        },
      });
    } catch (error) {
      if (!(error instanceof StepAlreadyApplied)) throw error;
    }
  }
  return caseIds;
}
