import { createHash } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditTaskId, putAuditTaskItem } from '../adapters/audit-tasks.ts';
import type { CaseRecord } from '../adapters/case-store.ts';
import { clock } from '../adapters/clock.ts';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import {
  caseSearchKeys,
  keys,
  OWN_INITIATIVE_PENDING_PARTITION,
  queuePartition,
} from '../adapters/keys.ts';
import { marketplace } from '../adapters/marketplace.ts';
import { policy } from '../adapters/policy-source.ts';
import { getIpRight } from '../adapters/registry-store.ts';
import { getScreeningRule } from '../adapters/screening-rule-store.ts';
import { ensureSellerItem, recordSellerContact } from '../adapters/seller-store.ts';
import { addDuration } from '../domain/duration.ts';
import { sampledForAudit } from '../domain/standing.ts';
import type { InfringementType, IpRightKind, Jurisdiction } from '../domain/vocabulary.ts';

/**
 * Own-initiative cases (DOMAIN.md, proactive measures; ARCHITECTURE.md, two paths for cases):
 * a screening hit (or a test buy) becomes a case that no Standard execution holds through its
 * waits. The immediate part (takedown, strike, measure, statement of reasons to the seller's
 * marketplace inbox and daily digest; use-cases/act-on-own-initiative.ts) runs in one function, from the same idempotent steps as the notice
 * path's tasks; the case then waits parked in DynamoDB (gsi2 `PARKED_DUE`) until a job closes
 * its counter-notice window in bulk, or a counter-notice or appeal starts a small Standard
 * execution (the redress machine) for the minority that draw one.
 */
interface OwnInitiativeOpening {
  hitId: string;
  listingId: string;
  sellerId: string;
  listingTitle: string;
  ipRightId: string;
  /** The rights holder whose verified IP right the rule (or the test buy) protects. */
  rightsHolderId: string;
  jurisdiction: Jurisdiction;
  infringementType: InfringementType;
}

/** A screening hit: a keyword rule matched the listing. */
export interface ProactiveHit extends OwnInitiativeOpening {
  /** `takedown`: acted on at once, automated; `flag`: a reviewer decides first. */
  verdict: 'flag' | 'takedown';
  ruleId: string;
  ruleVersion: number;
}

/**
 * A mystery test buy that confirmed a counterfeit (issue 19, item 6): the reviewer who records it
 * decides the takedown, so the case is detected and decided by a person, with the report as its
 * evidence.
 */
export interface TestBuyTakedown extends OwnInitiativeOpening {
  testBuy: { testBuyId: string; reportEvidenceId: string; reviewerId: string; reasons: string };
}

/** The catalogue's approve code for each kind of infringement (GET /v1/reason-codes). */
const APPROVE_CODE: Record<InfringementType, string> = {
  counterfeit: 'counterfeit_goods',
  trademark: 'trademark_misuse',
  copyright: 'copyright_copy',
  patent: 'patent_claims_met',
  design: 'design_reproduced',
};

export const ownInitiativeCaseId = (hitId: string) => `oi-${hitId}`;

/** What the parties read as the reasons of an automated own-initiative takedown. */
const AUTOMATED_REASONS =
  "Taken down by automated means: our proactive screening matched the listing against a keyword rule protecting the rights holder's verified IP right. A share of such decisions is audited by a person.";

/**
 * Opens the own-initiative case of a screening hit, once (a replayed hit opens nothing new); null
 * for a listing the marketplace does not know as the seller's.
 * A `takedown` verdict is decided by automated means at once and queued for the immediate action
 * (a sampled share also for the human audit); a `flag` verdict waits in the `proactive` queue.
 */
