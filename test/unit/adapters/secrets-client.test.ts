import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { getSecretString } from '../../../functions/adapters/secrets-client.ts';

const secretsMock = mockClient(SecretsManagerClient);

beforeEach(() => {
  secretsMock.reset();
  secretsMock.on(GetSecretValueCommand).resolves({ SecretString: 'signing-secret-0123456789' });
});

describe('Function: getSecretString', () => {
  it('reads a secret once per period, then again once the period has passed', async () => {
    // Act
    const first = await getSecretString('arn:secret:a', { maxAgeSeconds: 300, now: 0 });
    const cached = await getSecretString('arn:secret:a', { maxAgeSeconds: 300, now: 299_000 });
    await getSecretString('arn:secret:a', { maxAgeSeconds: 300, now: 300_000 });

    // Assess
    expect([first, cached]).toEqual(['signing-secret-0123456789', 'signing-secret-0123456789']);
    expect(secretsMock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });
});
