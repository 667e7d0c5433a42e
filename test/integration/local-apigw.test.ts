import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseGroupsClaim, parseTimeClaim } from '../../local/apigw/claims.ts';
import { createApiGatewayRoutes } from '../../local/apigw/gateway.ts';
import type { ProxyHandler, RouteDefinition } from '../../local/apigw/types.ts';
import { LocalIssuer } from '../../local/auth/issuer.ts';
import { type LocalServer, sendJson, startLoopbackServer } from '../../local/http.ts';

const routes: RouteDefinition[] = [
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
    path: '/v1/cases/{caseId}',
    operationId: 'getCase',
    handler: 'functions/api/get-case.ts',
    auth: 'jwt',
    roles: ['rights-holder', 'reviewer', 'admin'],
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/decision',
    operationId: 'decideCase',
    handler: 'functions/api/decide.ts',
    auth: 'jwt',
    roles: ['reviewer', 'admin'],
  },
  {
    method: 'GET',
    path: '/v1/things/mine',
    operationId: 'getMyThings',
    handler: 'functions/api/things.ts',
    exportName: 'mine',
    auth: 'jwt',
    roles: [],
  },
  {
    method: 'GET',
    path: '/v1/things/{id}',
    operationId: 'getThing',
    handler: 'functions/api/things.ts',
    exportName: 'one',
    auth: 'jwt',
    roles: [],
  },
  {
    method: 'GET',
    path: '/v1/files/{proxy+}',
    operationId: 'getFile',
    handler: 'functions/api/files.ts',
    auth: 'jwt',
    roles: [],
  },
  {
    method: 'GET',
    path: '/v1/boom',
    operationId: 'getBoom',
    handler: 'functions/api/boom.ts',
    auth: 'jwt',
    roles: [],
  },
  {
    method: 'GET',
    path: '/v1/malformed',
    operationId: 'getMalformed',
    handler: 'functions/api/malformed.ts',
    auth: 'jwt',
    roles: [],
  },
];

interface Call {
  name: string;
  event: APIGatewayProxyEvent;
  context: Context;
  remaining: number;
}
const calls: Call[] = [];

const echo =
  (name: string, result?: Partial<APIGatewayProxyResult>): ProxyHandler =>
  async (event, context) => {
    calls.push({ name, event, context, remaining: context.getRemainingTimeInMillis() });
    return { statusCode: 200, body: JSON.stringify({ handler: name }), ...result };
  };

const handlers: Record<string, ProxyHandler> = {
  'functions/api/health.ts#handler': echo('health'),
  'functions/api/get-case.ts#handler': echo('get-case', {
    headers: { 'X-Case': 'yes', 'Cache-Control': 'no-store' },
    multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
  }),
  'functions/api/decide.ts#handler': echo('decide', {
    statusCode: 201,
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.from([0, 1, 2, 255]).toString('base64'),
    isBase64Encoded: true,
  }),
  'functions/api/things.ts#mine': echo('things-mine'),
  'functions/api/things.ts#one': echo('things-one'),
  'functions/api/files.ts#handler': echo('files'),
  'functions/api/boom.ts#handler': async (event, context) => {
    calls.push({ name: 'boom', event, context, remaining: 0 });
    throw new Error('kaboom');
  },
  'functions/api/malformed.ts#handler': async (event, context) => {
    calls.push({ name: 'malformed', event, context, remaining: 0 });
    return { statusCode: 200, body: { not: 'a string' } } as unknown as APIGatewayProxyResult;
  },
};

let issuer: LocalIssuer;
let server: LocalServer;
let token: string;

