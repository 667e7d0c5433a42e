import { request as httpRequest } from 'node:http';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.ts';
import type { LocalCloud } from '../../local/cloud.ts';
import { notificationLog } from '../fixtures/functions/api-fixtures.ts';
import { fixtureState } from '../fixtures/functions/workflow-fixtures.ts';
import { startTestCloud } from '../support/cloud.ts';

const API_FIXTURES = 'test/fixtures/functions/api-fixtures.ts';
const WORKFLOW_FIXTURES = 'test/fixtures/functions/workflow-fixtures.ts';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud({
    routes: [
      ...routes,
      {
        method: 'GET',
        path: '/v1/whoami/{thing}',
        operationId: 'getWhoami',
        handler: API_FIXTURES,
        exportName: 'whoami',
        auth: 'jwt',
        roles: ['rights-holder'],
      },
    ],
    workflowTasks: [
      {
        substitutionKey: 'RecordTokenFunctionArn',
        functionName: 'fixture-record-token',
        handler: WORKFLOW_FIXTURES,
        exportName: 'recordToken',
      },
    ],
    stateMachines: [
      {
        name: 'callback',
        definitionFile: 'test/fixtures/statemachines/callback.asl.json',
        tasks: ['RecordTokenFunctionArn'],
      },
    ],
    bucketNotifications: [
      {
        bucket: 'evidence',
        functionName: 'fixture-seal',
        handler: API_FIXTURES,
        exportName: 'recordObjectCreated',
      },
    ],
  });
});

afterAll(async () => {
  await cloud?.stop();
});

async function tokenFor(name: string): Promise<string> {
  const users = (await (await fetch(`${cloud.url}/_local/users`)).json()) as {
    name: string;
    token: string;
  }[];
  return users.find((u) => u.name === name)!.token;
}

describe('Local cloud: API Gateway emulator and local issuer', () => {
  it('serves GET /v1/health without a token', async () => {
    const res = await fetch(`${cloud.url}/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('passes the claims of a demo token to the handler as strings, as a Cognito authorizer does', async () => {
    const res = await fetch(`${cloud.url}/v1/whoami/a%20b?x=1`, {
      headers: { authorization: `Bearer ${await tokenFor('acme-brand')}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      claims: Record<string, unknown>;
      pathParameters: unknown;
      query: unknown;
    };
    expect(body.claims).toMatchObject({
      sub: 'demo-rights-holder',
      'cognito:groups': 'rights-holder',
      'custom:rightsHolderId': 'rh-acme',
    });
    for (const value of Object.values(body.claims)) expect(typeof value).toBe('string');
    expect(body.pathParameters).toEqual({ thing: 'a b' });
    expect(body.query).toEqual({ x: '1' });
  });

  it('answers 401 problem+json for a missing, malformed or expired token', async () => {
    const mint = await fetch(`${cloud.url}/_local/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'u1', groups: ['rights-holder'], expiresIn: -60 }),
    });
    expect(mint.status).toBe(201);
    const expired = ((await mint.json()) as { token: string }).token;
    for (const headers of [
      {},
      { authorization: 'Bearer not-a-jwt' },
      { authorization: `Bearer ${expired}` },
    ] as Record<string, string>[]) {
      const res = await fetch(`${cloud.url}/v1/whoami/x`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers 404 problem+json for an unknown route, and 400 for a bad token request', async () => {
    const unknown = await fetch(`${cloud.url}/v1/nowhere`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const bad = await fetch(`${cloud.url}/_local/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: '', groups: ['pirate'] }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
  });
});

describe('Local cloud: seeded demo data', () => {
  it('seeds two sellers with live listings in the demo marketplace', async () => {
    const listings = (await (await fetch(`${cloud.url}/_local/marketplace/listings`)).json()) as {
      sellerId: string;
      status: string;
    }[];
    expect(new Set(listings.map((l) => l.sellerId))).toEqual(new Set(['seller-1', 'seller-2']));
    expect(listings.every((l) => l.status === 'active')).toBe(true);
  });

  it('lists a demo user per role, each with a token', async () => {
    const users = (await (await fetch(`${cloud.url}/_local/users`)).json()) as {
      groups: string[];
      token: string;
    }[];
    expect(new Set(users.flatMap((u) => u.groups))).toEqual(
      new Set(['rights-holder', 'reviewer', 'seller', 'admin']),
    );
    for (const user of users) expect(user.token.split('.')).toHaveLength(3);
  });
});

