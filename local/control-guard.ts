import { type RouteHandler, sendProblem } from './http.ts';

/** Host names that can only be this machine. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The host name of a `Host` header or an origin's host, without the port. */
function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? '';
}

/**
 * Guards the local cloud's control routes (`/_local/*`: tokens for every demo user, the clock,
 * faults), which no deployment has (API.md, "Local cloud only"). They answer 403 to a request
 * whose `Host` is not a loopback name (a DNS-rebound page's host is the attacker's) or that
 * carries an `Origin` other than a loopback one, and 415 to a body that is not JSON (a web page's
 * simple cross-origin POST is `text/plain` and skips CORS preflight). Other paths pass through.
 */
export function controlRouteGuard(): RouteHandler {
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/_local/')) return false;
    if (!LOOPBACK_HOSTS.has(hostName(req.headers.host ?? ''))) {
      sendProblem(res, 403, 'Forbidden', 'The local control routes answer loopback hosts only.');
      return true;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !loopbackOrigin(origin)) {
      sendProblem(res, 403, 'Forbidden', 'The local control routes refuse cross-origin requests.');
      return true;
    }
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 ||
      req.headers['transfer-encoding'] !== undefined;
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (hasBody && type !== 'application/json') {
      sendProblem(res, 415, 'Unsupported Media Type', 'Send the body as application/json.');
      return true;
    }
    return false;
  };
}

function loopbackOrigin(origin: string): boolean {
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(hostName(parsed.host));
  } catch {
    return false;
  }
}
