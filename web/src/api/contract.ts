/**
 * Shapes of API.md that the service's OpenAPI document on this branch does not describe yet (the
 * unified queue, claims, reason codes, the case file, case search, inline evidence, the reviewer's
 * rights-holder profile). They are written from the contract, field for field, so the console can
 * be built against it; once the routes are in the route table, clients/typescript/schema.d.ts describes them and
 * the entries of `PendingPaths` (paths.ts) go away.
 */

export type Jurisdiction = 'US' | 'CN' | 'EU';
export type InfringementType = 'counterfeit' | 'trademark' | 'copyright' | 'patent' | 'design';

/** Every queue of the unified review queue (API.md, Review). */
export const QUEUES = [
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
export type Queue = (typeof QUEUES)[number];

export interface Claim {
  reviewer: { id: string };
  until: string;
}

export interface ReviewTask {
  taskId: string;
  queue: string;
  kind: string;
  caseId?: string;
  noticeId?: string;
  appealId?: string;
  subjectId?: string;
  listingId?: string;
  listingTitle?: string;
  rightsHolderName?: string;
  sellerId?: string;
  infringementType?: InfringementType;
  jurisdiction?: Jurisdiction;
  createdAt: string;
  dueAt?: string;
  overdue?: boolean;
  claim?: Claim;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ReviewTaskQuery {
  queue?: Queue;
  kind?: string;
  jurisdiction?: Jurisdiction;
  infringementType?: InfringementType;
  limit?: number;
  cursor?: string;
}

export interface ClaimResult {
  taskId: string;
  claim: Claim;
}

export interface ReasonCode {
  code: string;
  decisions: string[];
  label: { en: string; 'zh-CN': string };
  description: string;
  class?: string;
}

export interface EvidenceItem {
  evidenceId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  status: 'pending_upload' | 'sealed' | 'rejected';
}

export interface TimelineEntry {
  at: string;
  actor: { role: string; id?: string };
  type: string;
  detail: Record<string, unknown>;
}

export interface Standing {
  accuracy: number | null;
  decided?: number;
  window?: string;
  fastLane?: boolean;
  trustedFlagger?: { coordinator: string; reference: string; since: string };
  misuse?: { warnedAt?: string; suspendedUntil?: string };
}

export interface CounterNotice {
  statement?: string;
  receivedAt?: string;
  contact?: { name?: string; address?: string; phone?: string; email?: string };
  evidence?: EvidenceItem[];
  [key: string]: unknown;
}

export interface InfoReply {
  at?: string;
  explanation: string;
  evidence?: EvidenceItem[];
  evidenceIds?: string[];
}

export interface AppealSummary {
  appealId: string;
  against?: string;
  status: string;
  appellant?: { role: string };
  grounds?: string;
  decidedAt?: string;
}

/** `GET /v1/cases/{caseId}` as a reviewer sees it (API.md, "The case file"). */
export interface CaseFile {
  caseId: string;
  noticeId: string;
  listingId: string;
  sellerId?: string | null;
  jurisdiction: Jurisdiction;
  infringementType?: InfringementType;
  status: string;
  createdAt?: string;
  reasonCode?: string;
  deadlines: Partial<Record<DeadlineKey, string>>;
  timeline: TimelineEntry[];
  listing?: {
    listingId: string;
    title?: string;
    url?: string;
    createdAt?: string;
    status?: string;
  };
  ipRight?: {
    ipRightId?: string;
    kind: string;
    title: string;
    registrationNumber?: string;
    jurisdiction: Jurisdiction;
    proof?: EvidenceItem[];
  };
  notice?: {
    noticeId: string;
    explanation: string;
    infringementType: InfringementType;
    evidence: EvidenceItem[];
    testBuy?: { orderId: string; reportEvidenceId?: string };
  };
  reasons?: string;
  note?: string;
  rightsHolder?: {
    rightsHolderId: string;
    legalName: string;
    country?: string;
    standing?: Standing;
  };
  seller?: {
    sellerId: string;
    measure?: string;
    activeStrikes?: number;
    priorCases?: { caseId: string; status: string; at: string }[];
  };
  counterNotice?: CounterNotice;
  infoReplies?: InfoReply[];
  appeals?: AppealSummary[];
  source?: 'notice' | 'own_initiative';
  counterNoticeMode?: 'statutory_timer' | 're_review';
  decision?: { decision: string; reasonCode: string; at: string } | null;
  /** The seller (and reviewers): the statement of reasons as the seller received it. */
  statementOfReasons?: { sentAt: string; locale: string; subject: string; text: string };
  /** Fields of today's response, kept while the case file arrives. */
  listingTitle?: string;
  listingUrl?: string;
  notifier?: { rightsHolderId: string; name?: string; email?: string };
}

export type DeadlineKey =
  | 'reviewDueAt'
  | 'infoDueAt'
  | 'counterNoticeDueAt'
  | 'restoreNotBefore'
  | 'restoreBy'
  | 'courtActionDueAt'
  | 'reReviewDueAt';

export interface CaseSummary {
  caseId: string;
  noticeId: string;
  listingId: string;
  listingTitle?: string;
  sellerId?: string;
  rightsHolderId: string;
  jurisdiction: Jurisdiction;
  infringementType: InfringementType;
  status: string;
  createdAt: string;
}

export interface CaseQuery {
  status?: string;
  jurisdiction?: Jurisdiction;
  sellerId?: string;
  rightsHolderId?: string;
  noticeId?: string;
  listingId?: string;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export type CaseDecision = 'approve' | 'reject' | 'request_info' | 'restore' | 'uphold';

export interface DecisionBody {
  decision: CaseDecision;
  reasonCode: string;
  reasons: string;
  note?: string;
}

/** `GET /v1/rights-holders/{rightsHolderId}` (reviewer): the verification queue's subject. */
export interface RightsHolderProfile {
  rightsHolderId: string;
  legalName: string;
  type?: 'company' | 'individual';
  country?: string;
  address?: string;
  email?: string;
  phone?: string;
  status: 'pending_verification' | 'verified' | 'rejected';
  agentFor?: { principal: string; authorizationEvidenceId: string };
  standing?: Standing;
  recentNotices?: { noticeId: string; createdAt: string }[];
}

/** One statutory statement a party agrees to (API.md, `GET /v1/legal-texts`). */
export interface LegalText {
  key: string;
  text: string;
}

export type LegalDocument = 'notice' | 'counter_notice' | 'appeal';

export interface LegalTextQuery {
  jurisdiction: Jurisdiction;
  document: LegalDocument;
  locale?: string;
}

/** `GET /v1/legal-texts`: the statements, in whichever list the service names them. */
export interface LegalTexts {
  items?: LegalText[];
  statements?: LegalText[];
  texts?: LegalText[];
  [key: string]: unknown;
}

export type AppealAgainst = 'takedown' | 'strike' | 'account_measure' | 'rejection' | 'restore';

export interface AppealBody {
  against: AppealAgainst;
  grounds: string;
  evidenceIds: string[];
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}
