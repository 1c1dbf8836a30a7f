/**
 * Reads settings from the environment through a zod schema, failing fast with a message that names every
 * missing or bad variable. The one place every app and lib turns process.env into typed settings.
 */
import { z } from 'zod';

export function parseSettings<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv, label: string): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid ${label} settings: ${problems}`);
  }
  return parsed.data;
}

/** LOG_LEVEL, shared by every app. */
export const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
