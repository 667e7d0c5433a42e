import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

/** The shapes of the shared route table live beside the table itself, in functions/routes.ts. */
export type { HttpMethod, Role, RouteDefinition } from '../../functions/routes.ts';

/** A REST (v1) Lambda proxy integration handler. */
export type ProxyHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;
