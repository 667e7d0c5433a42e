export { parseGroupsClaim, parseTimeClaim, toAuthorizerClaims } from './claims.ts';
export { type ApiGatewayOptions, createApiGatewayRoutes, MAX_BODY_BYTES } from './gateway.ts';
export type { HttpMethod, ProxyHandler, Role, RouteDefinition } from './types.ts';
