import { z } from 'zod';

/** Boolean from an env string: `1`, `true`, `yes`, `on` are true; `0`, `false`, `no`, `off`, `` are false. */
export const BoolEnv = z.union([z.boolean(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'boolean') return v;
  const s = v.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(s)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(s)) return false;
  ctx.addIssue({ code: 'custom', message: `expected a boolean, got "${v}"` });
  return z.NEVER;
});

/** TCP port from an env string. */
export const PortEnv = z.coerce.number().int().min(0).max(65535);

/** Log level accepted by pino. */
export const LogLevelEnv = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

/**
 * Parses `env` with `schema` and throws one error naming every bad variable, so a process
 * stops at boot instead of failing later.
 * @param schema - zod object schema of the variables a service reads
 * @param env - usually `process.env`
 * @returns the parsed, typed values
 */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  env: Record<string, string | undefined>,
): z.output<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new Error(`invalid configuration:\n${lines.join('\n')}`);
}
