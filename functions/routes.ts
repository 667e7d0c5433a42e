/**
 * The route table: the one list of the public API's routes. CDK builds the REST API's methods and
 * one Lambda function per route from it; the local API Gateway emulator builds its router from it.
 * Role checks happen in the handlers (the authorizer only authenticates, in AWS and locally).
 */

import type { Grants, TableRight } from './grants.ts';

export type Role = 'rights-holder' | 'reviewer' | 'seller' | 'admin';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The OAuth scope of the marketplace's machine identity (API.md, Identity): a Cognito resource
 * server `takedown` with the scope `screening`; the client-credentials app client is granted it,
 * the method's authorizer requires it, and the local issuer mints it through `/_local/tokens`.
 */
export const SCREENING_SCOPE = 'takedown/screening';
export type MachineScope = typeof SCREENING_SCOPE;

export interface RouteDefinition {
  method: HttpMethod;
  /** Full path with API Gateway templates, e.g. '/v1/cases/{caseId}'; a final '{proxy+}' is greedy. */
  path: string;
  /**
   * The operation's name in the OpenAPI document and the generated client: camelCase, unique in the
   * table, and stable (clients call it by this name), e.g. 'getCase', 'fileNotice'.
   */
  operationId: string;
  /** Module path relative to the repo root, e.g. 'functions/api/get-case.ts'. */
  handler: string;
  /** @default 'handler' */
  exportName?: string;
  /**
   * 'none' only for /v1/health, /v1/openapi.json and the public CN Art 44 decisions feed; 'jwt' for people (a Cognito ID token);
   * 'machine' for systems (a Cognito access token from the client-credentials grant carrying
   * `scope`; the handler treats the caller as the role `marketplace`).
   */
  auth: 'none' | 'jwt' | 'machine';
  /** For `auth: 'machine'`: the OAuth scope the authorizer requires. */
  scope?: MachineScope;
  /** The roles the handler admits (`admin` holds every right of `reviewer`). Empty for public and machine routes. */
  roles: Role[];
  /** What the function may touch; CDK grants exactly this. @default {} (nothing) */
  grants?: Grants;
}

/** Every route function's timeout: under API Gateway's 29 s integration timeout. */
export const ROUTE_TIMEOUT_SECONDS = 25;

const RW = { table: 'RW' } as const;
const RO = { table: 'RO' } as const;
/** The deciding routes answer a pending task, which deletes it. */
const RWD: readonly TableRight[] = ['read', 'write', 'delete'];

