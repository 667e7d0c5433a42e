import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, callers, conditionalCheckFailed, invoke, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/api/acknowledge-education.ts');

const db = mockClient(DynamoDBDocumentClient);

const warned = {
  sellerId: 'seller-1',
  measure: 'warning',
  appliedMeasure: 'warning',
  warnedAt: '2026-01-05T00:00:00.000Z',
  version: 3,
};

beforeEach(() => {
  db.reset();
  db.on(GetCommand).resolves({ Item: warned });
  db.on(UpdateCommand).resolves({});
});

describe('POST /v1/sellers/me/education-acknowledgement', () => {
  it('records the acknowledgement of a warning and bumps the seller version', async () => {
    // Act
    const res = await invoke(handler, apiEvent({ caller: callers.seller }));

    // Assess
    expect(res.status).toBe(204);
    const update = db.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ pk: 'SELLER#seller-1', sk: 'PROFILE' });
    expect(update.ExpressionAttributeNames).toMatchObject({
      '#acknowledgedAt': 'educationAcknowledgedAt',
    });
    expect(update.ExpressionAttributeValues).toMatchObject({ ':version': 3 });
  });

  it('answers 204 again without writing once acknowledged', async () => {
    db.on(GetCommand).resolves({
      Item: { ...warned, educationAcknowledgedAt: '2026-01-06T00:00:00.000Z' },
    });

    const res = await invoke(handler, apiEvent({ caller: callers.seller }));

    expect(res.status).toBe(204);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('re-reads the seller when the workflow wrote it meanwhile', async () => {
    db.on(UpdateCommand).rejectsOnce(conditionalCheckFailed()).resolves({});

    const res = await invoke(handler, apiEvent({ caller: callers.seller }));

    expect(res.status).toBe(204);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(2);
  });

  it('answers 409 when the seller has no warning to acknowledge', async () => {
    db.on(GetCommand).resolves({ Item: { ...warned, warnedAt: undefined, measure: 'none' } });

    const res = await invoke(handler, apiEvent({ caller: callers.seller }));

    expect(res.status).toBe(409);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 409 for a seller the service never acted on', async () => {
    db.on(GetCommand).resolves({});

    const res = await invoke(handler, apiEvent({ caller: callers.seller }));

    expect(res.status).toBe(409);
  });

  it('answers 403 to a rights holder', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder }));

    expect(res.status).toBe(403);
  });
});
