import * as z from 'zod';

/** `?limit=` 1..100 (default 25) and an opaque `?cursor=` (API.md, Pagination). */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25).describe('Page size, 1..100'),
  cursor: z.string().min(1).max(1024).optional().describe('Opaque cursor from the previous page'),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional().describe('The request id'),
    code: z.string().optional().describe('A stable reason code, on some 422 answers'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Field errors, on 400 and some 422 answers'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Encodes a DynamoDB LastEvaluatedKey as an opaque cursor. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

/** Decodes a cursor; a malformed one is a 400 in the caller. */
export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw Object.assign(new Error('invalid cursor'), { name: 'InvalidCursor' });
}
