import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, callers, errorPaths, invoke, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/api/create-evidence-upload.ts');

const db = mockClient(DynamoDBDocumentClient);

const body = {
  fileName: 'test-buy report.pdf',
  contentType: 'application/pdf',
  size: 48_213,
  sha256: 'a'.repeat(64),
};

function policyOf(fields: Record<string, string>) {
  return JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as {
    expiration: string;
    conditions: unknown[];
  };
}

beforeEach(() => {
  db.reset();
  db.on(GetCommand).resolves({});
  db.on(GetCommand, { Key: { pk: 'SUB#sub-rh', sk: 'RIGHTS_HOLDER' } }).resolves({
    Item: { rightsHolderId: 'rh-1' },
  });
  db.on(GetCommand, { Key: { pk: 'RH#rh-1', sk: 'PROFILE' } }).resolves({
    Item: { rightsHolderId: 'rh-1', status: 'verified' },
  });
  db.on(PutCommand).resolves({});
});

describe('POST /v1/evidence', () => {
  it('records pending evidence and answers a presigned POST enforcing size and type', async () => {
    // Act
    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder, body }));

    // Assess
    expect(res.status).toBe(201);
    const { evidenceId, upload, expiresAt } = res.body;
    expect(evidenceId).toMatch(/^evd-/);
    expect(upload.fields).toMatchObject({
      key: `evidence/${evidenceId}`,
      'Content-Type': 'application/pdf',
    });
    const policy = policyOf(upload.fields);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 48_213, 48_213],
        ['eq', '$Content-Type', 'application/pdf'],
        { key: `evidence/${evidenceId}` },
        { bucket: TEST_ENV.EVIDENCE_BUCKET },
      ]),
    );
    const lifetime = new Date(policy.expiration).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    const item = db.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(item).toMatchObject({
      pk: `EVIDENCE#${evidenceId}`,
      sk: 'EVIDENCE',
      owner: 'RH#rh-1',
      status: 'pending_upload',
      sha256: body.sha256,
      size: body.size,
      gsi1pk: 'OWNER#RH#rh-1',
    });
  });

  it('records a seller as the owner of its evidence', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.seller, body }));

    expect(res.status).toBe(201);
    expect(db.commandCalls(PutCommand)[0]!.args[0].input.Item!.owner).toBe('SELLER#seller-1');
  });

  it('answers 413 and writes nothing above the size limit', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, body: { ...body, size: 26_214_401 } }),
    );

    expect(res.status).toBe(413);
    expect(errorPaths(res.body)).toEqual(['size']);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it.each([
    ['U+202E (right-to-left override)', 'invoice\u202Efdp.exe'],
    ['U+202A (left-to-right embedding)', '\u202Areport.pdf'],
    ['U+2067 (right-to-left isolate)', 'report\u2067.pdf'],
    ['U+200F (right-to-left mark)', 'report\u200F.pdf'],
    ['U+061C (Arabic letter mark)', 'report\u061C.pdf'],
  ])('answers 400 problem+json and writes nothing for a file name with %s', async (_, fileName) => {
    // Act
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, body: { ...body, fileName } }),
    );

    // Assess
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(errorPaths(res.body)).toEqual(['fileName']);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('accepts a file name in a right-to-left script without control characters', async () => {
    // Act
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, body: { ...body, fileName: 'تقرير.pdf' } }),
    );

    // Assess
    expect(res.status).toBe(201);
  });

  it('answers 400 and writes nothing for a type outside the allow-list', async () => {
    const res = await invoke(
      handler,
      apiEvent({
        caller: callers.rightsHolder,
        body: { ...body, contentType: 'application/x-msdownload' },
      }),
    );

    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['contentType']);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 400 with field errors for an upper-case hash and a negative size', async () => {
    const res = await invoke(
      handler,
      apiEvent({
        caller: callers.rightsHolder,
        body: { ...body, sha256: 'A'.repeat(64), size: -1 },
      }),
    );

    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(expect.arrayContaining(['sha256', 'size']));
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('lets staff upload a test buy’s report for the platform, and nothing else', async () => {
    const report = await invoke(
      handler,
      apiEvent({ caller: callers.reviewer, body: { ...body, purpose: 'test_buy_report' } }),
    );
    expect(report.status).toBe(201);
    const put = db.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(put).toMatchObject({ owner: 'PLATFORM', purpose: 'test_buy_report' });

    db.resetHistory();
    const other = await invoke(handler, apiEvent({ caller: callers.reviewer, body }));
    expect(other.status).toBe(400);
    expect(errorPaths(other.body)).toEqual(['purpose']);
    const party = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, body: { ...body, purpose: 'test_buy_report' } }),
    );
    expect(party.status).toBe(400);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });
});
