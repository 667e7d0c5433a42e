import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, callers, invoke, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/api/download-evidence.ts');

const db = mockClient(DynamoDBDocumentClient);

const sealed = {
  evidenceId: 'evd-1',
  owner: 'RH#rh-1',
  fileName: 'snapshot "shop".html',
  contentType: 'text/html',
  size: 1234,
  sha256: 'b'.repeat(64),
  status: 'sealed',
  createdAt: '2026-01-01T00:00:00.000Z',
  versionId: 'v-42',
};
const path = { evidenceId: 'evd-1' };

beforeEach(() => {
  db.reset();
  db.on(GetCommand).resolves({});
  db.on(GetCommand, { Key: { pk: 'SUB#sub-rh', sk: 'RIGHTS_HOLDER' } }).resolves({
    Item: { rightsHolderId: 'rh-1' },
  });
  db.on(GetCommand, { Key: { pk: 'RH#rh-1', sk: 'PROFILE' } }).resolves({
    Item: { rightsHolderId: 'rh-1', status: 'verified' },
  });
  db.on(GetCommand, { Key: { pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' } }).resolves({ Item: sealed });
  db.on(QueryCommand).resolves({ Items: [] });
  db.on(BatchGetCommand).resolves({ Responses: { [TEST_ENV.TABLE_NAME]: [] } });
});

describe('GET /v1/evidence/{evidenceId}/download', () => {
  it('redirects the owner to a 5-minute presigned GET of the sealed version, as an attachment', async () => {
    // Act
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, pathParameters: path }),
    );

    // Assess
    expect(res.status).toBe(302);
    const location = new URL(String(res.headers.location));
    expect(location.pathname).toBe('/evidence/evd-1');
    expect(location.hostname).toBe(`${TEST_ENV.EVIDENCE_BUCKET}.s3.us-east-1.amazonaws.com`);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(location.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(location.searchParams.get('versionId')).toBe('v-42');
    expect(location.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="snapshot _shop_.html"; filename*=UTF-8''snapshot%20%22shop%22.html`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('redirects the seller of a case whose notice cites the evidence', async () => {
    // Prepare
    db.on(QueryCommand).resolves({ Items: [{ caseId: 'case-1', noticeId: 'ntc-1' }] });
    db.on(BatchGetCommand).resolves({
      Responses: { [TEST_ENV.TABLE_NAME]: [{ evidenceIds: ['evd-9', 'evd-1'] }] },
    });

    // Act
    const res = await invoke(handler, apiEvent({ caller: callers.seller, pathParameters: path }));

    // Assess
    expect(res.status).toBe(302);
    expect(db.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toEqual({
      ':pk': 'SELLER#seller-1',
      ':prefix': 'CASE#',
    });
  });

  it('answers 404 to a seller none of whose cases cites the evidence', async () => {
    db.on(QueryCommand).resolves({ Items: [{ caseId: 'case-1', noticeId: 'ntc-1' }] });
    db.on(BatchGetCommand).resolves({
      Responses: { [TEST_ENV.TABLE_NAME]: [{ evidenceIds: ['evd-9'] }] },
    });

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.otherSeller, pathParameters: path }),
    );

    expect(res.status).toBe(404);
  });

  it('answers 404 to another rights holder', async () => {
    db.on(GetCommand, { Key: { pk: 'SUB#sub-rh-2', sk: 'RIGHTS_HOLDER' } }).resolves({
      Item: { rightsHolderId: 'rh-2' },
    });
    db.on(GetCommand, { Key: { pk: 'RH#rh-2', sk: 'PROFILE' } }).resolves({
      Item: { rightsHolderId: 'rh-2', status: 'verified' },
    });

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.otherRightsHolder, pathParameters: path }),
    );

    expect(res.status).toBe(404);
  });

  it('answers 409 while the evidence is not sealed', async () => {
    db.on(GetCommand, { Key: { pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' } }).resolves({
      Item: { ...sealed, status: 'pending_upload' },
    });

    const res = await invoke(handler, apiEvent({ caller: callers.reviewer, pathParameters: path }));

    expect(res.status).toBe(409);
  });

  it('answers 409 for rejected evidence', async () => {
    db.on(GetCommand, { Key: { pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' } }).resolves({
      Item: { ...sealed, status: 'rejected' },
    });

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, pathParameters: path }),
    );

    expect(res.status).toBe(409);
  });

  it('answers 403 to a caller with none of the roles', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: { sub: 'sub-x', groups: '' }, pathParameters: path }),
    );

    expect(res.status).toBe(403);
  });
});
