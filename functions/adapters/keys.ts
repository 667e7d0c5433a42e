/**
 * The single table's key design: every item, with its keys and indexes, and every access pattern.
 * No access pattern scans. (The schema itself is in functions/table.ts.)
 *
 * | Item                | pk                          | sk                      | gsi1 (party's items, newest first) | gsi2 (work queues, oldest first)           |
 * |---------------------|-----------------------------|-------------------------|------------------------------------|--------------------------------------------|
 * | Rights holder       | RH#<id>                     | PROFILE                 |                                    | QUEUE#rights_holders / <at>#<id> (pending) |
 * | Sub → rights holder | SUB#<sub>                   | RIGHTS_HOLDER           |                                    |                                            |
 * | IP right            | IPR#<id>                    | IPR                     | RH#<rh> / IPR#<at>#<id>            | QUEUE#ip_rights / <at>#<id> (pending)      |
 * | Evidence            | EVIDENCE#<id>               | EVIDENCE                | OWNER#<owner> / EVIDENCE#<at>#<id> |                                            |
 * | Notice              | NOTICE#<id>                 | NOTICE                  | RH#<rh> / NOTICE#<at>#<id>         |                                            |
 * | Case                | CASE#<id>                   | CASE                    | SELLER#<seller> / CASE#<at>#<id>   | CASE_START#PENDING / <at>#<id> (outbox)    |
 *
 * The case item is also in the search indexes (each sort key `<createdAt>#<id>`, newest first):
 * gsi3 `RH#<rightsHolder>` (a rights holder's cases), gsi4 `STATUS#<status>` (kept in step with the
 * status by every status write), gsi5 `LISTING#<listingId>` (a listing's cases), gsi6
 * `CASEDAY#<yyyy-mm-dd>` (every case by day of filing: one partition a day, so no hot key).
 *
 * | Timeline event      | CASE#<id>                   | EVENT#<at>#<stepKey>    |                                    |                                            |
 * | Step guard          | CASE#<id>                   | STEP#<stepKey>          |                                    |                                            |
 * | Pending task        | CASE#<id>                   | TASK                    |                                    | QUEUE#<queue> / <at>#<id> (reviewer queues)|
 * | Counter-notice      | CASE#<id>                   | COUNTER_NOTICE          |                                    |                                            |
 * | Test buy of a case  | CASE#<id>                   | TESTBUY#<testBuyId>     | SELLER#<seller> / TESTBUY#<at>#<id> |                                           |
 * | Test buy of a seller| SELLER#<id>                 | TESTBUY#<testBuyId>     | SELLER#<seller> / TESTBUY#<at>#<id> |                                           |
 * | Test-buy order      | TESTBUY#<testBuyId>         | ORDER                   |                                    |                                            |
 * | Message copy        | CASE#<id>                   | MESSAGE#<template>#<role> |                                  |                                            |
 * | Appeal              | CASE#<id>                   | APPEAL#<appealId>       |                                    |                                            |
 * | Follow-up           | CASE#<id>                   | FOLLOWUP#<nnnn>         |                                    | FOLLOWUP_START#PENDING / <at>#<id>#<n> (outbox) |
 * | Open-case lock      | OPEN#<listing>#<ipRight>    | LOCK                    |                                    |                                            |
 * | Seller              | SELLER#<id>                 | PROFILE                 |                                    | SUSPENSION_END / <until>#<seller> (suspended) |
 * | Suspension review   | SELLER#<id>                 | SUSPENSION_REVIEW       |                                    | QUEUE#suspension_review / <dueAt>#<seller> |
 * | Seller decision     | SELLER#<id>                 | DECISION#<at>           |                                    |                                            |
 * | Notifier standing   | RH#<id>                     | STANDING                |                                    |                                            |
 * | Accuracy bucket     | RH#<id>                     | ACCURACY#<yyyy-mm-dd>   |                                    |                                            |
 * | Counted outcome     | RH#<id>                     | OUTCOME#<caseId>        |                                    |                                            |
 * | Unfounded notice    | RH#<id>                     | UNFOUNDED#<noticeId>    |                                    |                                            |
 * | Standing event      | RH#<id>                     | STANDING_EVENT#<at>#<type> |                                 |                                            |
 * | Misuse review       | RH#<id>                     | MISUSE_REVIEW           |                                    | QUEUE#standing / <dueAt>#<id>              |
 * | Strike              | SELLER#<id>                 | STRIKE#<strikeId>       |                                    | STRIKE_EXPIRY / <expiresAt>#<seller>#<strike> (active) |
 * | Idempotency record  | IDEM#<scope>#<key>          | IDEM                    |                                    |                                            |
 * | Event outbox        | OUTBOX#<caseId>             | EVENT#<stepKey>         |                                    | EVENT_OUTBOX / <at>#<caseId>#<stepKey>     |
 *
 * Access patterns:
 * - a case, its timeline (Query pk = CASE#id, sk begins_with EVENT#), its pending task: by key;
 * - a rights holder's notices or IP rights, newest first: gsi1 pk = RH#id, sk begins_with NOTICE# / IPR#;
 * - a seller's cases: gsi1 pk = SELLER#id; a seller's strikes: pk = SELLER#id, sk begins_with STRIKE#;
 * - a review queue, oldest first: gsi2 pk = QUEUE#<queue>;
 * - cases written but maybe not started: gsi2 pk = CASE_START#PENDING (the reconciler);
 * - strikes due to expire: gsi2 pk = STRIKE_EXPIRY, sk < now (the strike sweeper);
 * - suspensions due to end: gsi2 pk = SUSPENSION_END, sk < now (the same sweeper);
 * - a notifier's accuracy over its window: pk = RH#id, sk between ACCURACY#<first day> and
 *   ACCURACY#<today> (at most one item a day: counters kept with atomic ADDs, never recounted);
 * - domain events not yet accepted by the bus: gsi2 pk = EVENT_OUTBOX, sk < now - 1 min (the event relay);
 * - an open case for a listing and IP right (duplicates): by key OPEN#listing#ipRight;
 * - case search (GET /v1/cases): the most selective of gsi3..gsi6 (or the notice's case ids, or
 *   gsi1 for a seller), the other filters applied to that index's partition;
 * - a case's appeals: pk = CASE#id, sk begins_with APPEAL#; an appeal by id (`<caseId>.a<n>`: the
 *   case id is in it) by key;
 * - follow-up executions written but maybe not started: gsi2 pk = FOLLOWUP_START#PENDING (the
 *   reconciler);
 * - the copy of a message sent about a case (the seller centre shows the statement of reasons): by key.
 *
 * Timeline events, step guards and idempotency records are written once (attribute_not_exists)
 * and never updated: the timeline is append-only.
 */
