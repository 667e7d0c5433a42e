import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, callers, errorPaths, invoke, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/api/list-my-cases.ts');

const db = mockClient(DynamoDBDocumentClient);

const caseItem = {
  pk: 'CASE#case-1',
  sk: 'CASE',
  caseId: 'case-1',
  noticeId: 'ntc-1',
  rightsHolderId: 'rh-1',
  ipRightId: 'ipr-1',
  listingId: 'lst-1',
  listingTitle: 'ACME hoodie',
  sellerId: 'seller-1',
  jurisdiction: 'US',
  infringementType: 'counterfeit',
  status: 'awaiting_counter_notice',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  deadlines: { counterNoticeDueAt: '2026-01-16T00:00:00.000Z' },
  decision: { decision: 'approve', reasonCode: 'counterfeit', reviewerId: 'sub-reviewer' },
  gsi1pk: 'SELLER#seller-1',
  gsi1sk: 'CASE#2026-01-01T00:00:00.000Z#case-1',
};

beforeEach(() => {
  db.reset();
  db.on(QueryCommand).resolves({ Items: [caseItem] });
});

describe('GET /v1/sellers/me/cases', () => {
  it("answers the cases against the caller's listings, newest first, without the notifier", async () => {
    // Act
    const res = await invoke(handler, apiEvent({ caller: callers.seller }));

    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          caseId: 'case-1',
          noticeId: 'ntc-1',
          listingId: 'lst-1',
          listingTitle: 'ACME hoodie',
          source: 'notice',
          status: 'awaiting_counter_notice',
          jurisdiction: 'US',
          infringementType: 'counterfeit',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-02T00:00:00.000Z',
          deadlines: { counterNoticeDueAt: '2026-01-16T00:00:00.000Z' },
        },
      ],
      nextCursor: null,
    });
    expect(db.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      IndexName: 'gsi1',
      ScanIndexForward: false,
      Limit: 25,
      ExpressionAttributeValues: { ':pk': 'SELLER#seller-1', ':prefix': 'CASE#' },
    });
  });

  it('tells a case of the platform’s own proactive screening from a notice’s', async () => {
    // Prepare
    db.on(QueryCommand).resolves({
      Items: [{ ...caseItem, caseId: 'oi-1', noticeId: 'hit:sh-1', source: 'own_initiative' }],
    });

    // Act
    const res = await invoke(handler, apiEvent({ caller: callers.seller }));

    // Assess
    expect(res.body.items[0]).toMatchObject({ caseId: 'oi-1', source: 'own_initiative' });
  });

  it("answers 400 to a cursor of another seller's list", async () => {
    const cursor = Buffer.from(
      JSON.stringify({ pk: 'CASE#c', sk: 'CASE', gsi1pk: 'SELLER#seller-2', gsi1sk: 'CASE#x' }),
    ).toString('base64url');

    const res = await invoke(handler, apiEvent({ caller: callers.seller, query: { cursor } }));

    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['cursor']);
  });

  it('answers 400 to an unknown query parameter', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.seller, query: { page: '2' } }));

    expect(res.status).toBe(400);
  });

  it('answers 403 to a rights holder', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder }));

    expect(res.status).toBe(403);
  });

  it('answers 403 to a seller token without a seller id', async () => {
    const res = await invoke(handler, apiEvent({ caller: { sub: 'sub-s', groups: 'seller' } }));

    expect(res.status).toBe(403);
  });
});
