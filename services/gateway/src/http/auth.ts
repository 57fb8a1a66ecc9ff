import type { RequestHandler } from 'express';
import { AppError } from '@llmbench/contracts';
import type { TokenRepository, UserRepository } from '@llmbench/db';
import { API_TOKEN_PREFIX, hashToken, type AccessTokens } from '../security/tokens.js';

export type AuthUser = {
  id: string;
  email: string;
  role: 'admin' | 'user';
  max_concurrent_jobs: number;
  created_at: Date;
  via: 'jwt' | 'api_token';
};

const unauthorized = (message: string) =>
  new AppError('unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer realm="llmbench"' });

/**
 * Resolves `Authorization: Bearer <token>` — an access JWT or a personal API token (`lbs_…`) —
 * to a live, enabled user, stored in `res.locals.user`. Anything else is a 401.
 */
export function createAuthenticate(deps: {
  users: UserRepository;
  tokens: TokenRepository;
  accessTokens: AccessTokens;
}): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized('authorization: send "Authorization: Bearer <token>"');
    const token = match[1];
    let userId: string | undefined;
    let via: AuthUser['via'] = 'jwt';
    if (token.startsWith(API_TOKEN_PREFIX)) {
      userId = (await deps.tokens.useApiToken(hashToken(token)))?.user_id;
      via = 'api_token';
    } else {
      userId = await deps.accessTokens.verify(token);
    }
    if (!userId) throw unauthorized('authorization: invalid or expired token');
    const user = await deps.users.get(userId);
    if (!user || user.disabled_at)
      throw unauthorized('authorization: the account does not exist or is disabled');
    res.locals.user = {
      id: user.id,
      email: user.email,
      role: user.role,
      max_concurrent_jobs: user.max_concurrent_jobs,
      created_at: user.created_at,
      via,
    } satisfies AuthUser;
    req.log = req.log.child({ user_id: user.id });
    next();
  };
}
