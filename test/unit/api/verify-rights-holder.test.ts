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
const { handler } = await import('../../../functions/api/verify-rights-holder.ts');

const db = mockClient(DynamoDBDocumentClient);

const pending = {
  rightsHolderId: 'rh-1',
  ownerSub: 'sub-rh',
  legalName: 'ACME Brands Ltd',
  entityType: 'company',
  country: 'US',
  address: '1 Canyon Road, Phoenix',
  email: 'ip@acme.example',
  phone: '+1-602-555-0100',
  status: 'pending_verification',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const path = { rightsHolderId: 'rh-1' };
const verify = { decision: 'verify', reason: 'Company register extract matches.' };

beforeEach(() => {
  db.reset();
  db.on(GetCommand).resolves({});
  db.on(GetCommand, { Key: { pk: 'RH#rh-1', sk: 'PROFILE' } }).resolves({ Item: pending });
  db.on(UpdateCommand).callsFake((input) =>
    Promise.resolve({
      Attributes: {
        ...pending,
        status: input.ExpressionAttributeValues[':status'],
        verification: input.ExpressionAttributeValues[':decision'],
        verifiedAt: input.ExpressionAttributeValues[':at'],
      },
    }),
  );
});

describe('POST /v1/rights-holders/{rightsHolderId}/verification', () => {
  it('verifies a pending rights holder and takes it off the reviewer queue', async () => {
    // Act
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.reviewer, pathParameters: path, body: verify }),
    );

    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rightsHolderId: 'rh-1',
      status: 'verified',
      verification: { decision: 'verify', reason: verify.reason, reviewerId: 'sub-reviewer' },
    });
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.UpdateExpression).toContain('REMOVE #gsi2pk, #gsi2sk');
    expect(update.ConditionExpression).toContain('#status = :pending');
  });

  it('lets an admin reject, as admin holds every right of reviewer', async () => {
    const res = await invoke(
      handler,
      apiEvent({
        caller: callers.admin,
        pathParameters: path,
        body: { decision: 'reject', reason: 'No such company.' },
      }),
    );

    expect(res.status).toBe(200);
    expect(res.body.status).toBe('rejected');
  });

  it('answers 403 to a rights holder', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, pathParameters: path, body: verify }),
    );

    expect(res.status).toBe(403);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 404 for an unknown rights holder', async () => {
    const res = await invoke(
      handler,
      apiEvent({
        caller: callers.reviewer,
        pathParameters: { rightsHolderId: 'rh-x' },
        body: verify,
      }),
    );

    expect(res.status).toBe(404);
  });

  it('answers 400 with field errors and writes nothing for a malformed decision', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.reviewer, pathParameters: path, body: { decision: 'maybe' } }),
    );

    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(expect.arrayContaining(['decision', 'reason']));
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 409 when the rights holder was decided already', async () => {
    db.on(GetCommand, { Key: { pk: 'RH#rh-1', sk: 'PROFILE' } }).resolves({
      Item: { ...pending, status: 'verified' },
    });

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.reviewer, pathParameters: path, body: verify }),
    );

    expect(res.status).toBe(409);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 409 to the loser of two concurrent decisions', async () => {
    db.on(UpdateCommand).rejects(conditionalCheckFailed());

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.reviewer, pathParameters: path, body: verify }),
    );

    expect(res.status).toBe(409);
  });
});
