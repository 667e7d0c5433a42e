import * as z from 'zod';
import { idSchema } from '../../domain/vocabulary.ts';

/**
 * Every workflow task's input carries a payload version. Version 1 is current; an input without
 * `v` is version 0 (the shape before versioning) and is read as version 1 with the same fields,
 * so executions started before a deploy keep working.
 */
export function taskInput<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({
      v: z.union([z.literal(1), z.undefined()]).transform(() => 1 as const),
      caseId: idSchema,
      ...shape,
    })
    .loose();
}

/** Parses a task input; a malformed one is a programming error and fails the task loudly. */
export function parseTaskInput<S extends z.ZodType>(schema: S, event: unknown): z.infer<S> {
  const result = schema.safeParse(event);
  if (!result.success) {
    const error = new Error(
      `invalid task input: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    error.name = 'InvalidTaskInput';
    throw error;
  }
  return result.data;
}
