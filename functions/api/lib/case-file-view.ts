import type { AppealRecord } from '../../adapters/appeal-store.ts';
import type { CaseFileRecords, CounterNoticeRecord } from '../../adapters/case-file-reader.ts';
import type { EvidenceRecord } from '../../adapters/evidence-store.ts';
import type { TimelineEvent } from '../../domain/case.ts';
import type { Policy } from '../../domain/policy.ts';
import { activeStrikes } from '../../domain/strikes.ts';
import type { TestBuyRecord } from '../../domain/test-buy.ts';
import type { CaseView } from './case-access.ts';
import { deadlinesInForce } from './deadlines-in-force.ts';
import type { StandingView } from './standing.ts';
import { publicTimeline } from './timeline-privacy.ts';

/** Statuses in which the listing stays disabled once taken down. */
const LISTING_BACK_UP = new Set(['restored', 'withdrawn']);

/**
 * The case file one party may see (API.md, "The case file"): every party gets the listing, the
 * IP right, the notice's explanation and evidence, the decision's reasons, the deadlines and the
 * timeline; the reviewer also the internal note, both parties' standing, the counter-notice in
 * full, the information replies and the pending task; the seller its own counter-notice and the
 * notifier's name (never its contact); the rights holder the counter-notice with the seller's
 * contact where the law forwards it (the statutory-timer jurisdictions: 17 U.S.C. §512(g)(2)(B),
 * E-Commerce Law Art 43). Parties see staff as `{role: "reviewer"}`, with no id.
 */
