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

export type AuthDeps = { users: UserRepository; tokens: TokenRepository; accessTokens: AccessTokens };

/**
 * Resolves a bearer token — an access JWT or a personal API token (`lbs_…`) — to a live,
 * enabled user. Shared by HTTP routes and the WebSocket upgrade.
 */
export async function resolveToken(deps: AuthDeps, token: string): Promise<AuthUser | undefined> {
  let userId: string | undefined;
  let via: AuthUser['via'] = 'jwt';
  if (token.startsWith(API_TOKEN_PREFIX)) {
    userId = (await deps.tokens.useApiToken(hashToken(token)))?.user_id;
    via = 'api_token';
  } else {
    userId = await deps.accessTokens.verify(token);
  }
  if (!userId) return undefined;
  const user = await deps.users.get(userId);
  if (!user || user.disabled_at) return undefined;
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    max_concurrent_jobs: user.max_concurrent_jobs,
    created_at: user.created_at,
    via,
  };
}

const unauthorized = (message: string) =>
  new AppError('unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer realm="llmbench"' });

/** Express middleware: `Authorization: Bearer <token>` → `res.locals.user`, else 401. */
export function createAuthenticate(deps: AuthDeps): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    if (!match?.[1]) throw unauthorized('authorization: send "Authorization: Bearer <token>"');
    const user = await resolveToken(deps, match[1]);
    if (!user) throw unauthorized('authorization: invalid or expired token, or the account is disabled');
    res.locals.user = user;
    req.log = req.log.child({ user_id: user.id });
    next();
  };
}
