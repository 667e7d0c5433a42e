import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { type RouteHandler, readJson, sendJson, sendProblem } from '../http.ts';

/**
 * A layer in front of DynamoDB Local that fails transactions the way DynamoDB does under
 * contention: DynamoDB Local runs transactions one at a time and never raises
 * `TransactionConflict`, so without this the code's conflict handling never runs locally.
 * Every other request passes through unchanged.
 */
export interface ContentionLayer {
  /** Where the handlers' DynamoDB client points. */
  endpoint: string;
  /** `POST /_local/dynamodb/faults`. */
  routes(): RouteHandler;
  /** Transactions failed with TransactionConflict so far. */
  readonly conflictsInjected: number;
  close(): Promise<void>;
}

export const dynamoFaultsSchema = z.strictObject({
  /** Share of TransactWriteItems calls cancelled with TransactionConflict, 0..1. */
  transactionConflictRate: z.number().min(0).max(1).optional(),
  /** Cancel exactly the next n TransactWriteItems calls (deterministic, for tests). */
  failNextTransactions: z.number().int().min(0).max(10_000).optional(),
});
export type DynamoFaults = z.infer<typeof dynamoFaultsSchema>;

const TRANSACT_WRITE = 'DynamoDB_20120810.TransactWriteItems';

/** Starts the layer on a free loopback port, forwarding to `target` (DynamoDB Local). */
export async function startContentionLayer(
  target: string,
  initial: DynamoFaults = {},
  random: () => number = Math.random,
): Promise<ContentionLayer> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let rate = initial.transactionConflictRate ?? 0;
  let failNext = initial.failNextTransactions ?? 0;
  let injected = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.headers['x-amz-target'] === TRANSACT_WRITE && (failNext > 0 || random() < rate)) {
        if (failNext > 0) failNext--;
        injected++;
        const items = transactItemCount(body);
        const reasons = Array.from({ length: items }, (_, i) =>
          i === 0
            ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }
            : { Code: 'None' },
        );
        const text = JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
          message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
          CancellationReasons: reasons,
        });
        res.writeHead(400, {
          'content-type': 'application/x-amz-json-1.0',
          'content-length': Buffer.byteLength(text),
          'x-amzn-requestid': `conflict-${injected}`,
        });
        res.end(text);
        return;
      }
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent,
        },
        (upstreamRes) => {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      forward.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    get conflictsInjected() {
      return injected;
    },
    routes: () => async (req, res, url) => {
      if (url.pathname !== '/_local/dynamodb/faults') return false;
      if (req.method !== 'POST') {
        sendProblem(res, 405, 'Method Not Allowed', 'POST the fault settings.');
        return true;
      }
      const parsed = dynamoFaultsSchema.safeParse(await readJson(req).catch(() => undefined));
      if (!parsed.success) {
        sendProblem(
          res,
          400,
          'Bad Request',
          'Invalid fault settings.',
          parsed.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            message: issue.message,
          })),
        );
        return true;
      }
      if (parsed.data.transactionConflictRate !== undefined)
        rate = parsed.data.transactionConflictRate;
      if (parsed.data.failNextTransactions !== undefined)
        failNext = parsed.data.failNextTransactions;
      sendJson(res, 200, {
        transactionConflictRate: rate,
        failNextTransactions: failNext,
        conflictsInjected: injected,
      });
      return true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function transactItemCount(body: Buffer): number {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { TransactItems?: unknown[] };
    return Math.max(1, parsed.TransactItems?.length ?? 1);
  } catch {
    return 1;
  }
}
