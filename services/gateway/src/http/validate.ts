import type { z } from 'zod';
import { AppError, type ErrorDetail } from '@llmbench/contracts';

function formatPath(prefix: string, path: PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.');
}

/** Turns zod issues into wire error details whose `path` names the field (e.g. `body.tools.0.function.name`). */
export function zodDetails(prefix: string, error: z.ZodError): ErrorDetail[] {
  return error.issues
    .slice(0, 50)
    .map((i) => ({ path: formatPath(prefix, i.path), message: i.message, code: i.code }));
}

/** A 400 `validation_failed` whose message names the first bad field and whose details list all. */
export function validationError(details: ErrorDetail[], fallback = 'invalid request'): AppError {
  const first = details[0];
  return new AppError('validation_failed', first ? `${first.path}: ${first.message}` : fallback, details);
}

/**
 * Parses `value` with `schema` or throws a 400 `validation_failed` whose message names the
 * first bad field and whose details list all of them.
 * @param where - `body`, `query` or `params`, the prefix of every path
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(zodDetails(where, result.error), `invalid ${where}`);
}
