import type { paths as generatedPaths } from '../../../clients/typescript/schema.d.ts';
import type {
  AppealBody,
  CaseFile,
  CaseQuery,
  CaseSummary,
  ClaimResult,
  DecisionBody,
  LegalTextQuery,
  LegalTexts,
  Page,
  ProblemBody,
  ReasonCode,
  ReviewTask,
  ReviewTaskQuery,
  RightsHolderProfile,
} from './contract.ts';

type Headers = { [name: string]: unknown };
type Json<T> = { headers: Headers; content: { 'application/json': T } };
type Problem = { headers: Headers; content: { 'application/problem+json': ProblemBody } };
type Empty = { headers: Headers; content?: never };
type Errors = {
  400: Problem;
  401: Problem;
  403: Problem;
  404: Problem;
  409: Problem;
  422: Problem;
  429: Problem;
};
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };

/** One operation in openapi-typescript's shape. */
type PathParams<Path> = [Path] extends [never] ? { path?: never } : { path: Path };
interface Operation<Path, Query, Body, Ok> {
  parameters: { query?: Query; header?: never; cookie?: never } & PathParams<Path>;
  requestBody: Body extends never ? never : { content: { 'application/json': Body } };
  responses: Ok & Errors;
}
type Get<Path, Query, Ok> = Omit<Operation<Path, Query, never, Ok>, 'requestBody'> & {
  requestBody?: never;
};

/**
 * The contract's routes (API.md) that this branch's OpenAPI document lacks or describes with an
 * older shape, in openapi-typescript's format. Each entry replaces the generated path item of the
 * same key; delete an entry once clients/typescript/schema.d.ts describes the route as API.md does.
 */
interface PendingPaths {
  '/v1/review-tasks': {
    parameters: NoParams;
    get: Get<never, ReviewTaskQuery, { 200: Json<Page<ReviewTask>> }>;
  };
  '/v1/review-tasks/{taskId}/claim': {
    parameters: NoParams;
    post: Get<{ taskId: string }, never, { 200: Json<ClaimResult> }>;
    delete: Get<{ taskId: string }, never, { 204: Empty }>;
  };
  '/v1/reason-codes': {
    parameters: NoParams;
    get: Get<never, never, { 200: Json<{ items: ReasonCode[] }> }>;
  };
  '/v1/cases': {
    parameters: NoParams;
    get: Get<never, CaseQuery, { 200: Json<Page<CaseSummary>> }>;
  };
  '/v1/cases/{caseId}': {
    parameters: NoParams;
    get: Get<{ caseId: string }, never, { 200: Json<CaseFile> }>;
  };
  '/v1/cases/{caseId}/decision': {
    parameters: NoParams;
    post: Operation<
      { caseId: string },
      never,
      DecisionBody,
      { 200: Json<{ caseId: string; status: string }> }
    >;
  };
  '/v1/evidence/{evidenceId}/view': {
    parameters: NoParams;
    get: Get<{ evidenceId: string }, never, { 302: Empty }>;
  };
  '/v1/legal-texts': {
    parameters: NoParams;
    get: Get<never, LegalTextQuery, { 200: Json<LegalTexts> }>;
  };
  '/v1/cases/{caseId}/appeals': {
    parameters: NoParams;
    post: Operation<
      { caseId: string },
      never,
      AppealBody,
      { 202: Json<{ appealId: string; status: string }> }
    >;
  };
  '/v1/rights-holders/{rightsHolderId}': {
    parameters: NoParams;
    get: Get<{ rightsHolderId: string }, never, { 200: Json<RightsHolderProfile> }>;
  };
}

/** The API as the web app calls it: the generated document, with the contract's pending routes. */
export type paths = Omit<generatedPaths, keyof PendingPaths> & PendingPaths;
