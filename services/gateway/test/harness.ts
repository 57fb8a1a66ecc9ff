import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, createTestRedis, type TestDatabase } from '@llmbench/testing';
import { createLogger } from '@llmbench/runtime';
import { closeDeps, createDeps, loadConfig, startServer, type Deps } from '../src/index.js';

export type Gateway = { url: string; deps: Deps; t: TestDatabase; close: () => Promise<void> };

/**
 * The gateway as production wires it (real Postgres, Redis, HTTP) on an ephemeral port,
 * with its own database and Redis prefix.
 */
export async function startGateway(env: Record<string, string> = {}): Promise<Gateway> {
  const t = await createTestDatabase();
  const redis = await createTestRedis();
  const config = loadConfig({
    DATABASE_URL: t.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const deps = createDeps(config, createLogger('gateway-test', 'silent'), { db: t.db });
  const server: Server = await startServer(deps, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    deps,
    t,
    close: async () => {
      deps.shutdown.abort();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await closeDeps(deps);
      await redis.cleanup();
      await t.drop().catch(() => undefined);
    },
  };
}

export type Reply<T = any> = { status: number; body: T; headers: Headers };

/** A small JSON client for the gateway. */
export function client(base: string, token?: string) {
  async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }
  return {
    get: <T = any>(p: string, h?: Record<string, string>) => call<T>('GET', p, undefined, h),
    post: <T = any>(p: string, b?: unknown, h?: Record<string, string>) => call<T>('POST', p, b ?? {}, h),
    put: <T = any>(p: string, b: unknown) => call<T>('PUT', p, b),
    patch: <T = any>(p: string, b: unknown) => call<T>('PATCH', p, b),
    delete: <T = any>(p: string) => call<T>('DELETE', p),
    raw: call,
  };
}

let counter = 0;
/** Registers a fresh user and returns an authenticated client. */
export async function newUser(base: string) {
  const email = `user${++counter}-${randomBytes(3).toString('hex')}@test.io`;
  const res = await client(base).post('/api/auth/register', { email, password: 'correct horse battery' });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { email, password: 'correct horse battery', ...res.body, api: client(base, res.body.access_token) };
}