describe('Local cloud: AWS services through AWS_ENDPOINT_URL_*', () => {
  it('delivers an object-created notification to the bucket function after a presigned POST', async () => {
    const s3 = new S3Client({ forcePathStyle: true });
    const post = await createPresignedPost(s3, {
      Bucket: cloud.env.EVIDENCE_BUCKET!,
      Key: 'evidence/ev-1',
      Conditions: [
        ['content-length-range', 1, 1024],
        ['eq', '$Content-Type', 'text/plain'],
      ],
      Fields: { 'Content-Type': 'text/plain' },
      Expires: 300,
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
    form.append('file', new Blob(['a test-buy report']), 'report.txt');
    const res = await fetch(post.url, { method: 'POST', body: form });
    expect(res.status).toBe(204);
    await cloud.settled();
    const all = notificationLog().events as {
      Records: { eventName: string; s3: { object: { key: string; size: number } } }[];
    }[];
    // The demo evidence uploaded at start notifies too: look at this upload only.
    const events = all.filter((e) => e.Records[0]?.s3.object.key === 'evidence/ev-1');
    expect(events).toHaveLength(1);
    expect(events[0]!.Records[0]).toMatchObject({
      eventName: 'ObjectCreated:Post',
      s3: { object: { key: 'evidence/ev-1', size: 17 } },
    });
    s3.destroy();
  });

  it('runs an execution whose 15-day timeout fires when POST /_local/clock/advance moves the clock', async () => {
    const sfn = new SFNClient({});
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: cloud.stateMachineArns.callback,
        name: 'clock-case',
        input: JSON.stringify({
          key: 'clock-case',
          timeoutSeconds: 15 * 86_400,
          heartbeatSeconds: 30 * 86_400,
        }),
      }),
    );
    await cloud.settled();
    expect(fixtureState().tokens.get('clock-case')).toBeTruthy();
    const before = Date.parse(
      ((await (await fetch(`${cloud.url}/_local/clock`)).json()) as { now: string }).now,
    );
    const advanced = await fetch(`${cloud.url}/_local/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'P15D' }),
    });
    expect(advanced.status).toBe(200);
    const { now } = (await advanced.json()) as { now: string };
    expect(Date.parse(now) - before).toBeGreaterThanOrEqual(15 * 86_400_000);
    // The answer came after the work settled: the execution has already ended.
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({
      outcome: 'timed_out',
      error: 'States.Timeout',
    });
    // The handlers' clock moved too.
    const who = await fetch(`${cloud.url}/v1/whoami/x`, {
      headers: { authorization: `Bearer ${await tokenFor('acme-brand')}` },
    });
    expect(Date.parse(((await who.json()) as { now: string }).now)).toBeGreaterThanOrEqual(
      Date.parse(now),
    );
    sfn.destroy();
  });

  it('lands an SES v2 email in the local mailbox', async () => {
    const ses = new SESv2Client({});
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'no-reply@takedown.local.invalid',
        Destination: { ToAddresses: ['seller-1@sellers.demo.invalid'] },
        Content: {
          Simple: {
            Subject: { Data: 'Statement of reasons' },
            Body: { Text: { Data: 'Your listing was disabled.' } },
          },
        },
        EmailTags: [
          { Name: 'template', Value: 'statement_of_reasons' },
          { Name: 'caseId', Value: 'case-1' },
        ],
      }),
    );
    const res = await fetch(`${cloud.url}/_local/mailbox?to=seller-1@sellers.demo.invalid`);
    const { items } = (await res.json()) as {
      items: { subject: string; template: string; caseId: string }[];
    };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      subject: 'Statement of reasons',
      template: 'statement_of_reasons',
      caseId: 'case-1',
    });
    ses.destroy();
  });

  it('rejects a clock advance that is not an ISO 8601 duration', async () => {
    const res = await fetch(`${cloud.url}/_local/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'fifteen days' }),
    });
    expect(res.status).toBe(400);
  });
});

describe('Local control routes: loopback and JSON only', () => {
  let guarded: LocalCloud;
  beforeAll(async () => {
    guarded = await startTestCloud();
  });
  afterAll(async () => {
    await guarded?.stop();
  });

  /** A raw request, so the Host header can be set as a DNS-rebound page would send it. */
  function raw(path: string, headers: Record<string, string>, body?: string) {
    const { port } = new URL(guarded.url);
    return new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', headers },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin with 403', async () => {
    expect(await raw('/_local/users', { host: 'attacker.example' })).toBe(403);
    expect(
      await raw('/_local/users', { host: `127.0.0.1`, origin: 'https://attacker.example' }),
    ).toBe(403);
    expect(await raw('/_local/users', { host: 'localhost' })).toBe(200);
  });

  it('refuses a text/plain body (a simple cross-site POST) with 415', async () => {
    const body = JSON.stringify({ sub: 'x', groups: ['admin'] });
    expect(
      await raw('/_local/tokens', { host: '127.0.0.1', 'content-type': 'text/plain' }, body),
    ).toBe(415);
    expect(
      await raw('/_local/tokens', { host: '127.0.0.1', 'content-type': 'application/json' }, body),
    ).toBe(201);
  });
});
