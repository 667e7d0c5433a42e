import type { LocalLogger } from '../log.ts';

/** What the local API Gateway logs of a request: never a header, a body or a query string. */
export interface RequestLogEntry {
  method: string;
  /** The path without its query string: query values can hold secrets. */
  path: string;
  status: number;
  durationMs: number;
  requestId: string;
}

/** One logfmt line, e.g. `api method=GET path=/v1/cases/c-1 status=200 durationMs=12 requestId=…`. */
export function requestLogLine(entry: RequestLogEntry): string {
  return `api method=${entry.method} path=${entry.path} status=${entry.status} durationMs=${entry.durationMs} requestId=${entry.requestId}`;
}

/** Logs each request at info, and a 5xx answer at warn, so `LOG_LEVEL=warn` still shows failures. */
export function logRequestsTo(logger: LocalLogger): (entry: RequestLogEntry) => void {
  return (entry) => {
    const line = requestLogLine(entry);
    if (entry.status >= 500) logger.warn(line);
    else logger.info(line);
  };
}
