import { Router, type RequestHandler } from 'express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { AppError } from '@llmbench/contracts';
import { resolveToken, type AuthDeps } from './auth.js';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'lbs_admin';

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE && v) return decodeURIComponent(v);
  }
  return undefined;
}

/**
 * Admins only, for the page and every asset and API call it makes. A browser cannot send an
 * Authorization header when it loads a page, so `?token=` once sets an HttpOnly cookie scoped to
 * the dashboard (then redirects without the token); scripts can send the header as usual.
 */
function adminOnly(deps: AuthDeps): RequestHandler {
  return async (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const token = bearer ?? fromQuery ?? cookieToken(req.get('cookie'));
    if (!token)
      throw new AppError(
        'unauthorized',
        'the queue dashboard needs an admin token (?token=… once, or a Bearer header)',
      );
    const user = await resolveToken(deps, token);
    if (!user) throw new AppError('unauthorized', 'invalid or expired token');
    if (user.role !== 'admin') throw new AppError('forbidden', 'the queue dashboard is for admins');
    if (fromQuery) {
      res.cookie(COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        path: DASHBOARD_PATH,
        maxAge: 3_600_000,
      });
      res.redirect(302, `${req.baseUrl}${req.path === '/' ? '' : req.path}`);
      return;
    }
    next();
  };
}

/** bull-board over every queue of the system, mounted at {@link DASHBOARD_PATH} behind admin auth. */
export function adminDashboard(deps: AuthDeps & { queues: Record<string, Queue> }): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(deps.queues).map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
  });
  const router = Router();
  router.use(DASHBOARD_PATH, adminOnly(deps), adapter.getRouter() as RequestHandler);
  return router;
}
