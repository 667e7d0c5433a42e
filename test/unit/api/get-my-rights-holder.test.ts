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
const { handler } = await import('../../../functions/api/get-my-rights-holder.ts');

const db = mockClient(DynamoDBDocumentClient);

const profile = {
  pk: 'RH#rh-1',
  sk: 'PROFILE',
  type: 'RightsHolder',
  rightsHolderId: 'rh-1',
  ownerSub: 'sub-rh',
  legalName: 'ACME Brands Ltd',
  entityType: 'company',
  country: 'US',
  address: '1 Canyon Road, Phoenix',
  email: 'ip@acme.example',
  phone: '+1-602-555-0100',
  status: 'verified',
  createdAt: '2026-01-01T00:00:00.000Z',
  verifiedAt: '2026-01-02T00:00:00.000Z',
};

beforeEach(() => {
  db.reset();
  db.on(GetCommand).resolves({});
  db.on(GetCommand, { Key: { pk: 'SUB#sub-rh', sk: 'RIGHTS_HOLDER' } }).resolves({
    Item: { rightsHolderId: 'rh-1' },
  });
  db.on(GetCommand, { Key: { pk: 'RH#rh-1', sk: 'PROFILE' } }).resolves({ Item: profile });
  db.on(QueryCommand).resolves({ Items: [] });
});

describe('GET /v1/rights-holders/me', () => {
  it('gives the language and time zone emails use: from the country until the rights holder chooses', async () => {
    // Act
    const byCountry = await invoke(handler, apiEvent({ caller: callers.rightsHolder }));
    db.on(GetCommand, { Key: { pk: 'RH#rh-1', sk: 'PROFILE' } }).resolves({
      Item: { ...profile, country: 'CN', timeZone: 'Europe/Berlin' },
    });
    const chosen = await invoke(handler, apiEvent({ caller: callers.rightsHolder }));

    // Assess
    expect(byCountry.body).toMatchObject({ locale: 'en', timeZone: 'America/New_York' });
    expect(chosen.body).toMatchObject({ locale: 'zh-CN', timeZone: 'Europe/Berlin' });
  });

  it("answers the caller's standing from its day buckets in the window, never from its cases", async () => {
    // Prepare
    db.on(QueryCommand).resolves({ Items: [] });
    db.on(QueryCommand, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    }).resolves({
      Items: [
        { day: '2026-01-01', upheld: 3, rejected: 1 },
        { day: '2026-01-02', upheld: 15, restored: 1, overturned: 1, unfounded: 1 },
      ],
    });

    // Act
    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder }));

    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rightsHolderId: 'rh-1',
      legalName: 'ACME Brands Ltd',
      standing: {
        accuracy: 18 / 21,
        decided: 21,
        window: 'P90D',
        upheld: 18,
        rejected: 1,
        restored: 1,
        overturned: 1,
        fastLane: false,
        misuse: { unfoundedInWindow: 1, sinceLastStep: 0, reviewOpen: false },
      },
    });
    expect(res.body.standing).not.toHaveProperty('trustedFlagger');
    expect(res.body).not.toHaveProperty('ownerSub');
    expect(db.commandCalls(BatchGetCommand)).toHaveLength(0);
  });

  it('answers a null accuracy when nothing is decided', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder }));

    expect(res.status).toBe(200);
    expect(res.body.standing).toMatchObject({
      accuracy: null,
      decided: 0,
      fastLane: false,
      events: [],
    });
  });

  it('answers 404 to a rights-holder user who registered none', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.otherRightsHolder }));

    expect(res.status).toBe(404);
  });

  it('answers 403 when the token names another rights holder than the stored link', async () => {
    const res = await invoke(
      handler,
      apiEvent({ caller: { ...callers.rightsHolder, rightsHolderId: 'rh-2' } }),
    );

    expect(res.status).toBe(403);
  });

  it('answers 403 to a reviewer', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.reviewer }));

    expect(res.status).toBe(403);
  });
});