export const keys = {
  rightsHolder: (id: string) => ({ pk: `RH#${id}`, sk: 'PROFILE' }),
  subLink: (sub: string) => ({ pk: `SUB#${sub}`, sk: 'RIGHTS_HOLDER' }),
  ipRight: (id: string) => ({ pk: `IPR#${id}`, sk: 'IPR' }),
  evidence: (id: string) => ({ pk: `EVIDENCE#${id}`, sk: 'EVIDENCE' }),
  notice: (id: string) => ({ pk: `NOTICE#${id}`, sk: 'NOTICE' }),
  case: (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' }),
  step: (caseId: string, stepKey: string) => ({ pk: `CASE#${caseId}`, sk: `STEP#${stepKey}` }),
  event: (caseId: string, at: string, stepKey: string) => ({
    pk: `CASE#${caseId}`,
    sk: `EVENT#${at}#${stepKey}`,
  }),
  pendingTask: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'TASK' }),
  counterNotice: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'COUNTER_NOTICE' }),
  /** The copy of a message sent about a case (the seller's statement of reasons), as sent. */
  messageCopy: (caseId: string, template: string, role: string) => ({
    pk: `CASE#${caseId}`,
    sk: `MESSAGE#${template}#${role}`,
  }),
  appeal: (caseId: string, appealId: string) => ({
    pk: `CASE#${caseId}`,
    sk: `APPEAL#${appealId}`,
  }),
  followUp: (caseId: string, n: number) => ({
    pk: `CASE#${caseId}`,
    sk: `FOLLOWUP#${String(n).padStart(4, '0')}`,
  }),
  /** A flagged own-initiative case waiting for a reviewer (the `proactive` queue). */
  proactiveReview: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'PROACTIVE_REVIEW' }),
  /** One message of a party's digest (`party` = `<role>#<id>`). */
  digestEntry: (party: string, messageId: string) => ({
    pk: `DIGEST#${party}`,
    sk: `MSG#${messageId}`,
  }),
  /** The human audit of an automated decision (one per case). */
  audit: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'AUDIT' }),
  /** A test buy attached to a case (read with the case file). */
  caseTestBuy: (caseId: string, testBuyId: string) => ({
    pk: `CASE#${caseId}`,
    sk: `TESTBUY#${testBuyId}`,
  }),
  /** A test buy attached to a seller only. */
  sellerTestBuy: (sellerId: string, testBuyId: string) => ({
    pk: `SELLER#${sellerId}`,
    sk: `TESTBUY#${testBuyId}`,
  }),
  /** One order, one test buy: where its record is. */
  testBuyOrder: (testBuyId: string) => ({ pk: `TESTBUY#${testBuyId}`, sk: 'ORDER' }),
  openCase: (listingId: string, ipRightId: string) => ({
    pk: `OPEN#${listingId}#${ipRightId}`,
    sk: 'LOCK',
  }),
  seller: (id: string) => ({ pk: `SELLER#${id}`, sk: 'PROFILE' }),
  suspensionReview: (sellerId: string) => ({ pk: `SELLER#${sellerId}`, sk: 'SUSPENSION_REVIEW' }),
  sellerDecision: (sellerId: string, at: string) => ({
    pk: `SELLER#${sellerId}`,
    sk: `DECISION#${at}`,
  }),
  standing: (rightsHolderId: string) => ({ pk: `RH#${rightsHolderId}`, sk: 'STANDING' }),
  accuracyBucket: (rightsHolderId: string, day: string) => ({
    pk: `RH#${rightsHolderId}`,
    sk: `ACCURACY#${day}`,
  }),
  countedOutcome: (rightsHolderId: string, caseId: string) => ({
    pk: `RH#${rightsHolderId}`,
    sk: `OUTCOME#${caseId}`,
  }),
  unfoundedNotice: (rightsHolderId: string, noticeId: string) => ({
    pk: `RH#${rightsHolderId}`,
    sk: `UNFOUNDED#${noticeId}`,
  }),
  standingEvent: (rightsHolderId: string, at: string, type: string) => ({
    pk: `RH#${rightsHolderId}`,
    sk: `STANDING_EVENT#${at}#${type}`,
  }),
  misuseReview: (rightsHolderId: string) => ({ pk: `RH#${rightsHolderId}`, sk: 'MISUSE_REVIEW' }),
  strike: (sellerId: string, strikeId: string) => ({
    pk: `SELLER#${sellerId}`,
    sk: `STRIKE#${strikeId}`,
  }),
  idempotency: (scope: string, key: string) => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' }),
  eventOutbox: (caseId: string, stepKey: string) => ({
    pk: `OUTBOX#${caseId}`,
    sk: `EVENT#${stepKey}`,
  }),
} as const;

