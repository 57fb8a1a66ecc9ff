import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { AppError } from '@llmbench/contracts';
import { parseInput } from './validate.js';
import type { AuthUser } from './auth.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One endpoint: its contract (also the source of the OpenAPI document) and its auth rule. */
export type RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  auth?: boolean;
  /** Admins only (others get 403). */
  admin?: boolean;
  body?: B;
  query?: Q;
  response?: z.ZodType;
  status?: number;
};

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export type RouteContext<B, Q> = {
  body: B;
  query: Q;
  params: Record<string, string>;
  user: AuthUser;
  req: Request;
  res: Response;
};

export type RouteRegistry = RouteSpec<z.ZodType | undefined, z.ZodType | undefined>[];

const UUID = z.uuid();

/**
 * Path parameters named `id` or `*_id` must be UUIDs; anything else cannot exist, so it is
 * a 404 like another user's id (never a 500 from Postgres).
 */
function checkIds(params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) {
    if ((name === 'id' || name.endsWith('_id')) && !UUID.safeParse(value).success)
      throw new AppError('not_found', `${name} not found`);
  }
}

/**
 * A router whose endpoints are declared with their zod contracts: input is parsed before the
 * handler runs, the handler's return value is the JSON response (undefined = 204).
 */
export type RouteFn = <
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<B, Q>,
  handler: (ctx: RouteContext<Infer<B>, Infer<Q>>) => Promise<unknown> | unknown,
) => void;

export function createApiRouter(
  registry: RouteRegistry,
  authenticate: RequestHandler,
): { router: Router; route: RouteFn } {
  const router = Router();
  function route<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
    spec: RouteSpec<B, Q>,
    handler: (ctx: RouteContext<Infer<B>, Infer<Q>>) => Promise<unknown> | unknown,
  ): void {
    registry.push(spec as RouteSpec<z.ZodType | undefined, z.ZodType | undefined>);
    const run: RequestHandler = async (req, res) => {
      if (spec.admin && (res.locals.user as AuthUser | undefined)?.role !== 'admin')
        throw new AppError('forbidden', 'this endpoint is for admins');
      checkIds(req.params as Record<string, string>);
      // A request with no body at all (e.g. a bodyless logout) needs no content type.
      const hasBody =
        Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
      if (spec.body && hasBody && !req.is('application/json')) {
        throw new AppError('unsupported_media_type', 'content-type: send the body as application/json', [
          { path: 'headers.content-type', message: 'expected application/json' },
        ]);
      }
      const body = spec.body ? parseInput(spec.body, req.body, 'body') : undefined;
      const query = spec.query ? parseInput(spec.query, req.query, 'query') : undefined;
      const result = await handler({
        body,
        query,
        params: req.params as Record<string, string>,
        user: res.locals.user as AuthUser,
        req,
        res,
      } as RouteContext<Infer<B>, Infer<Q>>);
      if (res.headersSent) return;
      if (result === undefined) res.status(204).end();
      else res.status(spec.status ?? 200).json(result);
    };
    router[spec.method](spec.path, ...(spec.auth === false ? [run] : [authenticate, run]));
  }
  return { router, route };
}