export async function openOwnInitiativeCase(
  hit: ProactiveHit | TestBuyTakedown,
  now: Date = clock.now(),
): Promise<{ caseId: string; created: boolean } | null> {
  const caseId = ownInitiativeCaseId(hit.hitId);
  const testBuy = 'testBuy' in hit ? hit.testBuy : undefined;
  const rule = 'testBuy' in hit ? undefined : hit;
  const at = now.toISOString();
  const [listing, account] = await Promise.all([
    marketplace().getListing(hit.listingId),
    marketplace().getSeller(hit.sellerId),
  ]);
  // A listing the marketplace does not know (or another seller's) has nothing to act on.
  if (!listing || listing.sellerId !== hit.sellerId) return null;
  // How to write to the seller: its address, language and time zone, from the marketplace.
  await ensureSellerItem(hit.sellerId, account?.email ?? listing.sellerEmail);
  if (account) await recordSellerContact(account.sellerId, account);
  const automated = rule?.verdict === 'takedown';
  const decision = automated
    ? {
        decision: 'approve',
        reasonCode: APPROVE_CODE[hit.infringementType],
        reasons: AUTOMATED_REASONS,
        reviewerId: 'workflow',
        automated: true,
        basis: 'screening_rule',
        at,
      }
    : testBuy
      ? {
          decision: 'approve',
          reasonCode: APPROVE_CODE[hit.infringementType],
          reasons: testBuy.reasons,
          reviewerId: testBuy.reviewerId,
          basis: 'test_buy',
          at,
        }
      : undefined;
  const status = decision ? 'taking_down' : 'awaiting_review';
  const record: CaseRecord & Record<string, unknown> = {
    caseId,
    noticeId: `hit:${hit.hitId}`,
    rightsHolderId: hit.rightsHolderId,
    ipRightId: hit.ipRightId,
    listingId: hit.listingId,
    jurisdiction: hit.jurisdiction,
    infringementType: hit.infringementType,
    status,
    source: 'own_initiative',
    createdAt: at,
    updatedAt: at,
    version: 0,
    deadlines: {},
    sellerId: hit.sellerId,
    listingTitle: hit.listingTitle,
    listingUrl: listing.url,
    listingCreatedAt: listing.createdAt,
    searchText: `${hit.listingTitle} ${hit.listingId}`.toLowerCase(),
    ...(rule
      ? { screening: { hitId: hit.hitId, ruleId: rule.ruleId, ruleVersion: rule.ruleVersion } }
      : {}),
    ...(testBuy
      ? { testBuy: { testBuyId: testBuy.testBuyId, reportEvidenceId: testBuy.reportEvidenceId } }
      : {}),
    ...(decision ? { decision } : {}),
    ...caseSearchKeys({
      caseId,
      rightsHolderId: hit.rightsHolderId,
      listingId: hit.listingId,
      status,
      createdAt: at,
    }),
    gsi1pk: `SELLER#${hit.sellerId}`,
    gsi1sk: `CASE#${at}#${caseId}`,
    ...(decision ? { gsi2pk: OWN_INITIATIVE_PENDING_PARTITION, gsi2sk: `${at}#${caseId}` } : {}),
  };
  const event = (
    type: string,
    detail: Record<string, unknown>,
    order: string,
    actor = { role: 'system', id: 'workflow' },
  ) => ({
    Put: {
      TableName: tableName,
      Item: {
        ...keys.event(caseId, at, `${order}${type}`),
        type: 'TimelineEvent',
        at,
        actor,
        eventType: type,
        detail,
        stepKey: type,
      },
    },
  });
  const rules = policy.ownInitiative;
  const audited = automated && sampledForAudit(caseId, rules.auditSampleRate);
  const items = [
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.case(caseId), type: 'Case', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    event(
      'screened',
      rule
        ? {
            outcome: 'accepted',
            automated: true,
            source: 'own_initiative',
            verdict: rule.verdict,
            ruleId: rule.ruleId,
            ruleVersion: rule.ruleVersion,
          }
        : {
            outcome: 'accepted',
            automated: false,
            source: 'own_initiative',
            basis: 'test_buy',
            testBuyId: testBuy!.testBuyId,
          },
      '0',
    ),
    ...(testBuy
      ? [
          event(
            'decided',
            {
              decision: 'approve',
              reasonCode: decision!.reasonCode,
              basis: 'test_buy',
              testBuyId: testBuy.testBuyId,
              reviewerId: testBuy.reviewerId,
            },
            '1',
            { role: 'reviewer', id: testBuy.reviewerId },
          ),
        ]
      : automated
        ? [
            event(
              'decided',
              {
                decision: 'approve',
                reasonCode: decision!.reasonCode,
                automated: true,
                basis: 'screening_rule',
                audit: audited,
              },
              '1',
            ),
          ]
        : [proactiveReviewItem(record, addDuration(now, rules.reviewSla).toISOString())]),
    ...(audited
      ? [
          putAuditTaskItem({
            taskId: auditTaskId(record),
            kind: 'audit',
            queue: 'proactive',
            caseId,
            noticeId: record.noticeId,
            listingId: hit.listingId,
            listingTitle: hit.listingTitle,
            sellerId: hit.sellerId,
            jurisdiction: hit.jurisdiction,
            infringementType: hit.infringementType,
            basis: 'screening_rule',
            createdAt: at,
            dueAt: addDuration(now, rules.auditSla).toISOString(),
          }),
        ]
      : []),
  ];
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
    return { caseId, created: true };
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return { caseId, created: false };
    throw error;
  }
}

