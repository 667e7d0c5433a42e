import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, callers, invoke, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/api/get-evidence.ts');

const db = mockClient(DynamoDBDocumentClient);

const sealed = {
  evidenceId: 'evd-1',
  owner: 'RH#rh-1',
  fileName: 'report.pdf',
  contentType: 'application/pdf',
  size: 1234,
  sha256: 'b'.repeat(64),
  status: 'sealed',
  createdAt: '2026-01-01T00:00:00.000Z',
  sealedAt: '2026-01-01T00:01:00.000Z',
  stored: { size: 1234, contentType: 'application/pdf', sha256: 'b'.repeat(64) },
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
});

describe('GET /v1/evidence/{evidenceId}', () => {
  it('answers the owner the sealing status and what was measured', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, pathParameters: path }),
    );

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      evidenceId: 'evd-1',
      status: 'sealed',
      sha256: 'b'.repeat(64),
      size: 1234,
      contentType: 'application/pdf',
    });
    expect(res.body).not.toHaveProperty('owner');
  });

  it('answers a reviewer', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.reviewer, pathParameters: path }));

    expect(res.status).toBe(200);
  });

  it('answers the rejection reason of rejected evidence', async () => {
    db.on(GetCommand, { Key: { pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' } }).resolves({
      Item: { ...sealed, status: 'rejected', rejectionReason: 'hash_mismatch', stored: undefined },
    });

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, pathParameters: path }),
    );

    expect(res.body).toMatchObject({ status: 'rejected', rejectionReason: 'hash_mismatch' });
  });

  it("answers 404 for another party's evidence", async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.seller, pathParameters: path }));

    expect(res.status).toBe(404);
  });

  it('answers 404 for unknown evidence', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, pathParameters: { evidenceId: 'evd-x' } }),
    );

    expect(res.status).toBe(404);
  });

  it('answers 403 to a caller with none of the roles', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: { sub: 'sub-x', groups: 'guest' }, pathParameters: path }),
    );

    expect(res.status).toBe(403);
  });
});
