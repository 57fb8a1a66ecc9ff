import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '@llmbench/contracts';

type BodyParserError = Error & { type?: string; status?: number; limit?: number };

/** Maps body-parser failures (bad JSON, too large, bad charset) to coded 4xx errors. */
function fromBodyParser(err: BodyParserError): AppError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError('validation_failed', 'body: not valid JSON', [
        { path: 'body', message: err.message },
      ]);
    case 'entity.too.large':
      return new AppError('payload_too_large', `body: larger than the limit of ${err.limit} bytes`, [
        { path: 'body', message: 'too large' },
      ]);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('unsupported_media_type', `body: ${err.message}`, [
        { path: 'body', message: err.message },
      ]);
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new AppError('bad_request', `body: ${err.message}`);
    default:
      // Anything else the HTTP layer rejects with a 4xx (a body that is not in its declared
      // Content-Encoding, a path with broken %-encoding) is the client's error, never a 500.
      return typeof err.status === 'number' && err.status >= 400 && err.status < 500
        ? new AppError('bad_request', `request: ${err.message}`)
        : undefined;
  }
}

/** Postgres refused the data itself (a NUL character, bytes not valid in UTF-8): the client's input. */
function fromRejectedData(err: unknown): AppError | undefined {
  const code = (err as { code?: string }).code;
  return code === '22021' || code === '22P05' || code === '22P02'
    ? new AppError('validation_failed', 'body: contains characters that cannot be stored (e.g. \\u0000)', [
        { path: 'body', message: 'remove NUL characters and invalid UTF-8' },
      ])
    : undefined;
}

/** Postgres or Redis is down or unreachable: a 503 the client may retry, not a 500. */
function isUnavailable(err: unknown): boolean {
  const e = err as { code?: string; name?: string; message?: string };
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03'].includes(e.code ?? '') ||
    e.name === 'MaxRetriesPerRequestError' ||
    /timeout exceeded when trying to connect|Connection is closed|Connection terminated/i.test(
      e.message ?? '',
    )
  );
}

/**
 * The one place errors become responses: `AppError`s render as `{"error": {code, message,
 * details}}` with their status; anything else is logged once and answers a generic 500.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known =
    err instanceof AppError ? err : (fromBodyParser(err as BodyParserError) ?? fromRejectedData(err));
  if (known) {
    if (known.headers) res.set(known.headers);
    res.status(known.status).json(known.toBody());
    return;
  }
  if (isUnavailable(err)) {
    req.log.error({ err }, 'dependency unavailable');
    res
      .status(503)
      .set('Retry-After', '5')
      .json(new AppError('service_unavailable', 'a backing service is unavailable; retry shortly').toBody());
    return;
  }
  req.log.error({ err }, 'unhandled error');
  res.status(500).json(new AppError('internal_error', 'internal server error').toBody());
};

/** 404 for unknown routes, in the same error shape. */
export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(new AppError('not_found', `no route ${req.method} ${req.path}`).toBody());
};
