import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiGatewayRoutes } from '../../local/apigw/gateway.ts';
import { logRequestsTo } from '../../local/apigw/request-log.ts';
import { LocalIssuer } from '../../local/auth/issuer.ts';
import { type LocalServer, startLoopbackServer } from '../../local/http.ts';
import { createLocalLogger } from '../../local/log.ts';
import { routeFixture } from '../support/route-fixture.ts';

const lines: string[] = [];
let server: LocalServer;
let token: string;

beforeAll(async () => {
  const issuer = await LocalIssuer.open();
  token = await issuer.mint({ sub: 'user-logs', groups: ['reviewer'] });
  const logger = createLocalLogger('info', {
    out: (line) => lines.push(`out ${line}`),
    err: (line) => lines.push(`err ${line}`),
  });
  server = await startLoopbackServer(0, [
    createApiGatewayRoutes({
      routes: [
        routeFixture('GET', '/v1/cases/{caseId}', { auth: 'jwt', roles: ['reviewer'] }),
        routeFixture('GET', '/v1/boom', { operationId: 'getBoom', handler: 'boom.ts' }),
      ],
      issuer,
      logRequest: logRequestsTo(logger),
      resolveHandler: async (route) => async () => {
        if (route.handler === 'boom.ts') throw new Error('kaboom');
        return { statusCode: 200, body: '{}' };
      },
    }),
  ]);
});

afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The log lines written while `act` ran, once its response is complete. */
async function linesOf(act: () => Promise<Response>): Promise<{ res: Response; logged: string[] }> {
  const before = lines.length;
  const res = await act();
  await res.arrayBuffer();
  const deadline = Date.now() + 2_000;
  while (lines.length === before && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 5));
  return { res, logged: lines.slice(before) };
}

describe('local API Gateway: request logs', () => {
  it('logs a request at info with method, path, status, duration and request id, without its token or query', async () => {
    // Act
    const { res, logged } = await linesOf(() =>
      fetch(`${server.url}/v1/cases/case-9?cursor=secret-cursor&token=secret-query`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    // Assess
    expect(res.status).toBe(200);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /^out api method=GET path=\/v1\/cases\/case-9 status=200 durationMs=\d+ requestId=[\w-]+$/,
    );
    expect(logged[0]).toContain(`requestId=${res.headers.get('x-amzn-RequestId')}`);
    expect(logged[0]).not.toContain(token);
    expect(logged[0]).not.toContain('secret');
  });

  it('logs the gateway’s own answers too: a 401 for a missing token, a 404 for no route', async () => {
    // Act
    const unauthorized = await linesOf(() => fetch(`${server.url}/v1/cases/case-9`));
    const missing = await linesOf(() => fetch(`${server.url}/v1/nowhere`));
    // Assess
    expect(unauthorized.logged).toEqual([
      expect.stringMatching(/ path=\/v1\/cases\/case-9 status=401 /),
    ]);
    expect(missing.logged).toEqual([expect.stringMatching(/ path=\/v1\/nowhere status=404 /)]);
  });

  it('logs a failed request (502) at warn', async () => {
    // Prepare: the gateway reports the handler's error itself, on stderr
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Act
    const { res, logged } = await linesOf(() => fetch(`${server.url}/v1/boom`));
    // Assess
    expect(reported).toHaveBeenCalledOnce();
    expect(res.status).toBe(502);
    expect(logged).toEqual([
      expect.stringMatching(/^err api method=GET path=\/v1\/boom status=502 /),
    ]);
  });
});