export function caseFileView(
  files: CaseFileRecords,
  view: CaseView,
  context: { policy: Policy; now: Date; standing?: StandingView },
) {
  const { record, notice, ipRight, rightsHolder } = files;
  const evidence = (ids: readonly string[]) =>
    ids.map((id) => evidenceView(id, files.evidence.get(id)));
  const disclosure = context.policy.profiles[record.jurisdiction].notifierDisclosure;
  const reviewer = view === 'reviewer';
  const decision = record.decision;

  const common = {
    caseId: record.caseId,
    noticeId: record.noticeId,
    listingId: record.listingId,
    sellerId: record.sellerId ?? null,
    jurisdiction: record.jurisdiction,
    infringementType: record.infringementType,
    source: record.source,
    // DSA Art 17(3)(b)-(c): how an own-initiative case came about, which the parties may know
    // (automated screening, or a person's test buy), without the rule that matched.
    ...(record.source === 'own_initiative'
      ? { foundBy: record.testBuy ? ('test_buy' as const) : ('screening' as const) }
      : {}),
    status: record.status,
    createdAt: record.createdAt,
    ...(record.counterNoticeMode ? { counterNoticeMode: record.counterNoticeMode } : {}),
    ...(record.duplicateOf ? { duplicateOf: record.duplicateOf } : {}),
    ...(record.reasonCode ? { reasonCode: record.reasonCode } : {}),
    listing: {
      listingId: record.listingId,
      title: record.listingTitle ?? null,
      url: record.listingUrl ?? null,
      createdAt: (record as { listingCreatedAt?: string }).listingCreatedAt ?? null,
      status:
        record.takenDownAt && !LISTING_BACK_UP.has(record.status)
          ? ('disabled' as const)
          : ('active' as const),
    },
    ipRight: ipRight
      ? {
          ipRightId: ipRight.ipRightId,
          kind: ipRight.kind,
          title: ipRight.title,
          ...(ipRight.registrationNumber ? { registrationNumber: ipRight.registrationNumber } : {}),
          jurisdiction: ipRight.jurisdiction,
          owner: ipRight.owner,
          ...(ipRight.validUntil ? { validUntil: ipRight.validUntil } : {}),
          ...(reviewer
            ? { status: ipRight.status, proof: evidence(ipRight.proofEvidenceIds ?? []) }
            : {}),
        }
      : null,
    notice: notice
      ? {
          noticeId: notice.noticeId,
          explanation: notice.explanation,
          infringementType: notice.infringementType,
          createdAt: notice.createdAt,
          evidence: evidence(notice.evidenceIds),
          ...(notice.testBuy
            ? {
                testBuy: {
                  orderId: notice.testBuy.orderId,
                  report: evidenceView(
                    notice.testBuy.reportEvidenceId,
                    files.evidence.get(notice.testBuy.reportEvidenceId),
                  ),
                },
              }
            : {}),
        }
      : null,
    notifier: {
      rightsHolderId: record.rightsHolderId,
      ...(rightsHolder && (view !== 'seller' || disclosure !== 'none')
        ? { name: rightsHolder.legalName }
        : {}),
      ...(rightsHolder && view === 'seller' && disclosure === 'name_and_email'
        ? { email: rightsHolder.email }
        : {}),
      ...(rightsHolder && view !== 'seller' ? { email: rightsHolder.email } : {}),
    },
    decision: decision
      ? {
          decision: decision.decision,
          reasonCode: decision.reasonCode,
          at: decision.at,
          // DSA Art 17(3)(c): the parties learn that no person took the decision.
          ...((decision as { automated?: boolean }).automated ? { automated: true } : {}),
        }
      : null,
    reasons: decision?.reasons ?? null,
    deadlines: deadlinesInForce(record.status, record.deadlines ?? {}),
    timeline: reviewer ? files.timeline : publicTimeline(files.timeline, view),
    appeals: files.appeals
      .filter((appeal) => reviewer || appeal.appellant.role === view)
      .map((appeal) => appealView(appeal, evidence, reviewer)),
    testBuys: files.testBuys.map((testBuy) =>
      testBuyView(testBuy, files.evidence.get(testBuy.reportEvidenceId), view),
    ),
  };

  const statement = files.statementOfReasons
    ? {
        statementOfReasons: {
          sentAt: files.statementOfReasons.renderedAt,
          locale: files.statementOfReasons.locale,
          subject: files.statementOfReasons.subject,
          text: files.statementOfReasons.text,
        },
      }
    : {};
  if (view === 'seller') {
    return {
      ...common,
      ...statement,
      ...(files.counterNotice
        ? { counterNotice: counterNoticeView(files.counterNotice, evidence, true) }
        : {}),
    };
  }
  if (view === 'rights-holder') {
    const forwardsContact = record.counterNoticeMode === 'statutory_timer';
    return {
      ...common,
      ...(files.counterNotice
        ? { counterNotice: counterNoticeView(files.counterNotice, evidence, forwardsContact) }
        : {}),
    };
  }
  const seller = files.seller;
  return {
    ...common,
    ...statement,
    decision: decision ? { ...common.decision, reviewerId: decision.reviewerId } : null,
    note: decision?.note ?? null,
    ...(record.wrongfulNoticeRecord ? { wrongfulNoticeRecord: record.wrongfulNoticeRecord } : {}),
    ...screeningView(record),
    ...(files.audit
      ? {
          audit: { taskId: files.audit.taskId, basis: files.audit.basis, dueAt: files.audit.dueAt },
        }
      : {}),
    rightsHolder: rightsHolder
      ? {
          rightsHolderId: rightsHolder.rightsHolderId,
          legalName: rightsHolder.legalName,
          entityType: rightsHolder.entityType,
          country: rightsHolder.country,
          status: rightsHolder.status,
          ...(rightsHolder.agentFor ? { agentFor: rightsHolder.agentFor.principal } : {}),
          ...(context.standing ? { standing: context.standing } : {}),
        }
      : null,
    seller: record.sellerId
      ? {
          sellerId: record.sellerId,
          measure: seller?.profile?.measure ?? 'none',
          activeStrikes: activeStrikes(seller?.strikes ?? [], context.now).map((strike) => ({
            strikeId: strike.strikeId,
            caseIds: strike.caseIds,
            at: strike.createdAt,
            expiresAt: strike.expiresAt,
            weight: strike.weight,
          })),
          priorCases: seller?.priorCases ?? [],
        }
      : null,
    ...(files.counterNotice
      ? { counterNotice: counterNoticeView(files.counterNotice, evidence, true) }
      : {}),
    infoReplies: infoReplies(files.timeline, evidence),
    pendingTask: files.pendingTask
      ? {
          kind: files.pendingTask.kind,
          ...(files.pendingTask.queue ? { queue: files.pendingTask.queue } : {}),
          createdAt: files.pendingTask.createdAt,
          ...(files.pendingTask.dueAt ? { dueAt: files.pendingTask.dueAt } : {}),
          ...(files.pendingTask.reviewClaim ? { claim: files.pendingTask.reviewClaim } : {}),
        }
      : null,
  };
}

/**
 * Reviewers only: the screening rule (and its version) whose hit opened an own-initiative case,
 * so an audit can weigh the rule and not only the listing. Parties never learn the rule: it would
 * teach how to word a listing past it.
 */
