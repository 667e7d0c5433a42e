/**
 * Every queue reviewers work (API.md, Review): case reviews by urgency and origin, re-reviews,
 * appeals, the ladder's and standing's human checks, proactive hits, parked cases, and the
 * verification of new rights holders and IP rights.
 */
export const REVIEW_QUEUES = [
  'standard',
  'priority',
  'escalated',
  're_review',
  'appeals',
  'suspension_review',
  'standing',
  'proactive',
  'action_failed',
  'ip_rights',
  'rights_holders',
] as const;
export type ReviewQueue = (typeof REVIEW_QUEUES)[number];
