import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Paths that may carry secrets; pino replaces their values before a line is written. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'password',
  'api_key',
  'apiKey',
  '*.password',
  '*.api_key',
  '*.apiKey',
  '*.token',
  '*.refresh_token',
  '*.access_token',
];

/**
 * Creates the root pino logger of a process.
 * @param service - name written on every line (`service` field)
 * @param level - pino level; `silent` in tests
 * @returns a JSON logger with secrets redacted
 */
export function createLogger(service: string, level: LoggerOptions['level'] = 'info'): Logger {
  return pino({
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