function screeningView(record: CaseFileRecords['record']) {
  const screening = (record as { screening?: { ruleId?: string; ruleVersion?: number } }).screening;
  return screening?.ruleId && screening.ruleVersion !== undefined
    ? { screening: { ruleId: screening.ruleId, ruleVersion: screening.ruleVersion } }
    : {};
}

type EvidenceList = (ids: readonly string[]) => ReturnType<typeof evidenceView>[];

/**
 * A test buy as one viewer sees it: a party of its case the order, the outcome and the report;
 * staff also the seller, listing, right, internal note and who recorded it.
 */
export function testBuyView(
  testBuy: TestBuyRecord,
  report: EvidenceRecord | undefined,
  view: CaseView,
) {
  const party = {
    testBuyId: testBuy.testBuyId,
    orderId: testBuy.orderId,
    orderedAt: testBuy.orderedAt,
    outcome: testBuy.outcome,
    report: evidenceView(testBuy.reportEvidenceId, report),
    recordedAt: testBuy.recordedAt,
  };
  if (view !== 'reviewer') return party;
  return {
    ...party,
    sellerId: testBuy.sellerId,
    ...(testBuy.listingId ? { listingId: testBuy.listingId } : {}),
    ...(testBuy.caseId ? { caseId: testBuy.caseId } : {}),
    ...(testBuy.ipRightId ? { ipRightId: testBuy.ipRightId } : {}),
    ...(testBuy.notes ? { notes: testBuy.notes } : {}),
    ...(testBuy.ownInitiativeCaseId ? { ownInitiativeCaseId: testBuy.ownInitiativeCaseId } : {}),
    recordedBy: testBuy.recordedBy,
  };
}

/** What every party may know of a piece of cited evidence: never its owner or storage key. */
export function evidenceView(evidenceId: string, record: EvidenceRecord | undefined) {
  if (!record) return { evidenceId, status: 'missing' as const };
  return {
    evidenceId,
    fileName: record.fileName,
    contentType: record.contentType,
    size: record.size,
    sha256: record.sha256,
    status: record.status,
  };
}

function counterNoticeView(
  counterNotice: CounterNoticeRecord,
  evidence: EvidenceList,
  withContact: boolean,
) {
  const { statement, receivedAt, material, district, serviceProviderDistrict } =
    counterNotice as CounterNoticeRecord & {
      material?: { description: string; location: string };
      district?: string;
      serviceProviderDistrict?: boolean;
    };
  return {
    receivedAt,
    statement,
    ...(material ? { material } : {}),
    ...(district ? { district } : {}),
    ...(serviceProviderDistrict ? { serviceProviderDistrict } : {}),
    ...(counterNotice.signature ? { signature: counterNotice.signature } : {}),
    ...(withContact ? { contact: counterNotice.contact } : {}),
    evidence: evidence(counterNotice.evidenceIds ?? []),
  };
}

function infoReplies(timeline: readonly TimelineEvent[], evidence: EvidenceList) {
  return timeline
    .filter((event) => event.type === 'info_received')
    .map((event) => ({
      at: event.at,
      explanation: (event.detail.explanation as string | undefined) ?? '',
      evidence: evidence((event.detail.evidenceIds as string[] | undefined) ?? []),
    }));
}

/**
 * An appeal as a case file shows it: the appellant sees its own (with the reasons of the
 * decision), the reviewer every appeal with the internal note and who decided.
 */
export function appealView(appeal: AppealRecord, evidence: EvidenceList, reviewer: boolean) {
  return {
    appealId: appeal.appealId,
    caseId: appeal.caseId,
    appellant: { role: appeal.appellant.role, ...(reviewer ? { id: appeal.appellant.id } : {}) },
    against: appeal.against,
    grounds: appeal.grounds,
    evidence: evidence(appeal.evidenceIds),
    status: appeal.status,
    filedAt: appeal.filedAt,
    openUntil: appeal.decisionUnderAppeal.openUntil,
    ...(appeal.fromCounterNotice ? { fromCounterNotice: true } : {}),
    ...(appeal.decidedAt ? { decidedAt: appeal.decidedAt } : {}),
    ...(appeal.reasonCode ? { reasonCode: appeal.reasonCode } : {}),
    ...(appeal.reasons ? { reasons: appeal.reasons } : {}),
    ...(reviewer && appeal.note ? { note: appeal.note } : {}),
    ...(reviewer && appeal.deciderId ? { deciderId: appeal.deciderId } : {}),
  };
}
