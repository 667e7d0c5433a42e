import { clock } from '../adapters/clock.ts';
import { caseTaskId } from '../adapters/review-claims.ts';
import { type QueueItem, queryReviewQueues } from '../adapters/review-queue.ts';
import { REVIEW_QUEUES, type ReviewQueue } from '../domain/review-queues.ts';
import { apiHandler, json } from './lib/handler.ts';
import { reviewTaskQuerySchema } from './schemas/cases.ts';

/** Verification kinds live in their own queues; the others are a pending task's `kind`. */
const VERIFICATION_QUEUES: Partial<Record<string, ReviewQueue>> = {
  rights_holder_verification: 'rights_holders',
  ip_right_verification: 'ip_rights',
};

/**
 * GET /v1/review-tasks (reviewer): pending tasks across every queue by default, most urgent first
 * (due time ascending, so overdue ones lead), with what a reviewer needs to pick one: the listing,
 * the rights holder, the seller, the due time, and who holds a claim. `queue`, `kind`,
 * `jurisdiction` and `infringementType` narrow it. The items never carry task tokens: only the
 * fields listed here leave the table.
 */
export const handler = apiHandler('GET /v1/review-tasks', async ({ query }) => {
  const { queue, kind, jurisdiction, infringementType, limit, cursor } =
    query(reviewTaskQuerySchema);
  const verificationQueue = kind ? VERIFICATION_QUEUES[kind] : undefined;
  const queues = verificationQueue
    ? [verificationQueue].filter((q) => !queue || q === queue)
    : queue
      ? [queue]
      : REVIEW_QUEUES;
  const page = await queryReviewQueues({
    queues,
    filter: {
      ...(kind && !verificationQueue ? { kind } : {}),
      ...(jurisdiction ? { jurisdiction } : {}),
      ...(infringementType ? { infringementType } : {}),
    },
    limit,
    cursor,
  });
  const now = clock.now().toISOString();
  return json(200, {
    items: page.items.map((item) => summary(item, now)),
    nextCursor: page.nextCursor,
  });
});

/** What the queue shows of one item. */
function summary(item: QueueItem, now: string) {
  const text = (field: string) =>
    typeof item[field] === 'string' ? { [field]: item[field] as string } : {};
  const dueAt = typeof item.dueAt === 'string' ? item.dueAt : undefined;
  const claim = item.reviewClaim as { reviewerId: string; until: string } | undefined;
  const common = {
    queue: item.queue,
    createdAt: String(item.createdAt),
    ...(dueAt ? { dueAt } : {}),
    overdue: dueAt !== undefined && dueAt < now,
    ...(claim && claim.until > now
      ? { claim: { reviewer: { id: claim.reviewerId }, until: claim.until } }
      : {}),
  };
  if (item.queue === 'rights_holders') {
    return {
      taskId: `rights-holder:${item.rightsHolderId}`,
      kind: 'rights_holder_verification',
      subjectId: item.rightsHolderId,
      subjectName: item.legalName,
      rightsHolderName: item.legalName,
      ...common,
    };
  }
  if (item.queue === 'ip_rights') {
    return {
      taskId: `ip-right:${item.ipRightId}`,
      kind: 'ip_right_verification',
      subjectId: item.ipRightId,
      subjectName: item.title,
      ...text('rightsHolderName'),
      ...text('jurisdiction'),
      ...common,
    };
  }
  if (item.queue === 'proactive' && item.kind === 'screening_rule_proposal') {
    // A rights holder's proposed screening rule, for a reviewer to activate or reject.
    return {
      taskId: String(item.taskId),
      kind: String(item.kind),
      subjectId: String(item.ruleId),
      ...common,
    };
  }
  if (item.queue === 'suspension_review' || item.queue === 'standing') {
    // Tasks without a workflow wait: a seller's suspension review, a notifier's misuse review.
    return {
      taskId: String(item.taskId),
      kind: String(item.kind),
      subjectId: String(item.sellerId ?? item.rightsHolderId),
      ...text('sellerId'),
      ...text('rightsHolderName'),
      ...common,
    };
  }
  const caseId = String(item.caseId);
  const taskId = String(item.taskId);
  return {
    taskId: /^(case|audit|proactive):/.test(taskId)
      ? taskId
      : caseTaskId(caseId, String(item.stepKey)),
    kind: item.kind,
    caseId,
    source: caseSource(item),
    ...text('noticeId'),
    ...text('appealId'),
    ...text('listingId'),
    ...text('listingTitle'),
    ...text('rightsHolderName'),
    ...text('sellerId'),
    ...text('infringementType'),
    ...text('jurisdiction'),
    ...common,
  };
}

/**
 * Whether a case's task belongs to a notice or to the platform's own initiative: the proactive
 * queue holds only own-initiative cases (flagged listings, audits of automated takedowns); a
 * workflow wait records its case's source.
 */
function caseSource(item: QueueItem): 'notice' | 'own_initiative' {
  return item.queue === 'proactive' || item.source === 'own_initiative'
    ? 'own_initiative'
    : 'notice';
}