beforeAll(async () => {
  issuer = await LocalIssuer.open();
  token = await issuer.mint({
    sub: 'user-42',
    groups: ['rights-holder', 'reviewer'],
    rightsHolderId: 'rh-7',
    email: 'rh@example.com',
  });
  server = await startLoopbackServer(0, [
    createApiGatewayRoutes({
      routes,
      issuer,
      resolveHandler: async (route) => {
        const handler = handlers[`${route.handler}#${route.exportName ?? 'handler'}`];
        if (!handler) throw new Error(`no handler for ${route.handler}`);
        return handler;
      },
    }),
    async (_req, res, url) => {
      if (url.pathname !== '/_local/ping') return false;
      sendJson(res, 200, { pong: true });
      return true;
    },
  ]);
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  calls.length = 0;
  vi.restoreAllMocks();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers });
const auth = (t = token) => ({ authorization: `Bearer ${t}` });

async function expectProblem(response: Response, status: number, title?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as { title: string; status: number; detail: string };
  expect(body).toMatchObject({ type: 'about:blank', status });
  if (title) expect(body.title).toBe(title);
  return body;
}

describe('local API Gateway', () => {
  it('serves an auth: none route without a token', async () => {
    const response = await get('/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ handler: 'health' });
    expect(calls).toHaveLength(1);
    const { event } = calls[0] as Call;
    expect(event.requestContext.authorizer).toBeUndefined();
    expect(event.pathParameters).toBeNull();
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
    expect(event.body).toBeNull();
    expect(event.isBase64Encoded).toBe(false);
    expect(event.stageVariables).toBeNull();
  });

  it('builds a faithful REST proxy event with string-only Cognito claims', async () => {
    const response = await get('/v1/cases/case%201%2Fa%C3%A9?limit=5&tag=a&tag=b&q=x%20y', {
      ...auth(),
      'User-Agent': 'apigw-test',
      'X-Custom': 'v',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-case')).toBe('yes');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(calls).toHaveLength(1);
    const { event, context, remaining } = calls[0] as Call;

    expect(event.resource).toBe('/v1/cases/{caseId}');
    expect(event.path).toBe('/v1/cases/case%201%2Fa%C3%A9');
    expect(event.httpMethod).toBe('GET');
    expect(event.pathParameters).toEqual({ caseId: 'case 1/aé' });
    expect(event.queryStringParameters).toEqual({ limit: '5', tag: 'b', q: 'x y' });
    expect(event.multiValueQueryStringParameters).toEqual({
      limit: ['5'],
      tag: ['a', 'b'],
      q: ['x y'],
    });
    expect(event.headers.authorization).toBe(`Bearer ${token}`);
    expect(event.headers['x-custom'] ?? event.headers['X-Custom']).toBe('v');
    expect(event.multiValueHeaders['x-custom'] ?? event.multiValueHeaders['X-Custom']).toEqual([
      'v',
    ]);
    expect(event.headers['X-Forwarded-For']).toBe('127.0.0.1');
    expect(event.body).toBeNull();

    const rc = event.requestContext;
    expect(rc).toMatchObject({
      accountId: expect.stringMatching(/^\d{12}$/),
      apiId: expect.any(String),
      resourceId: expect.any(String),
      resourcePath: '/v1/cases/{caseId}',
      httpMethod: 'GET',
      path: '/local/v1/cases/case%201%2Fa%C3%A9',
      stage: 'local',
      protocol: 'HTTP/1.1',
      identity: { sourceIp: '127.0.0.1', userAgent: 'apigw-test' },
    });
    expect(rc.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-amzn-requestid')).toBe(rc.requestId);
    expect(Math.abs(rc.requestTimeEpoch - Date.now())).toBeLessThan(10_000);

    const claims = rc.authorizer?.claims as Record<string, unknown>;
    for (const value of Object.values(claims)) expect(typeof value).toBe('string');
    expect(claims.sub).toBe('user-42');
    expect(claims['cognito:groups']).toBe('rights-holder,reviewer');
    expect(parseGroupsClaim(claims['cognito:groups'])).toEqual(['rights-holder', 'reviewer']);
    expect(claims['custom:rightsHolderId']).toBe('rh-7');
    expect(claims['custom:sellerId']).toBeUndefined();
    expect(claims.email).toBe('rh@example.com');
    expect(claims.token_use).toBe('id');
    expect(claims.iss).toBe(issuer.issuer);
    expect(claims.aud).toBe(issuer.audience);
    expect(claims.exp).toEqual(expect.any(String));
    // exp arrives as a REST Cognito authorizer passes it ("Wed Jun 19 14:33:37 UTC 2019").
    const exp = parseTimeClaim(claims.exp) as number;
    expect(exp - Date.now() / 1000).toBeGreaterThan(29 * 24 * 3600);
    expect(claims.auth_time).toMatch(/^\d+$/);

    expect(context.functionName).toBe('get-case');
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.invokedFunctionArn).toMatch(
      /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:get-case$/,
    );
    expect(context.memoryLimitInMB).toMatch(/^\d+$/);
    expect(context.logGroupName).toBe('/aws/lambda/get-case');
    expect(context.logStreamName).toEqual(expect.any(String));
    expect(context.functionVersion).toBe('$LATEST');
    expect(context.callbackWaitsForEmptyEventLoop).toBe(true);
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(29_000);
    expect(() => context.succeed({})).not.toThrow();
  });

  it('passes a JSON body as text and a binary body as base64; decodes a base64 result', async () => {
    const json = await fetch(`${server.url}/v1/cases/c-1/decision`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'takedown', note: 'é' }),
    });
    expect(json.status).toBe(201);
    expect(json.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await json.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    const first = (calls[0] as Call).event;
    expect(first.httpMethod).toBe('POST');
    expect(first.resource).toBe('/v1/cases/{caseId}/decision');
    expect(first.pathParameters).toEqual({ caseId: 'c-1' });
    expect(first.isBase64Encoded).toBe(false);
    expect(JSON.parse(first.body as string)).toEqual({ decision: 'takedown', note: 'é' });

    const binary = await fetch(`${server.url}/v1/cases/c-1/decision`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/pdf' },
      body: new Uint8Array([37, 80, 68, 70, 0, 200]),
    });
    expect(binary.status).toBe(201);
    const second = (calls[1] as Call).event;
    expect(second.isBase64Encoded).toBe(true);
    expect([...Buffer.from(second.body as string, 'base64')]).toEqual([37, 80, 68, 70, 0, 200]);
  });

  it('prefers a literal segment over a template, and supports a greedy {proxy+}', async () => {
    expect(await (await get('/v1/things/mine', auth())).json()).toEqual({ handler: 'things-mine' });
    expect(await (await get('/v1/things/other', auth())).json()).toEqual({ handler: 'things-one' });
    expect((calls[1] as Call).event.pathParameters).toEqual({ id: 'other' });
    expect((calls[0] as Call).context.functionName).toBe('things-mine');

    expect((await get('/v1/files/a/b%20c/d.txt', auth())).status).toBe(200);
    expect((calls[2] as Call).event.resource).toBe('/v1/files/{proxy+}');
    expect((calls[2] as Call).event.pathParameters).toEqual({ proxy: 'a/b c/d.txt' });
    await expectProblem(await get('/v1/files', auth()), 404);
  });

  it.each([
    ['a missing token', {}],
    ['a non-Bearer scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a malformed token', { authorization: 'Bearer not-a-jwt' }],
    ['an empty Bearer', { authorization: 'Bearer ' }],
  ])('answers 401 for %s and never calls the handler', async (_label, headers) => {
    const body = await expectProblem(await get('/v1/cases/c-1', headers), 401, 'Unauthorized');
    expect(body.detail).toEqual(expect.any(String));
    expect(calls).toHaveLength(0);
  });

  it('answers 401 for a bad signature, a tampered token and an expired token', async () => {
    const other = await LocalIssuer.open();
    const foreign = await other.mint({ sub: 'user-42', groups: ['admin'] });
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p as string, 'base64url').toString('utf8'));
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${s}`;
    const expired = await issuer.mint({ sub: 'user-42', groups: ['reviewer'], expiresIn: -10 });
    for (const bad of [foreign, tampered, expired]) {
      await expectProblem(await get('/v1/cases/c-1', auth(bad)), 401, 'Unauthorized');
    }
    const post = await fetch(`${server.url}/v1/cases/c-1/decision`, {
      method: 'POST',
      headers: { ...auth(expired), 'content-type': 'application/json' },
      body: '{}',
    });
    await expectProblem(post, 401, 'Unauthorized');
    expect(calls).toHaveLength(0);
  });

  it('answers 404 for an unknown path or method before checking the token', async () => {
    await expectProblem(await get('/v1/nope'), 404, 'Not Found');
    await expectProblem(await get('/v1/cases'), 404);
    await expectProblem(await get('/v1/cases/c-1/decision'), 404);
    await expectProblem(await fetch(`${server.url}/v1/cases/c-1`, { method: 'DELETE' }), 404);
    await expectProblem(
      await fetch(`${server.url}/v1/cases/c-1`, { method: 'PUT', headers: auth(), body: '{}' }),
      404,
    );
    await expectProblem(await get('/v1/cases//decision', auth()), 404);
    expect(calls).toHaveLength(0);
  });

  it('leaves paths outside its prefixes to the next handler', async () => {
    expect(await (await get('/_local/ping')).json()).toEqual({ pong: true });
    await expectProblem(await get('/v2/health'), 404);
  });

  it('answers 502 when the handler throws, without logging the token or the body', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const body = await expectProblem(await get('/v1/boom', auth()), 502, 'Bad Gateway');
    expect(body.detail).not.toContain('kaboom');
    expect(calls).toHaveLength(1);
    expect(errors).toHaveBeenCalled();
    const logged = errors.mock.calls
      .flat()
      .map((a) => (a instanceof Error ? a.stack : String(a)))
      .join('\n');
    expect(logged).toContain('kaboom');
    expect(logged).not.toContain(token);
  });

  it('answers 502 for a malformed Lambda proxy response', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expectProblem(await get('/v1/malformed', auth()), 502, 'Bad Gateway');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('body is not a string'));
  });

  it('answers 413 for a body over 10 MiB without calling the handler', async () => {
    const response = await fetch(`${server.url}/v1/cases/c-1/decision`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x20),
    });
    await expectProblem(response, 413, 'Payload Too Large');
    expect(calls).toHaveLength(0);
    // the connection is still usable afterwards
    expect((await get('/v1/health')).status).toBe(200);
  });
});

describe('parseGroupsClaim', () => {
  it.each([
    [
      ['reviewer', 'admin'],
      ['reviewer', 'admin'],
    ],
    ['reviewer,admin', ['reviewer', 'admin']],
    ['reviewer, admin', ['reviewer', 'admin']],
    ['[reviewer admin]', ['reviewer', 'admin']],
    ['["reviewer","admin"]', ['reviewer', 'admin']],
    ['admin', ['admin']],
    ['', []],
    ['[]', []],
    [undefined, []],
    [null, []],
    [42, []],
    [
      ['a', 7, 'a', ' b '],
      ['a', 'b'],
    ],
  ])('%j → %j', (input, expected) => {
    expect(parseGroupsClaim(input)).toEqual(expected);
  });
});

describe('parseTimeClaim', () => {
  it('reads epoch seconds and the REST authorizer date form', () => {
    expect(parseTimeClaim(1_560_951_217)).toBe(1_560_951_217);
    expect(parseTimeClaim('1560951217')).toBe(1_560_951_217);
    expect(parseTimeClaim('Wed Jun 19 13:33:37 UTC 2019')).toBe(1_560_951_217);
    expect(parseTimeClaim('yesterday')).toBeUndefined();
  });
});
