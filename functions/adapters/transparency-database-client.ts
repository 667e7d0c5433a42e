import * as z from 'zod';
import { loadEnv } from './env.ts';

const env = loadEnv({
  /** The database's base URL (e.g. https://transparency.dsa.ec.europa.eu); unset: not submitting. */
  TRANSPARENCY_DATABASE_URL: z.url().optional(),
  /** The Secrets Manager secret holding the API token (deployed). */
  TRANSPARENCY_DATABASE_TOKEN_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** The token itself (the local cloud only). */
  TRANSPARENCY_DATABASE_TOKEN: z.string().min(8).optional(),
});

/** Whether a database to submit to, and a token for it, are configured. */
export const transparencyDatabaseConfigured = Boolean(
  env.TRANSPARENCY_DATABASE_URL &&
    (env.TRANSPARENCY_DATABASE_TOKEN || env.TRANSPARENCY_DATABASE_TOKEN_SECRET_ARN),
);

async function token(): Promise<string> {
  if (env.TRANSPARENCY_DATABASE_TOKEN) return env.TRANSPARENCY_DATABASE_TOKEN;
  if (!env.TRANSPARENCY_DATABASE_TOKEN_SECRET_ARN)
    throw new Error('no Transparency Database token is configured');
  const { getSecretString } = await import('./secrets-client.ts');
  const value = await getSecretString(env.TRANSPARENCY_DATABASE_TOKEN_SECRET_ARN, {
    maxAgeSeconds: 300,
  });
  if (!value) throw new Error('the Transparency Database token secret is empty');
  return value;
}

/** The database's answer to one batch. */
export type BatchAnswer =
  | { kind: 'created' }
  | { kind: 'refused'; errors: Record<string, Record<string, string[]>> }
  | { kind: 'unavailable'; status: number | 'network' };

const refusal = z.object({
  errors: z.record(z.string(), z.record(z.string(), z.array(z.string()))).default({}),
});

/**
 * Sends one batch to `POST /api/v1/statements` (up to 100 statements): 201 created them all; 422
 * refused the batch (nothing created), with errors keyed `statement_<index>`; anything else
 * (429, 5xx, a network error) is worth retrying.
 */
export async function submitBatch(statements: readonly unknown[]): Promise<BatchAnswer> {
  let response: Response;
  try {
    response = await fetch(
      new URL('api/v1/statements', withSlash(env.TRANSPARENCY_DATABASE_URL!)),
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await token()}`,
          accept: 'application/json',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ statements }),
        signal: AbortSignal.timeout(20_000),
      },
    );
  } catch {
    return { kind: 'unavailable', status: 'network' };
  }
  if (response.status === 201 || response.status === 200) return { kind: 'created' };
  if (response.status === 422) {
    const body = refusal.safeParse(await response.json().catch(() => ({})));
    return { kind: 'refused', errors: body.success ? body.data.errors : {} };
  }
  return { kind: 'unavailable', status: response.status };
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
