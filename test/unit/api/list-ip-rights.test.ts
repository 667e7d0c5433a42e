import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, callers, errorPaths, invoke, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/api/list-ip-rights.ts');

const db = mockClient(DynamoDBDocumentClient);

const ipRight = {
  pk: 'IPR#ipr-1',
  sk: 'IPR',
  type: 'IpRight',
  ipRightId: 'ipr-1',
  rightsHolderId: 'rh-1',
  kind: 'trademark',
  title: 'ACME',
  registrationNumber: 'US-5550123',
  jurisdiction: 'US',
  owner: 'ACME Brands Ltd',
  proofEvidenceIds: ['evd-1'],
  status: 'verified',
  createdAt: '2026-01-01T00:00:00.000Z',
  gsi1pk: 'RH#rh-1',
  gsi1sk: 'IPR#2026-01-01T00:00:00.000Z#ipr-1',
  gsi2pk: 'QUEUE#ip_rights',
  gsi2sk: '2026-01-01T00:00:00.000Z#ipr-1',
};
const lastKey = { pk: 'IPR#ipr-1', sk: 'IPR', gsi1pk: 'RH#rh-1', gsi1sk: ipRight.gsi1sk };
const cursorOf = (key: object) => Buffer.from(JSON.stringify(key)).toString('base64url');

beforeEach(() => {
  db.reset();
  db.on(GetCommand).resolves({});
  db.on(GetCommand, { Key: { pk: 'SUB#sub-rh', sk: 'RIGHTS_HOLDER' } }).resolves({
    Item: { rightsHolderId: 'rh-1' },
  });
  db.on(GetCommand, { Key: { pk: 'RH#rh-1', sk: 'PROFILE' } }).resolves({
    Item: { rightsHolderId: 'rh-1', status: 'verified' },
  });
  db.on(QueryCommand).resolves({ Items: [ipRight], LastEvaluatedKey: lastKey });
});

describe('GET /v1/ip-rights', () => {
  it("answers a page of the caller's own IP rights, newest first, with a cursor", async () => {
    // Act
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, query: { limit: '1' } }),
    );

    // Assess
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ ipRightId: 'ipr-1', status: 'verified', kind: 'trademark' }),
    ]);
    expect(res.body.items[0]).not.toHaveProperty('gsi2pk');
    expect(res.body.nextCursor).toBe(cursorOf(lastKey));
    expect(db.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      IndexName: 'gsi1',
      ScanIndexForward: false,
      Limit: 1,
      ExpressionAttributeValues: { ':pk': 'RH#rh-1', ':prefix': 'IPR#' },
    });
  });

  it('continues from a cursor of the same list', async () => {
    db.on(QueryCommand).resolves({ Items: [] });

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, query: { cursor: cursorOf(lastKey) } }),
    );

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
    expect(db.commandCalls(QueryCommand)[0]!.args[0].input.ExclusiveStartKey).toEqual(lastKey);
  });

  it("answers 400 to a cursor of another rights holder's list", async () => {
    const foreign = { ...lastKey, gsi1pk: 'RH#rh-2' };

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, query: { cursor: cursorOf(foreign) } }),
    );

    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['cursor']);
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('answers 400 to a limit outside 1..100', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, query: { limit: '101' } }),
    );

    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['limit']);
  });

  it('answers an empty list to a user who registered no rights holder', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.otherRightsHolder }));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  it('answers 403 to a reviewer', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.reviewer }));

    expect(res.status).toBe(403);
  });
});
