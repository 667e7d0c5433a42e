import type * as z from 'zod';
import type { ApiTag } from './tags.ts';

/** A success response without a JSON body (204, 302), or one with response headers worth naming. */
export interface ResponseDoc {
  description: string;
  /** The JSON body, if any. */
  body?: z.ZodType;
  /** Response headers by name, with what each holds. */
  headers?: Record<string, string>;
}

/** The statuses a handler answers with a problem because of its own rules (API.md, Errors). */
export type RuleProblemStatus = 404 | 409 | 413 | 422;

/**
 * The OpenAPI description of one route of functions/routes.ts, keyed `METHOD /path` in its area's
 * schema module (functions/api/schemas/*.ts). The generator adds what follows from the route table
 * itself: the operationId, the tag of the path's area, the roles, the path parameters, the bearer
 * scheme, and the problems every route of its kind can answer (see ./responses.ts).
 */
export interface RouteDoc {
  /** One line: what the operation does. */
  summary: string;
  /** Longer prose, when the summary is not enough; the roles are appended. */
  description?: string;
  /** @default the tag of the path's first segment (./tags.ts) */
  tags?: readonly ApiTag[];
  request?: {
    /** The JSON body: the same zod schema the handler parses. */
    body?: z.ZodType;
    /** The query string: the same zod schema the handler parses. */
    query?: z.ZodObject;
    /** Request headers the handler reads. */
    headers?: z.ZodObject;
  };
  /** Success statuses: the body's zod schema, or a ResponseDoc for a body-less or annotated one. */
  responses: Partial<Record<200 | 201 | 202 | 204 | 302, z.ZodType | ResponseDoc>>;
  /** Problems the handler's own rules answer, beyond the route's kind (e.g. 409 on a state conflict). */
  errors?: readonly RuleProblemStatus[];
}

/** An area's route descriptions, keyed `METHOD /path`. */
export type RouteDocs = Record<string, RouteDoc>;