export const STRIKE_EXPIRY_PARTITION = 'STRIKE_EXPIRY';
export const SUSPENSION_END_PARTITION = 'SUSPENSION_END';
export const EVENT_OUTBOX_PARTITION = 'EVENT_OUTBOX';
export const FOLLOW_UP_START_PARTITION = 'FOLLOWUP_START#PENDING';
export const queuePartition = (queue: string) => `QUEUE#${queue}`;
/** Own-initiative cases whose immediate action (takedown, strike, statement) is still to run. */
export const OWN_INITIATIVE_PENDING_PARTITION = 'OI_ACTION#PENDING';
/** Own-initiative cases parked in DynamoDB, by the end of their counter-notice window. */
export const PARKED_DUE_PARTITION = 'PARKED_DUE';
/** Digest entries, by the end of the period they collect. */
export const DIGEST_DUE_PARTITION = 'DIGEST_DUE';

/** The status index's partition of a case status. */
export const statusPartition = (status: string) => `STATUS#${status}`;

/**
 * The search-index attributes of a new case (gsi3..gsi6, see the table above). A status write
 * must set `gsi4pk` again (applyCaseStep does).
 */
export function caseSearchKeys(input: {
  caseId: string;
  rightsHolderId: string;
  listingId: string;
  status: string;
  createdAt: string;
}): Record<string, string> {
  const sk = `${input.createdAt}#${input.caseId}`;
  return {
    gsi3pk: `RH#${input.rightsHolderId}`,
    gsi3sk: `CASE#${sk}`,
    gsi4pk: statusPartition(input.status),
    gsi4sk: sk,
    gsi5pk: `LISTING#${input.listingId}`,
    gsi5sk: sk,
    gsi6pk: `CASEDAY#${input.createdAt.slice(0, 10)}`,
    gsi6sk: sk,
  };
}
