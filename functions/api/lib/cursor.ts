import { decodeCursor } from '../schemas/common.ts';
import { badRequest } from './problem.ts';

/**
 * Decodes a page cursor, or answers 400. `expected` pins the partition the cursor must belong to,
 * so a cursor from another party's listing cannot be replayed against this one.
 */
export function startKeyFrom(
  cursor: string | undefined,
  expected: Record<string, string>,
): Record<string, unknown> | undefined {
  const invalid = () =>
    badRequest('The cursor is invalid.', [{ path: 'cursor', message: 'Invalid cursor' }]);
  let key: Record<string, unknown> | undefined;
  try {
    key = decodeCursor(cursor);
  } catch {
    throw invalid();
  }
  if (key && Object.entries(expected).some(([name, value]) => key[name] !== value)) throw invalid();
  return key;
}
