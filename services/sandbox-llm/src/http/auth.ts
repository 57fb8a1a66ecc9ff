import type { RequestHandler } from 'express';
import { SandboxHttpError } from './openai-error.js';

/**
 * Optional bearer-key check. Without a configured key any Authorization header (or none) is
 * accepted, since clients must send *some* key to an OpenAI-compatible endpoint; with one, a wrong
 * key gets OpenAI's 401 so clients can test their auth-error handling.
 */
export function requireApiKey(apiKey: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!apiKey) return next();
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    if (given === apiKey) return next();
    next(
      new SandboxHttpError(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
    );
  };
}
