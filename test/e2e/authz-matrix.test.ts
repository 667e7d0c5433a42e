import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, type RouteDefinition, routes } from '../../functions/routes.ts';
import type { LocalCloud } from '../../local/cloud.ts';
import { type ApiClient, apiClients, idempotencyKey, noticeBody } from '../support/api.ts';
import { startTestCloud } from '../support/cloud.ts';

/**
 * The authorization matrix: every route of the route table × every kind of caller, against own and
 * other parties' resources, with the exact status API.md's order of checks gives: 401 (no token),
 * 403 (role), 404 (not visible), then what the route answers the caller it serves (here, with an
 * empty body where it takes one: 400; or its state conflict: 409). Rows are generated from the
 * route table; a route without a fixture fails the test.
 */

type Caller =
  | 'anonymous'
  | 'rhOwner'
  | 'rhStranger'
  | 'sellerOwner'
  | 'sellerStranger'
  | 'reviewer'
  | 'admin'
  /** The marketplace's machine identity: an access token with the scope takedown/screening. */
  | 'machine';
const CALLERS: readonly Caller[] = [
  'anonymous',
  'rhOwner',
  'rhStranger',
  'sellerOwner',
  'sellerStranger',
  'reviewer',
  'admin',
  'machine',
];
const ROLE_OF: Record<Caller, Role | undefined> = {
  anonymous: undefined,
  rhOwner: 'rights-holder',
  rhStranger: 'rights-holder',
  sellerOwner: 'seller',
  sellerStranger: 'seller',
  reviewer: 'reviewer',
  admin: 'admin',
  machine: undefined,
};

interface Fixture {
  /** Path parameters: the owners' resources. */
  params?: Record<string, keyof Resources>;
  /** Who may see the resource among the callers the route's roles admit (default: all of them). */
  visibleTo?: readonly Caller[];
  /** What the route answers a caller it serves and who may see the resource. */
  served: number;
}

interface Resources {
  caseId: string;
  noticeId: string;
  evidenceId: string;
  ipRightId: string;
  rightsHolderId: string;
  sellerId: string;
  /** A task id that names no open task. */
  taskId: string;
  /** The owner rights holder's appeal against the case's rejection. */
  appealId: string;
  /** The data-subject routes' kind of party. */
  partyType: string;
  /** A screening rule (active, written by the reviewer). */
  ruleId: string;
  /** A scan id that names no scan. */
  scanId: string;
}

