import type { ProblemBody } from './contract.ts';

/**
 * An API error, read from its RFC 9457 problem+json body (API.md, Errors). Anything else the
 * network or a gateway answers becomes a problem too, so every error renders the same way.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly errors: readonly { path: string; message: string }[];
  /** The body's other members (RFC 9457 extensions), e.g. a 429's `resetsAt`. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(body: ProblemBody) {
    super(`${body.status} ${body.title}: ${body.detail}`);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.title = body.title;
    this.detail = body.detail;
    this.type = body.type;
    this.errors = body.errors ?? [];
    const {
      type: _t,
      title: _ti,
      status: _s,
      detail: _d,
      errors: _e,
      ...rest
    } = body as ProblemBody & Record<string, unknown>;
    this.extensions = rest;
  }

  /** A string extension member, e.g. `extension('resetsAt')`. */
  extension(name: string): string | undefined {
    const value = this.extensions[name];
    return typeof value === 'string' ? value : undefined;
  }

  /** The message of the field error at `path` (e.g. 'reasonCode', 'listings.0.listingId'). */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }

  /** Field errors whose path no form field shows, to list beside the summary. */
  otherFieldErrors(shown: readonly string[]): { path: string; message: string }[] {
    return this.errors.filter((e) => !shown.includes(e.path));
  }
}

/** Status 0: the request never got an answer (offline, DNS, CORS, aborted). */
export const NETWORK_FAILURE = 0;

/** Builds the problem for a failed response, from its body when it is problem+json. */
export function problemFrom(error: unknown, response: Response): ApiProblem {
  if (isProblemBody(error)) return new ApiProblem(error);
  return new ApiProblem({
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: typeof error === 'string' && error.length < 500 ? error : '',
  });
}

export function networkProblem(cause: unknown): ApiProblem {
  return new ApiProblem({
    type: 'about:blank',
    title: 'Network error',
    status: NETWORK_FAILURE,
    detail: cause instanceof Error ? cause.message : String(cause),
  });
}

function isProblemBody(value: unknown): value is ProblemBody {
  if (!value || typeof value !== 'object') return false;
  const body = value as Record<string, unknown>;
  return typeof body.title === 'string' && typeof body.status === 'number';
}
