import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The Secrets Manager client, created once per module. */
export const secretsManager = new SecretsManagerClient({});

const cache = new Map<string, { value: string | undefined; until: number }>();

/**
 * A secret's string value, cached for `maxAgeSeconds` so a warm function reads Secrets Manager at
 * most once per period. (Powertools Parameters did this, with a second client and its own
 * dependencies in every bundle that reaches the marketplace.)
 */
export async function getSecretString(
  secretId: string,
  { maxAgeSeconds, now = Date.now() }: { maxAgeSeconds: number; now?: number },
): Promise<string | undefined> {
  const cached = cache.get(secretId);
  if (cached && cached.until > now) return cached.value;
  const result = await secretsManager.send(new GetSecretValueCommand({ SecretId: secretId }));
  cache.set(secretId, { value: result.SecretString, until: now + maxAgeSeconds * 1000 });
  return result.SecretString;
}
