import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, callers, invoke, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/api/get-my-strikes.ts');

const db = mockClient(DynamoDBDocumentClient);

const day = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
const strike = (id: string, createdDaysAgo: number, extra: object = {}) => ({
  pk: 'SELLER#seller-1',
  sk: `STRIKE#${id}`,
  strikeId: id,
  noticeId: `ntc-${id}`,
  caseIds: [`case-${id}-a`, `case-${id}-b`],
  createdAt: iso(-createdDaysAgo),
  expiresAt: iso(365 - createdDaysAgo),
  weight: 1,
  ...extra,
});

beforeEach(() => {
  db.reset();
  db.on(GetCommand).resolves({
    Item: {
      sellerId: 'seller-1',
      measure: 'warning',
      appliedMeasure: 'warning',
      warnedAt: iso(-10),
      version: 3,
    },
  });
  db.on(QueryCommand).resolves({
    Items: [strike('s1', 400), strike('s2', 10), strike('s3', 20, { revokedAt: iso(-5) })],
  });
});

describe('GET /v1/sellers/me/strikes', () => {
  it('answers the strikes newest first, the active count and the measure', async () => {
    // Act
    const res = await invoke(handler, apiEvent({ caller: callers.seller }));

    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: 1, measure: 'warning', educationRequired: true });
    expect(res.body.strikes.map((s: { strikeId: string }) => s.strikeId)).toEqual([
      's2',
      's3',
      's1',
    ]);
    expect(res.body.strikes[0]).toEqual({
      strikeId: 's2',
      caseId: 'case-s2-a',
      caseIds: ['case-s2-a', 'case-s2-b'],
      noticeId: 'ntc-s2',
      at: expect.any(String),
      expiresAt: expect.any(String),
      active: true,
      // Created 10 days ago, the warning too: conduct before the warning does not count.
      counts: false,
    });
    expect(res.body.strikes[1]).toMatchObject({ revokedAt: expect.any(String), active: false });
    expect(res.body.strikes[2]).toMatchObject({ active: false });
  });

  it('answers no strikes and no measure for a seller the service never acted on', async () => {
    db.on(GetCommand).resolves({});
    db.on(QueryCommand).resolves({ Items: [] });

    const res = await invoke(handler, apiEvent({ caller: callers.seller }));

    expect(res.body).toEqual({ active: 0, strikes: [], measure: 'none', educationRequired: false });
  });

  it('answers 403 to a reviewer', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.reviewer }));

    expect(res.status).toBe(403);
  });
});
