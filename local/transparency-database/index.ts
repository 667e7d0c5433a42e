import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  batchErrors,
  statementBatchSchema,
} from '../../functions/domain/transparency-database-rules.ts';
import { type RouteHandler, readJson, sendJson, sendProblem } from '../http.ts';

/** Where the stand-in listens, under the local cloud's API server. */
export const TRANSPARENCY_DATABASE_PATH = '/_local/transparency-database';

/** The Bearer token the local cloud's functions send (Secrets Manager's part in AWS). */
export const LOCAL_TRANSPARENCY_DATABASE_TOKEN = 'local-transparency-database-token';

/** A statement the stand-in accepted, as the database records it. */
export interface AcceptedStatement {
  uuid: string;
  puid: string;
  statement: Record<string, unknown>;
  acceptedAt: string;
}

/**
 * A local stand-in for the DSA Transparency Database's API (DSA Art 24(5)), so the submission path
 * runs end to end in tests and demos:
 * - `POST {base}/api/v1/statements` `{statements: [...]}` (Bearer token): validates every
 *   statement with the database's documented rules (required fields, enums, lengths, dates), and
 *   a `puid` seen before in the batch or on this platform; answers 422 with errors keyed
 *   `statement_<index>` and creates nothing, or 201 `{statements: [{uuid, puid, ...}]}`;
 * - `GET {base}/api/v1/statement/existing-puid/{puid}`: 302 when the puid exists, else 404;
 * - `GET {base}/statements`: what it accepted (for tests);
 * - `POST {base}/faults` `{failureRate?, failNext?}`: answers 503 to a share of batches, or to
 *   exactly the next n (deterministic), as an outage would.
 */
export class LocalTransparencyDatabase {
  readonly accepted: AcceptedStatement[] = [];
  readonly #puids = new Set<string>();
  #failureRate = 0;
  #failNext = 0;
  /** Batches answered, by status, for tests. */
  readonly answered: Record<number, number> = {};

  constructor(private readonly options: { token: string; now: () => Date }) {}

  setFaults(faults: { failureRate?: number; failNext?: number }): void {
    if (faults.failureRate !== undefined) this.#failureRate = faults.failureRate;
    if (faults.failNext !== undefined) this.#failNext = faults.failNext;
  }

  #fails(): boolean {
    if (this.#failNext > 0) {
      this.#failNext--;
      return true;
    }
    return Math.random() < this.#failureRate;
  }

  /** Validates and records a batch: the answer's status and body. */
  submit(body: unknown): { status: number; body: unknown } {
    const shape = statementBatchSchema.safeParse(body);
    if (!shape.success)
      return {
        status: 422,
        body: { message: 'The statements field is required (1 to 100).', errors: {} },
      };
    const { statements } = shape.data;
    const errors = batchErrors(statements);
    statements.forEach((statement, index) => {
      const puid = (statement as { puid?: unknown }).puid;
      if (typeof puid === 'string' && this.#puids.has(puid)) {
        const key = `statement_${index}`;
        errors[key] = {
          ...errors[key],
          puid: [
            ...(errors[key]?.puid ?? []),
            'The identifier given is not unique within this platform.',
          ],
        };
      }
    });
    if (Object.keys(errors).length > 0)
      return { status: 422, body: { message: 'The given data was invalid.', errors } };
    const at = this.options.now().toISOString();
    const created = statements.map((statement) => {
      const record = statement as Record<string, unknown> & { puid: string };
      const accepted = { uuid: randomUUID(), puid: record.puid, statement: record, acceptedAt: at };
      this.accepted.push(accepted);
      this.#puids.add(record.puid);
      return { ...record, uuid: accepted.uuid, created_at: at };
    });
    return { status: 201, body: { statements: created } };
  }

  routes(): RouteHandler {
    const base = TRANSPARENCY_DATABASE_PATH;
    return async (req, res, url) => {
      if (!url.pathname.startsWith(`${base}/`)) return false;
      const path = url.pathname.slice(base.length);
      if (path === '/statements' && req.method === 'GET') {
        sendJson(res, 200, { statements: this.accepted, answered: this.answered });
        return true;
      }
      if (path === '/faults' && req.method === 'POST') {
        const body = (await readJson(req).catch(() => null)) as {
          failureRate?: unknown;
          failNext?: unknown;
        } | null;
        const rate = body?.failureRate;
        const next = body?.failNext;
        if (
          (rate !== undefined && (typeof rate !== 'number' || rate < 0 || rate > 1)) ||
          (next !== undefined && (!Number.isInteger(next) || (next as number) < 0))
        ) {
          sendProblem(res, 400, 'Bad Request', 'failureRate is 0..1, failNext a count.');
          return true;
        }
        this.setFaults({
          ...(rate === undefined ? {} : { failureRate: rate as number }),
          ...(next === undefined ? {} : { failNext: next as number }),
        });
        sendJson(res, 200, { failureRate: this.#failureRate, failNext: this.#failNext });
        return true;
      }
      if (!this.#authorized(req)) {
        sendJson(res, 401, { message: 'Unauthenticated.' });
        return true;
      }
      const existing = /^\/api\/v1\/statement\/existing-puid\/([^/]+)$/.exec(path);
      if (existing && req.method === 'GET') {
        const puid = decodeURIComponent(existing[1]!);
        if (this.#puids.has(puid)) {
          const found = this.accepted.find((a) => a.puid === puid)!;
          sendJson(
            res,
            302,
            { uuid: found.uuid, puid },
            { location: `${base}/statement/${found.uuid}` },
          );
        } else sendJson(res, 404, { message: `statement of reason not found: ${puid}` });
        return true;
      }
      if (path === '/api/v1/statements' && req.method === 'POST') {
        const body = await readJson(req).catch(() => undefined);
        const answer = this.#fails()
          ? { status: 503, body: { message: 'Service Unavailable' } }
          : this.submit(body);
        this.answered[answer.status] = (this.answered[answer.status] ?? 0) + 1;
        sendJson(res, answer.status, answer.body);
        return true;
      }
      return false;
    };
  }

  #authorized(req: IncomingMessage): boolean {
    return req.headers.authorization === `Bearer ${this.options.token}`;
  }
}