/** What a keyword rule protecting an IP right of this kind alleges. */
const INFRINGEMENT_OF: Record<IpRightKind, InfringementType> = {
  trademark: 'counterfeit',
  copyright: 'copyright',
  patent: 'patent',
  design: 'design',
};

/**
 * Turns a screening verdict into own-initiative cases (issue 19): one case per IP right the hits
 * protect (a listing matching two brands' rules is two cases, as two notices would be), with the
 * strongest action of that right's hits. The right gives the rights holder, the jurisdiction and
 * what is alleged; a stay-down hit names its earlier case's right and only flags.
 */
export async function openCasesForHits(input: {
  hitId: string;
  listingId: string;
  sellerId: string;
  listingTitle: string;
  ruleSetVersion: number;
  hits: readonly (
    | { kind: 'rule'; ruleId: string; action: 'flag' | 'takedown' }
    | { kind: 'stay_down'; ipRightId: string; caseId: string }
  )[];
  now: Date;
}): Promise<string[]> {
  const byRight = new Map<string, { action: 'flag' | 'takedown'; ruleId: string }>();
  for (const hit of input.hits) {
    const ipRightId =
      hit.kind === 'rule' ? (await getScreeningRule(hit.ruleId))?.ipRightId : hit.ipRightId;
    if (!ipRightId) continue;
    const action = hit.kind === 'rule' ? hit.action : 'flag';
    const ruleId = hit.kind === 'rule' ? hit.ruleId : `stay-down:${hit.caseId}`;
    const before = byRight.get(ipRightId);
    if (!before || (before.action === 'flag' && action === 'takedown'))
      byRight.set(ipRightId, { action, ruleId });
  }
  const caseIds: string[] = [];
  for (const [ipRightId, { action, ruleId }] of byRight) {
    const right = await getIpRight(ipRightId);
    if (right?.status !== 'verified') continue;
    const opened = await openOwnInitiativeCase(
      {
        hitId: `${input.hitId}-${createHash('sha256').update(ipRightId).digest('hex').slice(0, 8)}`,
        listingId: input.listingId,
        sellerId: input.sellerId,
        listingTitle: input.listingTitle,
        verdict: action,
        ipRightId,
        rightsHolderId: right.rightsHolderId,
        jurisdiction: right.jurisdiction,
        infringementType: INFRINGEMENT_OF[right.kind],
        ruleId,
        ruleVersion: input.ruleSetVersion,
      },
      input.now,
    );
    if (opened) caseIds.push(opened.caseId);
  }
  return caseIds;
}

/** The `proactive` queue's task of a flagged listing (no task token: nothing waits on it). */
function proactiveReviewItem(record: CaseRecord, dueAt: string) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.proactiveReview(record.caseId),
        type: 'ProactiveReview',
        taskId: `proactive:${record.caseId}:0`,
        kind: 'proactive_review',
        queue: 'proactive',
        caseId: record.caseId,
        listingId: record.listingId,
        listingTitle: record.listingTitle,
        sellerId: record.sellerId,
        jurisdiction: record.jurisdiction,
        infringementType: record.infringementType,
        createdAt: record.createdAt,
        dueAt,
        gsi2pk: queuePartition('proactive'),
        gsi2sk: `${dueAt}#${record.caseId}`,
      },
    },
  };
}
