import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './paths.ts';
import { type ApiProblem, networkProblem, problemFrom } from './problem.ts';

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** The API's base URL, ending in /v1's parent (e.g. 'https://host' or 'http://127.0.0.1:3000'). */
  baseUrl: string;
  /** The current ID token (Cognito ID tokens carry the groups and custom attributes). */
  token: () => string | undefined;
  /** Called on a 401: the session expired or was revoked. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

/**
 * The one API client: openapi-fetch over the generated types (paths.ts), sending the ID token as a
 * Bearer token on every request.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = options.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) options.onUnauthorized?.();
      return response;
    },
  };
  client.use(auth);
  return client;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an `ApiProblem` (problem+json, or a
 * network failure as status 0), so TanStack Query sees one kind of error.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw networkProblem(cause);
  }
  if (result.response.ok) return result.data as T;
  throw problemFrom(result.error, result.response) satisfies ApiProblem;
}
