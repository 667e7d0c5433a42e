import { z } from 'zod';
import type { LocalIssuer } from './auth/issuer.ts';
import type { VirtualClock } from './clock.ts';
import { parseDurationMs } from './duration.ts';
import { type RouteHandler, readJson, sendJson, sendProblem } from './http.ts';
import type { DemoUser } from './seed.ts';
import type { LocalStepFunctions } from './stepfunctions/engine.ts';

const tokenRequest = z.strictObject({
  sub: z.string().min(1).max(128),
  groups: z.array(z.enum(['rights-holder', 'reviewer', 'seller', 'admin'])).max(4),
  rightsHolderId: z.string().min(1).max(128).optional(),
  sellerId: z.string().min(1).max(128).optional(),
  email: z.email().optional(),
  expiresIn: z
    .number()
    .int()
    .min(-86_400)
    .max(365 * 86_400)
    .optional(),
});

/** A machine's access token, as Cognito's client-credentials grant mints it (`scope` space-separated). */
const machineTokenRequest = z.strictObject({
  sub: z.string().min(1).max(128),
  scope: z
    .string()
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/)
    .max(1024),
  expiresIn: tokenRequest.shape.expiresIn,
});

const advanceRequest = z.strictObject({ by: z.string().min(2).max(64) });

const sfnFaultRequest = z.strictObject({
  failNextStarts: z.number().int().min(0).max(1000),
  /** Only the starts of this state machine (by name); every machine's when absent. */
  stateMachine: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,80}$/)
    .optional(),
});

/**
 * The local cloud's own control routes (never deployed): demo users with tokens, minting tokens
 * for any identity, and moving the clock.
 */
export function createControlRoutes(options: {
  issuer: LocalIssuer;
  users: readonly DemoUser[];
  clock: VirtualClock;
  settle: () => Promise<void>;
  engine: LocalStepFunctions;
}): RouteHandler {
  return async (req, res, url) => {
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /_local/users': {
        const users = await Promise.all(
          options.users.map(async (user) => ({ ...user, token: await options.issuer.mint(user) })),
        );
        sendJson(res, 200, users);
        return true;
      }
      case 'POST /_local/tokens': {
        const body = await parseBody(req, res, z.union([machineTokenRequest, tokenRequest]));
        if (!body) return true;
        const token =
          'scope' in body
            ? await options.issuer.mintMachine(body)
            : await options.issuer.mint(body);
        sendJson(res, 201, { token });
        return true;
      }
      case 'GET /_local/clock':
        sendJson(res, 200, {
          now: new Date(options.clock.now()).toISOString(),
          offsetMs: options.clock.offset,
        });
        return true;
      case 'POST /_local/clock/advance': {
        const body = await parseBody(req, res, advanceRequest);
        if (!body) return true;
        let ms: number;
        try {
          ms = parseDurationMs(body.by);
        } catch (error) {
          sendProblem(res, 400, 'Bad Request', (error as Error).message, [
            { path: 'by', message: (error as Error).message },
          ]);
          return true;
        }
        const now = await options.clock.advance(ms, options.settle);
        sendJson(res, 200, { now: new Date(now).toISOString() });
        return true;
      }
      case 'POST /_local/stepfunctions/faults': {
        const body = await parseBody(req, res, sfnFaultRequest);
        if (!body) return true;
        options.engine.failNextStarts(body.failNextStarts, body.stateMachine);
        sendJson(res, 200, body);
        return true;
      }
      default:
        return false;
    }
  };
}

async function parseBody<T>(
  req: Parameters<RouteHandler>[0],
  res: Parameters<RouteHandler>[1],
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  let raw: unknown;
  try {
    raw = await readJson(req);
  } catch {
    sendProblem(res, 400, 'Bad Request', 'The body is not valid JSON.');
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    sendProblem(
      res,
      400,
      'Bad Request',
      'The body is invalid.',
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
    return undefined;
  }
  return result.data;
}
