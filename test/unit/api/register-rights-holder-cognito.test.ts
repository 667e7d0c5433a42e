import {
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, callers, invoke, TEST_ENV } from './support.ts';

Object.assign(process.env, TEST_ENV, { USER_POOL_ID: 'us-east-1_TestPool' });
const { handler } = await import('../../../functions/api/register-rights-holder.ts');

const db = mockClient(DynamoDBDocumentClient);
const cognito = mockClient(CognitoIdentityProviderClient);

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
  cognito.reset();
  db.on(GetCommand).resolves({});
  db.on(TransactWriteCommand).resolves({});
});

describe('POST /v1/rights-holders with a user pool', () => {
  it('sets custom:rightsHolderId on the caller in the user pool', async () => {
    cognito.on(AdminUpdateUserAttributesCommand).resolves({});

    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder, body }));

    expect(res.status).toBe(201);
    const call = cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]!.args[0].input;
    expect(call).toMatchObject({
      UserPoolId: 'us-east-1_TestPool',
      UserAttributes: [{ Name: 'custom:rightsHolderId', Value: res.body.rightsHolderId }],
    });
  });

  it('still answers 201 when the user pool is unavailable: the sub link resolves the rights holder', async () => {
    cognito.on(AdminUpdateUserAttributesCommand).rejects(new Error('throttled'));

    const res = await invoke(handler, apiEvent({ caller: callers.rightsHolder, body }));

    expect(res.status).toBe(201);
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});