const FIXTURES: Record<string, Fixture> = {
  'POST /v1/screening-rules': { served: 400 },
  'GET /v1/screening-rules': { served: 200 },
  'POST /v1/screening-rules/{ruleId}/decision': { params: { ruleId: 'ruleId' }, served: 400 },
  'POST /v1/screening/listings': { served: 400 },
  'POST /v1/test-buys': { served: 400 },
  /** `sellerId` is required. */
  'GET /v1/test-buys': { served: 400 },
  'POST /v1/screening/scans': { served: 400 },
  'GET /v1/screening/scans/{scanId}': { params: { scanId: 'scanId' }, served: 404 },
  'POST /v1/screening/scans/{scanId}/stop': { params: { scanId: 'scanId' }, served: 404 },
  'GET /v1/health': { served: 200 },
  'GET /v1/openapi.json': { served: 200 },
  'POST /v1/rights-holders': { served: 400 },
  'GET /v1/rights-holders/me': { served: 200 },
  'POST /v1/rights-holders/{rightsHolderId}/verification': {
    params: { rightsHolderId: 'rightsHolderId' },
    served: 400,
  },
  'POST /v1/ip-rights': { served: 400 },
  'GET /v1/ip-rights': { served: 200 },
  'POST /v1/ip-rights/{ipRightId}/verification': {
    params: { ipRightId: 'ipRightId' },
    served: 400,
  },
  'POST /v1/evidence': { served: 400 },
  'GET /v1/evidence/{evidenceId}': {
    params: { evidenceId: 'evidenceId' },
    visibleTo: ['rhOwner', 'reviewer', 'admin'],
    served: 200,
  },
  'GET /v1/evidence/{evidenceId}/download': {
    params: { evidenceId: 'evidenceId' },
    visibleTo: ['rhOwner', 'sellerOwner', 'reviewer', 'admin'],
    served: 302,
  },
  'POST /v1/notices': { served: 400 },
  'GET /v1/notices': { served: 200 },
  'GET /v1/notices/{noticeId}': {
    params: { noticeId: 'noticeId' },
    visibleTo: ['rhOwner', 'reviewer', 'admin'],
    served: 200,
  },
  'POST /v1/notices/{noticeId}/withdrawal': {
    params: { noticeId: 'noticeId' },
    visibleTo: ['rhOwner'],
    served: 409,
  },
  'GET /v1/cases/{caseId}': {
    params: { caseId: 'caseId' },
    visibleTo: ['rhOwner', 'sellerOwner', 'reviewer', 'admin'],
    served: 200,
  },
  'POST /v1/cases/{caseId}/withdrawal': {
    params: { caseId: 'caseId' },
    visibleTo: ['rhOwner'],
    served: 409,
  },
  'POST /v1/cases/{caseId}/retry': { params: { caseId: 'caseId' }, served: 409 },
  'POST /v1/cases/{caseId}/court-action': {
    params: { caseId: 'caseId' },
    visibleTo: ['rhOwner'],
    served: 400,
  },
  'POST /v1/cases/{caseId}/info': {
    params: { caseId: 'caseId' },
    visibleTo: ['rhOwner'],
    served: 400,
  },
  'POST /v1/cases/{caseId}/decision': { params: { caseId: 'caseId' }, served: 400 },
  'POST /v1/cases/{caseId}/counter-notice': {
    params: { caseId: 'caseId' },
    visibleTo: ['sellerOwner'],
    served: 400,
  },
  'GET /v1/review-tasks': { served: 200 },
  'POST /v1/review-tasks/{taskId}/claim': { params: { taskId: 'taskId' }, served: 404 },
  'DELETE /v1/review-tasks/{taskId}/claim': { params: { taskId: 'taskId' }, served: 404 },
  'GET /v1/reason-codes': { served: 200 },
  'GET /v1/legal-texts': { served: 400 },
  'POST /v1/cases/{caseId}/appeals': {
    params: { caseId: 'caseId' },
    visibleTo: ['rhOwner', 'sellerOwner'],
    served: 400,
  },
  'GET /v1/appeals/{appealId}': {
    params: { appealId: 'appealId' },
    visibleTo: ['rhOwner', 'reviewer', 'admin'],
    served: 200,
  },
  'POST /v1/appeals/{appealId}/decision': { params: { appealId: 'appealId' }, served: 400 },
  'GET /v1/rights-holders/{rightsHolderId}': {
    params: { rightsHolderId: 'rightsHolderId' },
    served: 200,
  },
  'GET /v1/ip-rights/{ipRightId}': {
    params: { ipRightId: 'ipRightId' },
    visibleTo: ['rhOwner', 'reviewer', 'admin'],
    served: 200,
  },
  'GET /v1/sellers/{sellerId}': { params: { sellerId: 'sellerId' }, served: 200 },
  'POST /v1/rights-holders/{rightsHolderId}/misuse-decision': {
    params: { rightsHolderId: 'rightsHolderId' },
    served: 400,
  },
  'POST /v1/rights-holders/{rightsHolderId}/trusted-flagger': {
    params: { rightsHolderId: 'rightsHolderId' },
    served: 400,
  },
  'POST /v1/sellers/{sellerId}/suspension-decision': {
    params: { sellerId: 'sellerId' },
    served: 400,
  },
  'GET /v1/cases': { served: 200 },
  'GET /v1/evidence/{evidenceId}/view': {
    params: { evidenceId: 'evidenceId' },
    visibleTo: ['rhOwner', 'sellerOwner', 'reviewer', 'admin'],
    served: 302,
  },
  'GET /v1/sellers/me/cases': { served: 200 },
  'GET /v1/sellers/me/strikes': { served: 200 },
  'POST /v1/sellers/me/education-acknowledgement': { served: 409 },
  'POST /v1/cases/{caseId}/legal-hold/release': { params: { caseId: 'caseId' }, served: 409 },
  'GET /v1/personal-data/{partyType}/{partyId}': {
    params: { partyType: 'partyType', partyId: 'sellerId' },
    served: 200,
  },
  // The seller's only case is in its appeal window: the erasure keeps everything, and says why.
  'POST /v1/personal-data/{partyType}/{partyId}/erasure': {
    params: { partyType: 'partyType', partyId: 'sellerId' },
    served: 200,
  },
  // Without the period, the transparency routes answer 400 (the public feed to anyone).
  'GET /v1/transparency/report': { served: 400 },
  'GET /v1/transparency/statements': { served: 400 },
  'GET /v1/public/decisions': { served: 400 },
};

