import type { APIGatewayProxyResult } from 'aws-lambda';

/** An RFC 9457 problem the API answers with. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: { path: string; message: string }[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const notFound = (what = 'resource') =>
  new HttpProblem(404, 'Not Found', `No such ${what}.`);
export const forbidden = (detail = 'This route is not open to your role.') =>
  new HttpProblem(403, 'Forbidden', detail);
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);
export const badRequest = (detail: string, errors?: { path: string; message: string }[]) =>
  new HttpProblem(400, 'Bad Request', detail, errors);
export const unprocessable = (
  detail: string,
  errors?: { path: string; message: string }[],
  code?: string,
) => new HttpProblem(422, 'Unprocessable Content', detail, errors, code ? { code } : {});

const TYPES: Record<number, string> = {
  400: 'validation-error',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  422: 'rule-violation',
  429: 'throttled',
  500: 'internal-error',
  503: 'unavailable',
};

/** The response for a problem: `application/problem+json`, never a stack or an SDK error. */
export function problemResponse(problem: HttpProblem, instance?: string): APIGatewayProxyResult {
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    body: JSON.stringify({
      type: `https://takedown.dev/problems/${TYPES[problem.status] ?? 'error'}`,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(instance ? { instance } : {}),
      ...(problem.errors ? { errors: problem.errors } : {}),
      ...problem.extra,
    }),
  };
}
