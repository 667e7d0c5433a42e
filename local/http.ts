import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request handler that answers and returns true, or returns false to let the next one try. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => Promise<boolean>;

/** A server bound to loopback, with the port it got. */
export interface LocalServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1. Port 0 picks a free port.
 * Handlers are tried in order; when none answers, the fallback answers 404 problem+json.
 */
export async function startLoopbackServer(
  port: number,
  handlers: RouteHandler[],
): Promise<LocalServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void (async () => {
      try {
        for (const handler of handlers) {
          if (await handler(req, res, url)) return;
        }
        sendProblem(res, 404, 'Not Found', `No route for ${req.method} ${url.pathname}`);
      } catch (error) {
        console.error('local server error', error);
        if (!res.headersSent)
          sendProblem(res, 500, 'Internal Server Error', 'The local cloud failed.');
        else res.end();
      }
    })();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Reads a request body whole, refusing bodies over `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body; an empty body is `{}`. Throws SyntaxError on malformed JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Answers an RFC 9457 problem. */
export function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  errors?: { path: string; message: string }[],
): void {
  const body = { type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) };
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
