import { ResponseType, type RestApi } from 'aws-cdk-lib/aws-apigateway';

/** One API Gateway error, answered as RFC 9457 problem+json. */
export interface ProblemResponse {
  type: ResponseType;
  status: number;
  title: string;
  /** @default API Gateway's own message ($context.error.messageString) */
  detail?: string;
}

/**
 * API Gateway's own errors, each as the problem the handlers would have answered. Every type that
 * would fall back to DEFAULT_4XX/5XX is listed, so the fallbacks only catch types AWS adds later.
 */
export const PROBLEM_RESPONSES: readonly ProblemResponse[] = [
  { type: ResponseType.UNAUTHORIZED, status: 401, title: 'Unauthorized' },
  { type: ResponseType.EXPIRED_TOKEN, status: 401, title: 'Unauthorized' },
  { type: ResponseType.ACCESS_DENIED, status: 403, title: 'Forbidden' },
  { type: ResponseType.INVALID_SIGNATURE, status: 403, title: 'Forbidden' },
  { type: ResponseType.INVALID_API_KEY, status: 403, title: 'Forbidden' },
  { type: ResponseType.WAF_FILTERED, status: 403, title: 'Forbidden' },
  // API Gateway answers an unknown method or path with this, as 403: to a client it is a 404.
  {
    type: ResponseType.MISSING_AUTHENTICATION_TOKEN,
    status: 404,
    title: 'Not Found',
    detail: 'No resource matches this method and path.',
  },
  { type: ResponseType.RESOURCE_NOT_FOUND, status: 404, title: 'Not Found' },
  { type: ResponseType.BAD_REQUEST_BODY, status: 400, title: 'Bad Request' },
  { type: ResponseType.BAD_REQUEST_PARAMETERS, status: 400, title: 'Bad Request' },
  { type: ResponseType.REQUEST_TOO_LARGE, status: 413, title: 'Content Too Large' },
  { type: ResponseType.UNSUPPORTED_MEDIA_TYPE, status: 415, title: 'Unsupported Media Type' },
  { type: ResponseType.THROTTLED, status: 429, title: 'Too Many Requests' },
  { type: ResponseType.QUOTA_EXCEEDED, status: 429, title: 'Too Many Requests' },
  { type: ResponseType.DEFAULT_4XX, status: 400, title: 'Bad Request' },
  {
    type: ResponseType.API_CONFIGURATION_ERROR,
    status: 500,
    title: 'Internal Server Error',
    detail: 'The service failed to handle the request.',
  },
  {
    type: ResponseType.AUTHORIZER_CONFIGURATION_ERROR,
    status: 500,
    title: 'Internal Server Error',
    detail: 'The service failed to handle the request.',
  },
  {
    type: ResponseType.AUTHORIZER_FAILURE,
    status: 500,
    title: 'Internal Server Error',
    detail: 'The service failed to handle the request.',
  },
  {
    type: ResponseType.INTEGRATION_FAILURE,
    status: 502,
    title: 'Bad Gateway',
    detail: 'The service failed to handle the request.',
  },
  {
    type: ResponseType.INTEGRATION_TIMEOUT,
    status: 504,
    title: 'Gateway Timeout',
    detail: 'The service did not answer in time.',
  },
  {
    type: ResponseType.DEFAULT_5XX,
    status: 500,
    title: 'Internal Server Error',
    detail: 'The service failed to handle the request.',
  },
];

/** The mapping template of one problem: JSON with API Gateway's message safely escaped. */
export function problemTemplate(problem: ProblemResponse): string {
  const detail =
    problem.detail === undefined ? '$context.error.messageString' : JSON.stringify(problem.detail);
  return `{"type":"about:blank","title":${JSON.stringify(problem.title)},"status":${problem.status},"detail":${detail}}`;
}

/** Adds every {@link PROBLEM_RESPONSES} entry to `api`, with CORS for the portal. */
export function addProblemResponses(api: RestApi, portalOrigin: string): void {
  for (const problem of PROBLEM_RESPONSES) {
    api.addGatewayResponse(`Problem${problem.type.responseType}`, {
      type: problem.type,
      statusCode: String(problem.status),
      responseHeaders: {
        'Content-Type': "'application/problem+json'",
        'Access-Control-Allow-Origin': `'${portalOrigin}'`,
        Vary: "'Origin'",
      },
      templates: {
        'application/json': problemTemplate(problem),
        'application/problem+json': problemTemplate(problem),
      },
    });
  }
}
