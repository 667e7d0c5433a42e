/**
 * API benchmark (`npm run bench:api`): runs `npm start`'s stack on a free port with a throwaway
 * DATA_DIR, drives it with autocannon, and prints the sustained POST /v1/notices rate and its p50/p99
 * latency at 1 and at 100 listings per notice, the GET /v1/cases/{id} latency, and the handlers' own
 * CPU time per request with mocked AWS clients (our cost, apart from the emulators').
 *
 *   DURATION=10 CONNECTIONS=10 npm run bench:api
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { demoTokens, startStack } from './lib/stack.ts';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'takedown-bench-api-'));

function notice(listings: number) {
  return JSON.stringify({
    ipRightId: 'ipr-acme-tm-us',
    infringementType: 'trademark',
    jurisdiction: 'US',
    listings: Array.from({ length: listings }, (_, i) => ({ listingId: `lst-bench-${i}` })),
    explanation: 'The listings sell goods bearing the ACME mark that ACME never made.',
    evidenceIds: ['ev-acme-certificate'],
    statements: { goodFaith: true, accurate: true, authorizedUnderPenaltyOfPerjury: true },
    signature: { fullName: 'Bench Mark', signedAt: new Date().toISOString() },
  });
}

async function load(title: string, options: autocannon.Options): Promise<string[]> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  const ok = result['2xx'];
  return [
    title,
    (ok / result.duration).toFixed(1),
    String(result.latency.p50),
    String(result.latency.p99),
    String(ok),
    String(result.non2xx + result.errors),
  ];
}

async function handlerCpu(): Promise<string[][]> {
  const { mockClient } = await import('aws-sdk-client-mock');
  const { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, PutCommand, UpdateCommand } =
    await import('@aws-sdk/lib-dynamodb');
  const { SFNClient, StartExecutionCommand } = await import('@aws-sdk/client-sfn');
  Object.assign(process.env, {
    TABLE_NAME: 'bench',
    EVIDENCE_BUCKET: 'bench-evidence',
    MARKETPLACE_API_URL: 'http://127.0.0.1:9',
    TAKEDOWN_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:takedown',
    AWS_REGION: 'us-east-1',
    LOG_LEVEL: 'ERROR',
    // The handlers' business metrics (EMF lines on stdout) would bury the table.
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  const ddb = mockClient(DynamoDBDocumentClient);
  const sfn = mockClient(SFNClient);
  ddb.on(GetCommand).callsFake((input: { Key: { pk: string } }) => {
    const pk = input.Key.pk;
    if (pk.startsWith('SUB#')) return { Item: { rightsHolderId: 'rh-acme' } };
    if (pk.startsWith('RH#'))
      return {
        Item: {
          rightsHolderId: 'rh-acme',
          legalName: 'ACME Brands Ltd',
          email: 'ip@acme.demo.invalid',
          phone: '+1',
          address: 'A',
          status: 'verified',
        },
      };
    if (pk.startsWith('IPR#'))
      return {
        Item: {
          ipRightId: 'ipr-acme-tm-us',
          rightsHolderId: 'rh-acme',
          kind: 'trademark',
          title: 'ACME',
          jurisdiction: 'US',
          status: 'verified',
          owner: 'ACME',
        },
      };
    if (pk.startsWith('EVIDENCE#')) return { Item: { owner: 'RH#rh-acme', status: 'sealed' } };
    if (pk.startsWith('CASE#'))
      return {
        Item: {
          caseId: 'c',
          noticeId: 'n',
          rightsHolderId: 'rh-acme',
          listingId: 'l',
          status: 'awaiting_review',
          deadlines: {},
          jurisdiction: 'US',
          infringementType: 'trademark',
        },
      };
    return {};
  });
  ddb.on(PutCommand).resolves({});
  ddb.on(UpdateCommand).resolves({});
  ddb.on(TransactWriteCommand).resolves({});
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:x', startDate: new Date() });
  const { handler: fileNotice } = await import('../functions/api/file-notice.ts');
  const claims = { sub: 'demo-rights-holder', 'cognito:groups': 'rights-holder' };
  const event = (body: string) => ({
    body,
    headers: { 'Idempotency-Key': `k-${randomBytes(6).toString('hex')}` },
    pathParameters: null,
    queryStringParameters: null,
    requestContext: { requestId: 'r', authorizer: { claims } },
  });
  const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000 };
  const rows: string[][] = [];
  for (const listings of [1, 100]) {
    const body = notice(listings);
    for (let i = 0; i < 50; i++) await fileNotice(event(body) as never, context as never);
    const n = listings === 1 ? 2000 : 200;
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const res = await fileNotice(event(body) as never, context as never);
      if (res.statusCode !== 202)
        throw new Error(`handler answered ${res.statusCode}: ${res.body}`);
    }
    const used = process.cpuUsage(start);
    rows.push([
      `POST /v1/notices handler, ${listings} listing(s), mocked clients`,
      ((used.user + used.system) / 1000 / n).toFixed(3),
    ]);
  }
  const { handler: getCase } = await import('../functions/api/get-case.ts');
  const { BatchGetCommand, QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const at = '2026-12-01T00:00:00.000Z';
  const caseItem = {
    pk: 'CASE#c',
    sk: 'CASE',
    caseId: 'c',
    noticeId: 'n',
    rightsHolderId: 'rh-acme',
    ipRightId: 'ipr-acme-tm-us',
    listingId: 'l',
    sellerId: 's',
    status: 'awaiting_review',
    source: 'notice',
    createdAt: at,
    deadlines: { reviewDueAt: at },
    jurisdiction: 'US',
    infringementType: 'trademark',
  };
  const events = ['notice_received', 'screened', 'review_requested'].map((type, i) => ({
    pk: 'CASE#c',
    sk: `EVENT#${at}#${i}`,
    at,
    eventType: type,
    actor: { role: 'system', id: 'workflow' },
    detail: {},
  }));
  ddb.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => {
    const pk = input.ExpressionAttributeValues[':pk'] ?? '';
    if (pk === 'CASE#c') return { Items: [caseItem, ...events] };
    if (pk === 'SELLER#s')
      return { Items: [{ pk, sk: 'PROFILE', sellerId: 's', measure: 'none' }] };
    return { Items: [] };
  });
  ddb
    .on(BatchGetCommand)
    .callsFake((input: { RequestItems: Record<string, { Keys: { pk: string }[] }> }) => {
      const keys = Object.values(input.RequestItems)[0]!.Keys;
      const items = keys.map(({ pk }) =>
        pk.startsWith('NOTICE#')
          ? {
              pk,
              noticeId: 'n',
              explanation: 'e',
              infringementType: 'trademark',
              evidenceIds: ['ev'],
              createdAt: at,
            }
          : pk.startsWith('EVIDENCE#')
            ? {
                pk,
                evidenceId: 'ev',
                fileName: 'f.pdf',
                contentType: 'application/pdf',
                size: 1,
                sha256: 'a',
                status: 'sealed',
              }
            : pk.startsWith('IPR#')
              ? {
                  pk,
                  ipRightId: 'ipr-acme-tm-us',
                  kind: 'trademark',
                  title: 'ACME',
                  jurisdiction: 'US',
                  owner: 'ACME',
                  proofEvidenceIds: [],
                }
              : {
                  pk,
                  rightsHolderId: 'rh-acme',
                  legalName: 'ACME',
                  country: 'US',
                  status: 'verified',
                },
      );
      return { Responses: { bench: items } };
    });
  const caseEvent = (claims: Record<string, string>) => ({
    pathParameters: { caseId: 'c' },
    headers: {},
    queryStringParameters: null,
    requestContext: { requestId: 'r', authorizer: { claims } },
  });
  const views: [string, Record<string, string>][] = [
    ['reviewer', { sub: 'r', 'cognito:groups': 'reviewer' }],
    ['rights holder', { sub: 'demo-rights-holder', 'cognito:groups': 'rights-holder' }],
    ['seller', { sub: 'u-s', 'cognito:groups': 'seller', 'custom:sellerId': 's' }],
  ];
  for (const [name, claims] of views) {
    ddb.resetHistory();
    const res = await getCase(caseEvent(claims) as never, context as never);
    if (res.statusCode !== 200)
      throw new Error(`case file answered ${res.statusCode}: ${res.body}`);
    const calls = ddb.calls().map((call) => call.args[0].constructor.name.replace('Command', ''));
    const counts = new Map<string, number>();
    for (const command of calls) counts.set(command, (counts.get(command) ?? 0) + 1);
    const tally = [...counts].map(([command, count]) => `${count} ${command}`).join(', ');
    rows.push([`GET /v1/cases/{id} DynamoDB calls, ${name} (${tally})`, String(calls.length)]);
  }
  const reviewerEvent = caseEvent(views[0]![1]);
  const start = process.cpuUsage();
  for (let i = 0; i < 2000; i++) await getCase(reviewerEvent as never, context as never);
  const used = process.cpuUsage(start);
  rows.push([
    'GET /v1/cases/{id} handler (reviewer), mocked clients, ms CPU',
    ((used.user + used.system) / 1000 / 2000).toFixed(3),
  ]);
  return rows;
}

const { child, url } = await startStack(dataDir);
try {
  const token = await demoTokens(url);
  const headers = (name: string) => ({
    authorization: `Bearer ${token(name)}`,
    'content-type': 'application/json',
  });
  // Waits until the workflow work that earlier requests started has settled (the local cloud's
  // clock answers once every execution waits or has ended), so each phase is measured on its own.
  const settle = () =>
    fetch(`${url}/_local/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'PT0S' }),
    });
  const rows: string[][] = [];
  const filed = await fetch(`${url}/v1/notices`, {
    method: 'POST',
    headers: {
      ...headers('acme-brand'),
      'idempotency-key': `bench-${randomBytes(8).toString('hex')}`,
    },
    body: notice(1),
  });
  const caseId = ((await filed.json()) as { cases: { caseId: string }[] }).cases[0]!.caseId;
  await settle();
  rows.push(
    await load('GET /v1/cases/{id} (reviewer)', {
      url: `${url}/v1/cases/${caseId}`,
      headers: headers('reviewer'),
    }),
  );
  for (const listings of [1, 100]) {
    await settle();
    rows.push(
      await load(`POST /v1/notices, ${listings} listing(s)`, {
        url: `${url}/v1/notices`,
        method: 'POST',
        headers: headers('acme-brand'),
        body: notice(listings),
        // A 100-listing notice writes 100 cases and starts 100 executions: fewer connections, longer timeout.
        ...(listings > 1
          ? { connections: Math.max(1, Math.floor(CONNECTIONS / 5)), timeout: 60 }
          : {}),
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              headers: {
                ...req.headers,
                'idempotency-key': `bench-${randomBytes(8).toString('hex')}`,
              },
            }),
          },
        ],
      }),
    );
  }
  console.log(`\nHTTP, against npm start (${CONNECTIONS} connections, ${DURATION} s each)`);
  console.log(
    ['route', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx']
      .map((h, i) => (i === 0 ? h.padEnd(36) : h.padStart(8)))
      .join(' '),
  );
  for (const row of rows)
    console.log(row.map((c, i) => (i === 0 ? c.padEnd(36) : c.padStart(8))).join(' '));
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}
console.log(
  '\nIn-process, AWS clients mocked: handler CPU per request (ms), DynamoDB calls per case file',
);
for (const [name, ms] of await handlerCpu()) console.log(`${name!.padEnd(90)} ${ms!.padStart(8)}`);
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
