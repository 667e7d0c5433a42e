import type { MessageContext } from './context.ts';
import type { EmailDocument, RenderedEmail } from './document.ts';
import { renderHtml } from './render-html.ts';
import { renderText } from './render-text.ts';
import { type AccountMeasureFacts, accountMeasure } from './templates/account-measure.ts';
import { type AppealDecidedFacts, appealDecided } from './templates/appeal-decided.ts';
import { type CaseOutcomeFacts, caseOutcome } from './templates/case-outcome.ts';
import {
  type CounterNoticeForwardedFacts,
  counterNoticeForwarded,
} from './templates/counter-notice-forwarded.ts';
import {
  type CounterNoticeReReviewFacts,
  counterNoticeReReview,
} from './templates/counter-notice-re-review.ts';
import { type DigestFacts, digest } from './templates/digest.ts';
import { type FanOutSummaryFacts, fanOutSummary } from './templates/fan-out-summary.ts';
import { type InfoRequestFacts, infoRequest } from './templates/info-request.ts';
import { type ListingDecisionFacts, listingDecision } from './templates/listing-decision.ts';
import { type NoticeReceiptFacts, noticeReceipt } from './templates/notice-receipt.ts';
import { type ReviewerAlertFacts, reviewerAlert } from './templates/reviewer-alert.ts';
import { type SellerCaseUpdateFacts, sellerCaseUpdate } from './templates/seller-case-update.ts';
import {
  type StatementOfReasonsFacts,
  statementOfReasons,
} from './templates/statement-of-reasons.ts';

/** Every message the service sends, by kind, with the facts its template needs. */
export type Message =
  | { kind: 'notice_receipt'; facts: NoticeReceiptFacts }
  | { kind: 'fan_out_summary'; facts: FanOutSummaryFacts }
  | { kind: 'listing_decision'; facts: ListingDecisionFacts }
  | { kind: 'info_request'; facts: InfoRequestFacts }
  | { kind: 'statement_of_reasons'; facts: StatementOfReasonsFacts }
  | { kind: 'counter_notice_forwarded'; facts: CounterNoticeForwardedFacts }
  | { kind: 'counter_notice_re_review'; facts: CounterNoticeReReviewFacts }
  | { kind: 'case_outcome'; facts: CaseOutcomeFacts }
  | { kind: 'seller_case_update'; facts: SellerCaseUpdateFacts }
  | { kind: 'reviewer_alert'; facts: ReviewerAlertFacts }
  | { kind: 'appeal_decided'; facts: AppealDecidedFacts }
  | { kind: 'account_measure'; facts: AccountMeasureFacts }
  | { kind: 'digest'; facts: DigestFacts };

export type MessageKind = Message['kind'];

type Templates = {
  [K in MessageKind]: (
    facts: Extract<Message, { kind: K }>['facts'],
    context: MessageContext,
  ) => EmailDocument;
};

/** One template per kind of message (templates/, one file each). */
const TEMPLATES: Templates = {
  notice_receipt: noticeReceipt,
  fan_out_summary: fanOutSummary,
  listing_decision: listingDecision,
  info_request: infoRequest,
  statement_of_reasons: statementOfReasons,
  counter_notice_forwarded: counterNoticeForwarded,
  counter_notice_re_review: counterNoticeReReview,
  case_outcome: caseOutcome,
  seller_case_update: sellerCaseUpdate,
  reviewer_alert: reviewerAlert,
  appeal_decided: appealDecided,
  digest,
  account_measure: accountMeasure,
};

/** The message's document, in the recipient's language and time zone. */
export function composeMessage(message: Message, context: MessageContext): EmailDocument {
  const template = TEMPLATES[message.kind] as (
    facts: Message['facts'],
    context: MessageContext,
  ) => EmailDocument;
  return template(message.facts, context);
}

/** The message as an email: its subject, HTML part and text part. Pure: no I/O, no clock. */
export async function renderMessage(
  message: Message,
  context: MessageContext,
): Promise<RenderedEmail> {
  const document = composeMessage(message, context);
  return {
    subject: document.subject,
    html: await renderHtml(document, context.audience.locale),
    text: renderText(document),
  };
}
