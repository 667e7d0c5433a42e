import * as z from 'zod';

/**
 * Validates the environment variables a module needs, once, at module load.
 * This is the only place that reads `process.env`: every adapter declares its own keys here,
 * so a function that lacks a variable fails at cold start with a message naming it.
 */
export function loadEnv<T extends z.ZodRawShape>(
  shape: T,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return result.data;
}
