import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '@llmbench/runtime';
import type { z } from 'zod';
import { openAiError } from '../simulate/faults.js';
import { ClientGoneError } from '../simulate/latency.js';

/**
 * An error answered in the OpenAI envelope. The sandbox speaks OpenAI's error format rather than
 * the product's own, because its clients are OpenAI SDKs whose error classes key on it.
 */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'SandboxHttpError';
  }

  /** 400 invalid_request_error naming the offending field. */
  static badRequest(message: string, param: string | null, code: string | null = null): SandboxHttpError {
    return new SandboxHttpError(400, message, 'invalid_request_error', code, param);
  }
}

/** Converts a zod failure into a 400 naming the first bad field (`messages.0.role`). */
export function fromZodError(error: z.ZodError, prefix = ''): SandboxHttpError {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const param = [prefix, path].filter(Boolean).join('.') || null;
  return SandboxHttpError.badRequest(`${param ?? 'body'}: ${issue?.message ?? 'invalid request'}`, param);
}

/** 404 for routes the sandbox does not serve, in the same envelope. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(
    new SandboxHttpError(
      404,
      `Unknown route ${req.method} ${req.path}`,
      'invalid_request_error',
      'not_found',
    ),
  );
};

/**
 * Renders every error as `{"error": {message, type, param, code}}`. Malformed JSON bodies are a
 * client mistake (400); anything unexpected is logged once here and answered with a generic 500.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof ClientGoneError || res.headersSent) {
      if (!res.writableEnded) res.destroy();
      return;
    }
    if (err instanceof SandboxHttpError) {
      res.status(err.status).json(openAiError(err.message, err.type, err.code, err.param));
      return;
    }
    if (err instanceof SyntaxError || (err as { type?: string }).type === 'entity.parse.failed') {
      res
        .status(400)
        .json(openAiError('The request body is not valid JSON.', 'invalid_request_error', 'invalid_json'));
      return;
    }
    logger.error({ err }, 'unhandled error');
    res.status(500).json(openAiError('Internal sandbox error.', 'server_error', 'internal_error'));
  };
}
