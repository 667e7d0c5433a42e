import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, callers, errorPaths, invoke, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV);
const { handler } = await import('../../../functions/api/register-ip-right.ts');

const db = mockClient(DynamoDBDocumentClient);

const body = {
  kind: 'trademark',
  title: 'ROADRUNNER',
  registrationNumber: 'US-5550999',
  jurisdiction: 'US',
  owner: 'ACME Brands Ltd',
  validUntil: '2034-12-31',
  proofEvidenceIds: ['evd-cert'],
};

const evidence = (id: string, owner: string, status: string) =>
  db.on(GetCommand, { Key: { pk: `EVIDENCE#${id}`, sk: 'EVIDENCE' } }).resolves({
    Item: { evidenceId: id, owner, status },
  });

beforeEach(() => {
  db.reset();
  db.on(GetCommand).resolves({});
  db.on(GetCommand, { Key: { pk: 'SUB#sub-rh', sk: 'RIGHTS_HOLDER' } }).resolves({
    Item: { rightsHolderId: 'rh-1' },
  });
  db.on(GetCommand, { Key: { pk: 'RH#rh-1', sk: 'PROFILE' } }).resolves({
    Item: { rightsHolderId: 'rh-1', status: 'verified' },
  });
  evidence('evd-cert', 'RH#rh-1', 'sealed');
  db.on(TransactWriteCommand).resolves({});
});

describe('POST /v1/ip-rights', () => {
  it('registers a pending IP right, listed under its rights holder and queued', async () => {
    // Act
    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder, body }));

    // Assess
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      ipRightId: expect.stringMatching(/^ipr-/),
      status: 'pending_verification',
    });
    const item =
      db.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!.Item!;
    expect(item).toMatchObject({
      pk: `IPR#${res.body.ipRightId}`,
      sk: 'IPR',
      rightsHolderId: 'rh-1',
      kind: 'trademark',
      registrationNumber: 'US-5550999',
      proofEvidenceIds: ['evd-cert'],
      status: 'pending_verification',
      gsi1pk: 'RH#rh-1',
      gsi1sk: expect.stringMatching(/^IPR#/),
      gsi2pk: 'QUEUE#ip_rights',
    });
  });

  it('accepts a copyright without a registration number', async () => {
    const { registrationNumber: _omit, ...copyright } = body;

    const res = await invoke(
      handler,
      apiEvent({ caller: callers.rightsHolder, body: { ...copyright, kind: 'copyright' } }),
    );

    expect(res.status).toBe(201);
  });

  it('answers 400 and writes nothing when a trademark lacks its registration number', async () => {
    const { registrationNumber: _omit, ...rest } = body;

    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder, body: rest }));

    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['registrationNumber']);
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it("answers 422 when the proof is another party's evidence", async () => {
    evidence('evd-cert', 'RH#rh-2', 'sealed');

    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder, body }));

    expect(res.status).toBe(422);
    expect(errorPaths(res.body)).toEqual(['proofEvidenceIds.0']);
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 422 when the proof is not sealed yet', async () => {
    evidence('evd-cert', 'RH#rh-1', 'pending_upload');

    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder, body }));

    expect(res.status).toBe(422);
    expect(res.body.code).toBe('evidence_not_sealed');
  });

  it('answers 422 to a user who registered no rights holder', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.otherRightsHolder, body }));

    expect(res.status).toBe(422);
    expect(res.body.code).toBe('rights_holder_not_registered');
  });

  it('answers 403 to a seller', async () => {
    const res = await invoke(handler, apiEvent({ caller: callers.seller, body }));

    expect(res.status).toBe(403);
  });
});
