import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  apiEvent,
  callers,
  conditionalCheckFailed,
  errorPaths,
  invoke,
  TEST_ENV,
} from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/api/verify-ip-right.ts');

const db = mockClient(DynamoDBDocumentClient);

const pending = {
  ipRightId: 'ipr-1',
  rightsHolderId: 'rh-1',
  kind: 'trademark',
  title: 'ACME',
  registrationNumber: 'US-5550123',
  jurisdiction: 'US',
  owner: 'ACME Brands Ltd',
  proofEvidenceIds: ['evd-1'],
  status: 'pending_verification',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const path = { ipRightId: 'ipr-1' };
const verify = { decision: 'verify', reason: 'USPTO record matches.' };

beforeEach(() => {
  db.reset();
  db.on(GetCommand).resolves({});
  db.on(GetCommand, { Key: { pk: 'IPR#ipr-1', sk: 'IPR' } }).resolves({ Item: pending });
  db.on(UpdateCommand).callsFake((input) =>
    Promise.resolve({
      Attributes: {
        ...pending,
        status: input.ExpressionAttributeValues[':status'],
        verification: input.ExpressionAttributeValues[':decision'],
      },
    }),
  );
});

describe('POST /v1/ip-rights/{ipRightId}/verification', () => {
  it('verifies a pending IP right and takes it off the reviewer queue', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.reviewer, pathParameters: path, body: verify }),
    );

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ipRightId: 'ipr-1', status: 'verified' });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ pk: 'IPR#ipr-1', sk: 'IPR' });
    expect(update.UpdateExpression).toContain('REMOVE #gsi2pk, #gsi2sk');
  });

  it('answers 403 to a rights holder', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, pathParameters: path, body: verify }),
    );

    expect(res.status).toBe(403);
  });

  it('answers 404 for an unknown IP right', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.reviewer, pathParameters: { ipRightId: 'ipr-x' }, body: verify }),
    );

    expect(res.status).toBe(404);
  });

  it('answers 400 and writes nothing without a reason', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.reviewer, pathParameters: path, body: { decision: 'verify' } }),
    );

    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['reason']);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 409 to a second decision', async () => {
    db.on(UpdateCommand).rejects(conditionalCheckFailed());

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.reviewer, pathParameters: path, body: verify }),
    );

    expect(res.status).toBe(409);
  });
});
