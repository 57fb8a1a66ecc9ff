import type { ErrorBody } from '@llmbench/contracts';
import { CliError, EXIT } from './errors.js';

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as ErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.message === 'string';
}

/**
 * `message [path: why; path: why]` on one line, whatever the server put in its strings. A detail
 * the message already spells out (the gateway often leads with the first one) is not repeated.
 */
export function describeHttpError(status: number, body: unknown): string {
  if (!isErrorBody(body)) return `HTTP ${status}`;
  const { message } = body.error;
  const details = (body.error.details ?? [])
    .map((d) => `${d.path}: ${d.message}`)
    .filter((d) => !message.includes(d));
  const line = details.length > 0 ? `${message} [${details.join('; ')}]` : message;
  return line.replace(/\s*\n\s*/g, ' ');
}

/**
 * The exit code of an HTTP failure: refused credentials are auth errors (3), other 4xx are the
 * caller's mistake (2), 5xx are the service's trouble (3, and worth a retry).
 */
export function httpError(status: number, body: unknown): CliError {
  const message = describeHttpError(status, body);
  if (status === 401 || status === 403) return new CliError(EXIT.network, `not authorized: ${message}`);
  if (status < 500) return new CliError(EXIT.usage, message);
  return new CliError(EXIT.network, `server error: ${message}`, true);
}

/** A fetch that never reached an answer (refused, reset, DNS, aborted). */
export function networkError(url: string, err: unknown): CliError {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (err as Error).message;
  return new CliError(EXIT.network, `cannot reach ${url}: ${why}`, true);
}