/** The status API.md's order of checks gives for a caller on a route. */
function expected(route: RouteDefinition, fixture: Fixture, caller: Caller): number {
  if (route.auth === 'none') return fixture.served;
  // A machine route needs the scope (a person's valid token lacks it: 403); a person's route
  // needs an ID token (a machine's access token is not one: 401).
  if (route.auth === 'machine')
    return caller === 'anonymous' ? 401 : caller === 'machine' ? fixture.served : 403;
  if (caller === 'machine') return 401;
  const role = ROLE_OF[caller];
  if (!role) return 401;
  const admitted = route.roles.some((r) => r === role || (r === 'reviewer' && role === 'admin'));
  if (!admitted) return 403;
  if (fixture.visibleTo && !fixture.visibleTo.includes(caller)) return 404;
  return fixture.served;
}

const rows = routes.flatMap((route) =>
  CALLERS.map((caller) => ({ route, caller, key: `${route.method} ${route.path}` })),
);

let cloud: LocalCloud;
let clients: Record<Caller, ApiClient>;
let resources: Resources;

beforeAll(async () => {
  cloud = await startTestCloud();
  const api = await apiClients(cloud);
  const owned = await api.newSellerListing();
  const stranger = await api.newSellerListing();
  const rhStranger = await api.mint({ sub: 'matrix-rh-stranger', groups: ['rights-holder'] });
  const registered = await rhStranger.post('/v1/rights-holders', {
    legalName: 'Globex Corporation',
    type: 'company',
    country: 'US',
    address: '1 Globex Way, Cypress Creek, OR 97000, US',
    email: 'legal@globex.example',
    phone: '+1-503-555-0199',
  });
  expect(registered.status).toBe(201);
  const filed = await api.rightsHolder.post<{ noticeId: string; cases: { caseId: string }[] }>(
    '/v1/notices',
    noticeBody([owned.listingId]),
    { 'idempotency-key': idempotencyKey() },
  );
  await cloud.settled();
  const caseId = filed.body.cases[0]!.caseId;
  expect(
    (
      await api.reviewer.post(`/v1/cases/${caseId}/decision`, {
        decision: 'reject',
        reasonCode: 'no_infringement',
        reasons: 'The evidence does not show that this listing infringes.',
      })
    ).status,
  ).toBe(200);
  await cloud.settled();
  const appeal = await api.rightsHolder.post(`/v1/cases/${caseId}/appeals`, {
    against: 'rejection',
    grounds: 'The second photo shows the registered mark.',
    evidenceIds: [],
  });
  expect(appeal.status).toBe(202);
  await cloud.settled();
  const rule = await api.reviewer.post<{ ruleId: string }>('/v1/screening-rules', {
    ipRightId: 'ipr-acme-tm-us',
    terms: ['matrix acme'],
    action: 'flag',
  });
  expect(rule.status).toBe(201);
  resources = {
    ruleId: rule.body.ruleId,
    scanId: 'scan-none',
    appealId: (appeal.body as { appealId: string }).appealId,
    caseId,
    noticeId: filed.body.noticeId,
    evidenceId: 'ev-acme-certificate',
    ipRightId: 'ipr-acme-tm-us',
    rightsHolderId: 'rh-acme',
    taskId: 'case:case-none:review.0',
    sellerId: owned.sellerId,
    partyType: 'sellers',
  };
  clients = {
    anonymous: api.anonymous,
    rhOwner: api.rightsHolder,
    rhStranger,
    sellerOwner: owned.client,
    sellerStranger: stranger.client,
    reviewer: api.reviewer,
    admin: api.admin,
    machine: await api.machine(),
  };
});
afterAll(async () => {
  await cloud?.stop();
});

describe('Authorization matrix', () => {
  it('has a fixture for every route of the route table', () => {
    const missing = routes.map((r) => `${r.method} ${r.path}`).filter((key) => !FIXTURES[key]);
    expect(missing).toEqual([]);
    expect(rows.length).toBe(routes.length * CALLERS.length);
  });

  it.each(rows.map((row) => [row.key, row.caller, row] as const))(
    '%s as %s',
    async (_key, caller, row) => {
      const fixture = FIXTURES[row.key];
      expect(fixture, `no fixture for ${row.key}`).toBeDefined();
      const path = row.route.path.replace(
        /\{([^}]+)\}/g,
        (_, name: string) => resources[(fixture!.params?.[name] ?? name) as keyof Resources],
      );
      const res =
        row.route.method === 'GET'
          ? await clients[caller].get(path)
          : await clients[caller].post(path, {});
      expect(res.status).toBe(expected(row.route, fixture!, caller));
      if (res.status >= 400)
        expect(res.headers.get('content-type')).toContain('application/problem+json');
    },
  );
});