/** Every route of API.md. The handler of each lives in functions/api/. */
export const routes = [
  {
    method: 'GET',
    path: '/v1/health',
    operationId: 'getHealth',
    handler: 'functions/api/health.ts',
    auth: 'none',
    roles: [],
  },
  {
    method: 'GET',
    path: '/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    handler: 'functions/api/openapi.ts',
    auth: 'none',
    roles: [],
  },

  {
    method: 'POST',
    path: '/v1/rights-holders',
    operationId: 'registerRightsHolder',
    handler: 'functions/api/register-rights-holder.ts',
    auth: 'jwt',
    roles: ['rights-holder'],
    grants: { table: 'RW', setUserAttributes: true },
  },
  {
    method: 'GET',
    path: '/v1/rights-holders/me',
    operationId: 'getMyRightsHolder',
    handler: 'functions/api/get-my-rights-holder.ts',
    auth: 'jwt',
    roles: ['rights-holder'],
    // Reading a notifier's standing refreshes its fast lane as the window slides (a write).
    grants: RW,
  },
  {
    method: 'POST',
    path: '/v1/rights-holders/{rightsHolderId}/verification',
    operationId: 'verifyRightsHolder',
    handler: 'functions/api/verify-rights-holder.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: RW,
  },
  {
    method: 'GET',
    path: '/v1/rights-holders/{rightsHolderId}',
    operationId: 'getRightsHolder',
    handler: 'functions/api/get-rights-holder.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    // Reading a notifier's standing refreshes its fast lane as the window slides (a write).
    grants: RW,
  },
  {
    method: 'GET',
    path: '/v1/ip-rights/{ipRightId}',
    operationId: 'getIpRight',
    handler: 'functions/api/get-ip-right.ts',
    auth: 'jwt',
    roles: ['reviewer', 'rights-holder'],
    grants: RO,
  },
  {
    method: 'GET',
    path: '/v1/sellers/{sellerId}',
    operationId: 'getSeller',
    handler: 'functions/api/get-seller.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: { table: 'RO', marketplace: true },
  },
  {
    method: 'POST',
    path: '/v1/sellers/{sellerId}/suspension-decision',
    operationId: 'decideSellerSuspension',
    handler: 'functions/api/decide-suspension.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: { table: RWD, marketplace: true, sendEmail: true },
  },
  {
    method: 'POST',
    path: '/v1/rights-holders/{rightsHolderId}/misuse-decision',
    operationId: 'decideNotifierMisuse',
    handler: 'functions/api/decide-misuse.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: { table: RWD, sendEmail: true },
  },
  {
    method: 'POST',
    path: '/v1/rights-holders/{rightsHolderId}/trusted-flagger',
    operationId: 'recordTrustedFlagger',
    handler: 'functions/api/record-trusted-flagger.ts',
    auth: 'jwt',
    roles: ['admin'],
    grants: RW,
  },
  {
    method: 'POST',
    path: '/v1/ip-rights',
    operationId: 'registerIpRight',
    handler: 'functions/api/register-ip-right.ts',
    auth: 'jwt',
    roles: ['rights-holder'],
    grants: RW,
  },
  {
    method: 'GET',
    path: '/v1/ip-rights',
    operationId: 'listIpRights',
    handler: 'functions/api/list-ip-rights.ts',
    auth: 'jwt',
    roles: ['rights-holder'],
    grants: RO,
  },
  {
    method: 'POST',
    path: '/v1/ip-rights/{ipRightId}/verification',
    operationId: 'verifyIpRight',
    handler: 'functions/api/verify-ip-right.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: RW,
  },

  {
    method: 'POST',
    path: '/v1/evidence',
    operationId: 'createEvidenceUpload',
    handler: 'functions/api/create-evidence-upload.ts',
    auth: 'jwt',
    roles: ['rights-holder', 'seller', 'reviewer'],
    grants: { table: 'RW', evidence: ['upload'] },
  },
  {
    method: 'GET',
    path: '/v1/evidence/{evidenceId}',
    operationId: 'getEvidence',
    handler: 'functions/api/get-evidence.ts',
    auth: 'jwt',
    roles: ['rights-holder', 'seller', 'reviewer'],
    grants: RO,
  },
  {
    method: 'GET',
    path: '/v1/evidence/{evidenceId}/view',
    operationId: 'viewEvidence',
    handler: 'functions/api/view-evidence.ts',
    auth: 'jwt',
    roles: ['rights-holder', 'seller', 'reviewer'],
    grants: { table: 'RO', evidence: ['read'] },
  },
  {
    method: 'GET',
    path: '/v1/evidence/{evidenceId}/download',
    operationId: 'downloadEvidence',
    handler: 'functions/api/download-evidence.ts',
    auth: 'jwt',
    roles: ['rights-holder', 'seller', 'reviewer'],
    grants: { table: 'RO', evidence: ['read'] },
  },

  {
    method: 'POST',
    path: '/v1/notices',
    operationId: 'fileNotice',
    handler: 'functions/api/file-notice.ts',
    auth: 'jwt',
    roles: ['rights-holder'],
    // Reads a bulk notice's manifest; resolves listing URLs through the marketplace.
    grants: {
      table: 'RW',
      evidence: ['read'],
      marketplace: true,
      startExecution: ['takedown', 'bulk-notice'],
    },
  },
  {
    method: 'GET',
    path: '/v1/notices',
    operationId: 'listNotices',
    handler: 'functions/api/list-notices.ts',
    auth: 'jwt',
    roles: ['rights-holder'],
    grants: RO,
  },
  {
    method: 'GET',
    path: '/v1/notices/{noticeId}',
    operationId: 'getNotice',
    handler: 'functions/api/get-notice.ts',
    auth: 'jwt',
    roles: ['rights-holder', 'reviewer'],
    grants: RO,
  },
  {
    method: 'POST',
    path: '/v1/notices/{noticeId}/withdrawal',
    operationId: 'withdrawNotice',
    handler: 'functions/api/withdraw-notice.ts',
    auth: 'jwt',
    roles: ['rights-holder'],
    grants: { table: RWD, sendTaskResult: true, startExecution: ['redress'] },
  },

  {
    method: 'GET',
    path: '/v1/cases/{caseId}',
    operationId: 'getCase',
    handler: 'functions/api/get-case.ts',
    auth: 'jwt',
    roles: ['rights-holder', 'seller', 'reviewer'],
    // Reading a notifier's standing refreshes its fast lane as the window slides (a write).
    grants: RW,
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/withdrawal',
    operationId: 'withdrawCase',
    handler: 'functions/api/withdraw-case.ts',
    auth: 'jwt',
    roles: ['rights-holder'],
    grants: { table: RWD, sendTaskResult: true, startExecution: ['redress'] },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/retry',
    operationId: 'retryCase',
    handler: 'functions/api/retry-case.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: { table: RWD, sendTaskResult: true },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/court-action',
    operationId: 'reportCourtAction',
    handler: 'functions/api/report-court-action.ts',
    auth: 'jwt',
    roles: ['rights-holder'],
    grants: { table: RWD, sendTaskResult: true },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/info',
    operationId: 'provideInfo',
    handler: 'functions/api/provide-info.ts',
    auth: 'jwt',
    roles: ['rights-holder'],
    grants: { table: RWD, sendTaskResult: true },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/decision',
    operationId: 'decideCase',
    handler: 'functions/api/decide-case.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    // An audit's restore starts a follow-up; a flagged own-initiative decision moves the case.
    grants: {
      table: RWD,
      sendTaskResult: true,
      startExecution: ['redress'],
      publishEvents: true,
    },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/counter-notice',
    operationId: 'fileCounterNotice',
    handler: 'functions/api/counter-notify.ts',
    auth: 'jwt',
    roles: ['seller'],
    // On a parked own-initiative case it closes the window (a status change) first.
    grants: { table: RWD, sendTaskResult: true, startExecution: ['redress'], publishEvents: true },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/appeals',
    operationId: 'fileAppeal',
    handler: 'functions/api/file-appeal.ts',
    auth: 'jwt',
    roles: ['seller', 'rights-holder'],
    // It deletes the appeal's outbox event once counted (transparency).
    grants: { table: RWD, startExecution: ['redress'] },
  },
  {
    method: 'GET',
    path: '/v1/appeals/{appealId}',
    operationId: 'getAppeal',
    handler: 'functions/api/get-appeal.ts',
    auth: 'jwt',
    roles: ['seller', 'rights-holder', 'reviewer'],
    grants: RO,
  },
  {
    method: 'POST',
    path: '/v1/appeals/{appealId}/decision',
    operationId: 'decideAppeal',
    handler: 'functions/api/decide-appeal.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: { table: RWD, sendTaskResult: true },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/legal-hold/release',
    operationId: 'releaseLegalHold',
    handler: 'functions/api/release-legal-hold.ts',
    auth: 'jwt',
    roles: ['admin'],
    grants: RW,
  },
  {
    method: 'GET',
    path: '/v1/review-tasks',
    operationId: 'listReviewTasks',
    handler: 'functions/api/list-review-tasks.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: RO,
  },

  {
    method: 'POST',
    path: '/v1/review-tasks/{taskId}/claim',
    operationId: 'claimReviewTask',
    handler: 'functions/api/claim-review-task.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: RW,
  },
  {
    method: 'DELETE',
    path: '/v1/review-tasks/{taskId}/claim',
    operationId: 'releaseReviewTask',
    handler: 'functions/api/release-review-task.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: RW,
  },
  {
    method: 'GET',
    path: '/v1/reason-codes',
    operationId: 'listReasonCodes',
    handler: 'functions/api/list-reason-codes.ts',
    auth: 'jwt',
    roles: ['reviewer', 'rights-holder', 'seller'],
  },
  {
    method: 'GET',
    path: '/v1/legal-texts',
    operationId: 'listLegalTexts',
    handler: 'functions/api/list-legal-texts.ts',
    auth: 'jwt',
    roles: ['rights-holder', 'reviewer', 'seller'],
  },
  {
    method: 'GET',
    path: '/v1/cases',
    operationId: 'searchCases',
    handler: 'functions/api/search-cases.ts',
    auth: 'jwt',
    roles: ['reviewer', 'rights-holder'],
    grants: RO,
  },

  {
    method: 'GET',
    path: '/v1/sellers/me/cases',
    operationId: 'listMyCases',
    handler: 'functions/api/list-my-cases.ts',
    auth: 'jwt',
    roles: ['seller'],
    grants: RO,
  },
  {
    method: 'GET',
    path: '/v1/sellers/me/strikes',
    operationId: 'getMyStrikes',
    handler: 'functions/api/get-my-strikes.ts',
    auth: 'jwt',
    roles: ['seller'],
    grants: RO,
  },
  {
    method: 'POST',
    path: '/v1/sellers/me/education-acknowledgement',
    operationId: 'acknowledgeEducation',
    handler: 'functions/api/acknowledge-education.ts',
    auth: 'jwt',
    roles: ['seller'],
    grants: RW,
  },

  {
    method: 'GET',
    path: '/v1/personal-data/{partyType}/{partyId}',
    operationId: 'exportPersonalData',
    handler: 'functions/api/export-personal-data.ts',
    auth: 'jwt',
    roles: ['admin'],
    grants: RO,
  },
  {
    method: 'POST',
    path: '/v1/personal-data/{partyType}/{partyId}/erasure',
    operationId: 'erasePersonalData',
    handler: 'functions/api/erase-personal-data.ts',
    auth: 'jwt',
    roles: ['admin'],
    grants: { table: 'RW', evidence: ['delete'] },
  },

  // Proactive screening (issue 18): rules as data, the marketplace's screening call, scans.
  {
    method: 'POST',
    path: '/v1/screening-rules',
    operationId: 'createScreeningRule',
    handler: 'functions/api/create-screening-rule.ts',
    auth: 'jwt',
    roles: ['rights-holder', 'reviewer'],
    grants: RW,
  },
  {
    method: 'GET',
    path: '/v1/screening-rules',
    operationId: 'listScreeningRules',
    handler: 'functions/api/list-screening-rules.ts',
    auth: 'jwt',
    roles: ['reviewer', 'rights-holder'],
    grants: RO,
  },
  {
    method: 'POST',
    path: '/v1/screening-rules/{ruleId}/decision',
    operationId: 'decideScreeningRule',
    handler: 'functions/api/decide-screening-rule.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: RW,
  },
  {
    method: 'POST',
    path: '/v1/screening/listings',
    operationId: 'screenListing',
    handler: 'functions/api/screen-listing.ts',
    auth: 'machine',
    scope: SCREENING_SCOPE,
    roles: [],
    // Opens own-initiative cases: the listing and its seller from the marketplace.
    grants: { table: 'RW', marketplace: true },
  },
  {
    method: 'POST',
    path: '/v1/screening/scans',
    operationId: 'startCatalogueScan',
    handler: 'functions/api/start-catalogue-scan.ts',
    auth: 'jwt',
    roles: ['admin'],
    // Writes the scan (no read), checks the export exists, starts the scan.
    grants: { table: ['write'], evidence: ['read'], startExecution: ['scan'] },
  },
  {
    method: 'GET',
    path: '/v1/screening/scans/{scanId}',
    operationId: 'getCatalogueScan',
    handler: 'functions/api/get-catalogue-scan.ts',
    auth: 'jwt',
    roles: ['admin'],
    grants: RO,
  },
  {
    method: 'POST',
    path: '/v1/screening/scans/{scanId}/stop',
    operationId: 'stopCatalogueScan',
    handler: 'functions/api/stop-catalogue-scan.ts',
    auth: 'jwt',
    roles: ['admin'],
    grants: RW,
  },
  // Mystery test buys (issue 19): staff evidence on a seller or a case; may back a takedown.
  {
    method: 'POST',
    path: '/v1/test-buys',
    operationId: 'recordTestBuy',
    handler: 'functions/api/record-test-buy.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    // Opens an own-initiative case on a confirmed counterfeit: the listing from the marketplace.
    grants: { table: 'RW', marketplace: true },
  },
  {
    method: 'GET',
    path: '/v1/test-buys',
    operationId: 'listTestBuys',
    handler: 'functions/api/list-test-buys.ts',
    auth: 'jwt',
    roles: ['reviewer'],
    grants: RO,
  },
  // Transparency (issue 20): DSA Arts 15, 24 reports and statements; CN Art 44 publication.
  {
    method: 'GET',
    path: '/v1/transparency/report',
    operationId: 'getTransparencyReport',
    handler: 'functions/api/get-transparency-report.ts',
    auth: 'jwt',
    roles: ['admin'],
    grants: RO,
  },
  {
    method: 'GET',
    path: '/v1/transparency/statements',
    operationId: 'listTransparencyStatements',
    handler: 'functions/api/list-transparency-statements.ts',
    auth: 'jwt',
    roles: ['admin'],
    grants: RO,
  },
  {
    method: 'GET',
    path: '/v1/public/decisions',
    operationId: 'listPublicDecisions',
    handler: 'functions/api/list-public-decisions.ts',
    auth: 'none',
    roles: [],
    grants: RO,
  },
] as const satisfies readonly RouteDefinition[];

/** A route's key: `METHOD /path`. */
export type Route = `${(typeof routes)[number]['method']} ${(typeof routes)[number]['path']}`;

/** The table entry of a route key (throws on a key the table lacks: a programming error). */
export function routeFor(key: Route): RouteDefinition {
  const found = (routes as readonly RouteDefinition[]).find((r) => `${r.method} ${r.path}` === key);
  if (!found) throw new Error(`route ${key} is not in the route table`);
  return found;
}
