import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from '../../../functions/adapters/lambda-credentials.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Function: defaultProvider (Lambda credentials)', () => {
  it('answers with the execution role’s credentials from the environment', async () => {
    // Arrange
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session');

    // Act
    const credentials = await defaultProvider({})();

    // Assess
    expect(credentials).toMatchObject({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'session',
    });
  });
});
