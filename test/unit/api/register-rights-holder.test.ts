import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, callers, errorPaths, invoke, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/api/register-rights-holder.ts');

const db = mockClient(DynamoDBDocumentClient);

const body = {
  legalName: 'Roadrunner Gear GmbH',
  type: 'company',
  country: 'DE',
  address: 'Wüstenweg 1, 10115 Berlin',
  email: 'ip@roadrunner.example',
  phone: '+49 30 5550100',
};

beforeEach(() => {
  db.reset();
  db.on(GetCommand).resolves({});
  db.on(TransactWriteCommand).resolves({});
});

describe('POST /v1/rights-holders', () => {
  it('registers a pending rights holder linked to the caller and queued for reviewers', async () => {
    // Act
    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder, body }));

    // Assess
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      rightsHolderId: expect.stringMatching(/^rh-/),
      status: 'pending_verification',
    });
    const items = db.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put).toMatchObject({
      Item: { pk: 'SUB#sub-rh', sk: 'RIGHTS_HOLDER', rightsHolderId: res.body.rightsHolderId },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(items[1]!.Put!.Item).toMatchObject({
      pk: `RH#${res.body.rightsHolderId}`,
      sk: 'PROFILE',
      ownerSub: 'sub-rh',
      legalName: 'Roadrunner Gear GmbH',
      entityType: 'company',
      status: 'pending_verification',
      gsi2pk: 'QUEUE#rights_holders',
    });
  });

  it("records the language and time zone given, else its country's (DE: en, Europe/Berlin)", async () => {
    // Act
    await invoke(handler, apiEvent({ caller: callers.rightsHolder, body }));
    await invoke(
      handler,
      apiEvent({
        caller: callers.rightsHolder,
        body: { ...body, locale: 'zh-CN', timeZone: 'Asia/Shanghai' },
      }),
    );

    // Assess
    const profileOf = (call: number) =>
      db.commandCalls(TransactWriteCommand)[call]!.args[0].input.TransactItems![1]!.Put!.Item;
    expect(profileOf(0)).toMatchObject({ locale: 'en', timeZone: 'Europe/Berlin' });
    expect(profileOf(1)).toMatchObject({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
  });

  it('answers 400 for a time zone that does not exist', async () => {
    // Act
    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, body: { ...body, timeZone: 'Europe/Atlantis' } }),
    );

    // Assess
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['timeZone']);
  });

  it('answers 403 to a seller', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.seller, body }));

    expect(res.status).toBe(403);
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 400 with field errors and writes nothing for a malformed body', async () => {
    const res = await invoke(
      handler,
      apiEvent({
        caller: callers.rightsHolder,
        body: { ...body, country: 'Germany', email: 'not-an-email', extra: 1 },
      }),
    );

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(errorPaths(res.body)).toEqual(expect.arrayContaining(['country', 'email', 'extra']));
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 409 when the caller registered a rights holder already', async () => {
    // Prepare
    db.on(GetCommand, { Key: { pk: 'SUB#sub-rh', sk: 'RIGHTS_HOLDER' } }).resolves({
      Item: { rightsHolderId: 'rh-1' },
    });
    db.on(GetCommand, { Key: { pk: 'RH#rh-1', sk: 'PROFILE' } }).resolves({
      Item: { rightsHolderId: 'rh-1', status: 'verified' },
    });

    // Act
    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder, body }));

    // Assess
    expect(res.status).toBe(409);
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 409 when a concurrent registration by the same user won the link', async () => {
    db.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );

    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder, body }));

    expect(res.status).toBe(409);
  });

  it('answers 422 when the letter of authorisation is not sealed evidence of the caller', async () => {
    db.on(GetCommand, { Key: { pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' } }).resolves({
      Item: { evidenceId: 'evd-1', owner: 'SUB#sub-someone-else', status: 'sealed' },
    });

    const res = await invoke(
      handler,
      apiEvent({
        caller: callers.rightsHolder,
        body: {
          ...body,
          agentFor: { principal: 'ACME Brands Ltd', authorizationEvidenceId: 'evd-1' },
        },
      }),
    );

    expect(res.status).toBe(422);
    expect(errorPaths(res.body)).toEqual(['agentFor.authorizationEvidenceId']);
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('records an agent whose letter of authorisation is its own sealed evidence', async () => {
    db.on(GetCommand, { Key: { pk: 'EVIDENCE#evd-1', sk: 'EVIDENCE' } }).resolves({
      Item: { evidenceId: 'evd-1', owner: 'SUB#sub-rh', status: 'sealed' },
    });
    const agentFor = { principal: 'ACME Brands Ltd', authorizationEvidenceId: 'evd-1' };

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, body: { ...body, agentFor } }),
    );

    expect(res.status).toBe(201);
    const items = db.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[1]!.Put!.Item).toMatchObject({ agentFor });
  });
});
