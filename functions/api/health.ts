import middy from '@middy/core';
import type { APIGatewayProxyResult } from 'aws-lambda';

/** GET /v1/health: liveness, with no token and no dependency call. */
export const handler = middy().handler(
  async (): Promise<APIGatewayProxyResult> => ({
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify({ status: 'ok' }),
  }),
);
