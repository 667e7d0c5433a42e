import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { STATIC_FILE_PATTERN } from '../../infra/spa-routing.ts';
import { DIST_DIR } from '../../web/build.ts';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../../web/security-headers.ts';
import type { RouteHandler } from '../http.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths the app never answers: the API, the local tools, the issuer. */
const NOT_THE_APP = /^\/(v1|_local|oidc)(\/|$)/;

export interface WebAppOptions {
  /** The runtime config for a request (its origin decides the redirect URIs). */
  config: (origin: string) => Record<string, unknown>;
  /** Origins the app may fetch besides its own (the local S3 endpoint, for inline evidence). */
  connectSources: readonly string[];
  /** @default DIST_DIR */
  distDir?: string;
}

/**
 * Serves the built web app at `/` as CloudFront does in AWS: files from web/dist, `index.html` for
 * any other path that is not a built file (SPA routing, infra/spa-routing.ts), `/config.json` from the running cloud, and
 * the same CSP and security headers.
 */
export function createWebAppRoutes(options: WebAppOptions): RouteHandler {
  const distDir = options.distDir ?? DIST_DIR;
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy({ connect: options.connectSources }),
  };
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (NOT_THE_APP.test(url.pathname)) return false;
    const origin = requestOrigin(req.headers.host, url);
    if (url.pathname === '/config.json') {
      const body = JSON.stringify(options.config(origin));
      res.writeHead(200, {
        ...headers,
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    if (!existsSync(join(distDir, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The web app is not built: run `npm run build:web` (npm start builds it).\n');
      return true;
    }
    let file = safeJoin(distDir, decodeURIComponent(url.pathname));
    if (!file || !isFile(file)) {
      if (STATIC_FILE_PATTERN.test(url.pathname)) return false; // a missing asset is a 404, not the app
      file = join(distDir, 'index.html');
    }
    res.writeHead(200, {
      ...headers,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Hashed assets never change; the HTML always revalidates so a new build is picked up.
      'cache-control': url.pathname.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
    return true;
  };
}

/** The origin the browser used, if it is a loopback one (the server binds 127.0.0.1 only). */
function requestOrigin(host: string | undefined, url: URL): string {
  const fallback = `http://127.0.0.1${url.port ? `:${url.port}` : ''}`;
  if (!host) return fallback;
  return /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host) ? `http://${host}` : fallback;
}

function safeJoin(root: string, path: string): string | undefined {
  const full = normalize(join(root, path));
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
