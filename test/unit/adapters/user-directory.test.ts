import {
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The adapter reads its env at module load: set it before it is imported.
vi.hoisted(() => {
  process.env.USER_POOL_ID = 'eu-west-1_pool';
});

const { setRightsHolderAttribute } = await import('../../../functions/adapters/user-directory.ts');

const cognitoMock = mockClient(CognitoIdentityProviderClient);
const RH = 'rh-0f8fad5b-d9cb-469f-a165-70867728950e';

beforeEach(() => {
  cognitoMock.reset();
  cognitoMock.on(AdminUpdateUserAttributesCommand).resolves({});
});

describe('Function: setRightsHolderAttribute', () => {
  it('writes custom:rightsHolderId, and no other attribute, of the user named', async () => {
    // Act
    const result = await setRightsHolderAttribute('alice', RH);

    // Assess
    expect(result).toBe('set');
    const calls = cognitoMock.commandCalls(AdminUpdateUserAttributesCommand);
    expect(calls.map((call) => call.args[0].input)).toEqual([
      {
        UserPoolId: 'eu-west-1_pool',
        Username: 'alice',
        UserAttributes: [{ Name: 'custom:rightsHolderId', Value: RH }],
      },
    ]);
  });

  it('refuses a value that is not a rights holder id, and writes nothing', async () => {
    // Act
    const attempt = setRightsHolderAttribute('alice', 'seller-1');

    // Assess
    await expect(attempt).rejects.toThrow(/not a rights holder id/);
    expect(cognitoMock.commandCalls(AdminUpdateUserAttributesCommand)).toHaveLength(0);
  });
});
