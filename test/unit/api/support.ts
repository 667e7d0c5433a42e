import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

/** A parsed JSON response body: tests read it field by field. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted on, not typed
export type JsonBody = any;

/** The environment the adapters read at module load (set it in `vi.hoisted` before importing). */
export const TEST_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDTEST',
  AWS_SECRET_ACCESS_KEY: 'test-secret',
  TABLE_NAME: 'takedown-test',
  EVIDENCE_BUCKET: 'evidence-test',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
} as const;

/** A caller as the REST Cognito authorizer passes it: every claim a string. */
export interface TestCaller {
  sub: string;
  groups: string;
  rightsHolderId?: string;
  sellerId?: string;
}

export const callers = {
  rightsHolder: { sub: 'sub-rh', groups: 'rights-holder' },
  otherRightsHolder: { sub: 'sub-rh-2', groups: 'rights-holder' },
  reviewer: { sub: 'sub-reviewer', groups: 'reviewer' },
  admin: { sub: 'sub-admin', groups: '[admin]' },
  seller: { sub: 'sub-seller', groups: 'seller', sellerId: 'seller-1' },
  otherSeller: { sub: 'sub-seller-2', groups: 'seller', sellerId: 'seller-2' },
} satisfies Record<string, TestCaller>;

/** A REST (v1) proxy event for a route. */
export function apiEvent(input: {
  caller?: TestCaller;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}): APIGatewayProxyEvent {
  const claims = input.caller
    ? {
        sub: input.caller.sub,
        'cognito:groups': input.caller.groups,
        ...(input.caller.rightsHolderId
          ? { 'custom:rightsHolderId': input.caller.rightsHolderId }
          : {}),
        ...(input.caller.sellerId ? { 'custom:sellerId': input.caller.sellerId } : {}),
      }
    : undefined;
  return {
    body:
      input.body === undefined
        ? null
        : typeof input.body === 'string'
          ? input.body
          : JSON.stringify(input.body),
    headers: {},
    multiValueHeaders: {},
    httpMethod: 'GET',
    isBase64Encoded: false,
    path: '/',
    pathParameters: input.pathParameters ?? null,
    queryStringParameters: input.query ?? null,
    multiValueQueryStringParameters: null,
    stageVariables: null,
    resource: '/',
    requestContext: {
      requestId: 'req-test',
      ...(claims ? { authorizer: { claims } } : {}),
    } as unknown as APIGatewayProxyEvent['requestContext'],
  };
}

const context = {
  awsRequestId: 'req-test',
  functionName: 'test',
  getRemainingTimeInMillis: () => 25_000,
} as unknown as Context;

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** Invokes a route handler and parses its JSON body. */
export async function invoke(
  handler: unknown,
  event: APIGatewayProxyEvent,
): Promise<{ status: number; headers: Record<string, unknown>; body: JsonBody }> {
  const result = await (handler as Handler)(event, context);
  return {
    status: result.statusCode,
    headers: (result.headers ?? {}) as Record<string, unknown>,
    body: result.body ? JSON.parse(result.body) : undefined,
  };
}

/** The paths of a problem's field errors. */
export const errorPaths = (body: { errors?: { path: string }[] }) =>
  (body.errors ?? []).map((e) => e.path);

/** A DynamoDB conditional-check failure, as the document client throws it. */
export function conditionalCheckFailed(): Error {
  return Object.assign(new Error('The conditional request failed'), {
    name: 'ConditionalCheckFailedException',
  });
}
