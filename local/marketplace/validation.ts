import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { readJson, sendProblem } from '../http.ts';

/** A zod failure as the `errors: [{path, message}]` of an RFC 9457 problem. */
export function fieldErrors(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/**
 * Reads and validates a JSON body. On malformed JSON or a schema failure it answers 400
 * problem+json and returns undefined, so a route can simply `return true`.
 */
export async function readValidJson<T extends z.ZodType>(
  req: IncomingMessage,
  res: ServerResponse,
  schema: T,
): Promise<z.infer<T> | undefined> {
  let body: unknown;
  try {
    body = await readJson(req);
  } catch {
    sendProblem(res, 400, 'Bad Request', 'The body is not valid JSON.');
    return undefined;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    sendProblem(res, 400, 'Bad Request', 'The body is invalid.', fieldErrors(parsed.error));
    return undefined;
  }
  return parsed.data;
}

/** Decodes one percent-encoded path segment; undefined when it is not valid encoding. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
