import type { components } from '../../../clients/typescript/schema.d.ts';
import type { Answer, BodyOf, paths } from './paths.ts';

/**
 * The API's shapes as the web app names them, each taken from the document generated from the
 * service's own schemas (clients/typescript/schema.d.ts), so a change of the service's contract
 * shows up here as a type error.
 */

export type Jurisdiction = 'US' | 'CN' | 'EU';
export type InfringementType = 'counterfeit' | 'trademark' | 'copyright' | 'patent' | 'design';

/**
 * Every queue of the unified review queue (API.md, Review), in the order the console offers them.
 * Keyed by the contract's own queue type, so a queue the service adds or drops is a type error here.
 */
const QUEUE_ORDER: Record<Answer<'/v1/review-tasks', 'get'>['items'][number]['queue'], number> = {
  standard: 0,
  priority: 1,
  escalated: 2,
  re_review: 3,
  appeals: 4,
  suspension_review: 5,
  standing: 6,
  proactive: 7,
  action_failed: 8,
  ip_rights: 9,
  rights_holders: 10,
};
export type Queue = keyof typeof QUEUE_ORDER;
export const QUEUES: readonly Queue[] = (Object.keys(QUEUE_ORDER) as Queue[]).sort(
  (a, b) => QUEUE_ORDER[a] - QUEUE_ORDER[b],
);

export type ReviewTask = Answer<'/v1/review-tasks', 'get'>['items'][number];
export type Claim = NonNullable<ReviewTask['claim']>;
export type ReasonCode = Answer<'/v1/reason-codes', 'get'>['items'][number];

/** `GET /v1/cases/{caseId}` as a reviewer sees it (API.md, "The case file"). */
export type CaseFile = Answer<'/v1/cases/{caseId}', 'get'>;
export type EvidenceItem = NonNullable<CaseFile['notice']>['evidence'][number];
export type TimelineEntry = CaseFile['timeline'][number];
export type DeadlineKey = keyof CaseFile['deadlines'];
export type CaseStatus = CaseFile['status'];

export type CaseSummary = Answer<'/v1/cases', 'get'>['items'][number];
export type CaseQuery = NonNullable<paths['/v1/cases']['get']['parameters']['query']>;

export type CaseDecision = BodyOf<'/v1/cases/{caseId}/decision', 'post'>['decision'];
export type DecisionBody = BodyOf<'/v1/cases/{caseId}/decision', 'post'>;

/** `GET /v1/legal-texts`: one statutory statement; one with `field` is agreed by that body field. */
export type LegalText = Answer<'/v1/legal-texts', 'get'>['items'][number];
export type LegalDocument = Answer<'/v1/legal-texts', 'get'>['document'];
export type Locale = Answer<'/v1/legal-texts', 'get'>['locale'];

export type Appeal = Answer<'/v1/appeals/{appealId}', 'get'>;
export type AppealAgainst = Appeal['against'];
export type AppealBody = BodyOf<'/v1/cases/{caseId}/appeals', 'post'>;
export type AppealDecisionBody = BodyOf<'/v1/appeals/{appealId}/decision', 'post'>;

export type CourtActionBody = BodyOf<'/v1/cases/{caseId}/court-action', 'post'>;
export type CounterNoticeBody = BodyOf<'/v1/cases/{caseId}/counter-notice', 'post'>;

export type ProblemBody = components['schemas']['Problem'];

/** `GET /v1/test-buys`: one mystery test buy as staff see it; `POST /v1/test-buys` records one. */
export type TestBuy = Answer<'/v1/test-buys', 'get'>['items'][number];
export type TestBuyBody = BodyOf<'/v1/test-buys', 'post'>;
export type TestBuyOutcome = TestBuy['outcome'];
