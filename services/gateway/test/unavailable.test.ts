import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@llmbench/runtime';
import { closeDeps, createDeps, loadConfig, startServer } from '../src/index.js';

// Nothing listens on port 1: the backing service is simply not there.
async function gatewayWith(env: Record<string, string>) {
  const config = loadConfig({
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    REDIS_URL: 'redis://127.0.0.1:6379',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    RUN_MIGRATIONS: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const deps = createDeps(config, createLogger('gateway-test', 'silent'));
  const server = await startServer(deps, 0, '127.0.0.1').catch(async (err) => {
    await closeDeps(deps);
    throw err;
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: async () => {
      deps.shutdown.abort();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await closeDeps(deps);
    },
  };
}

describe('when a backing service is down', () => {
  it('answers 503 with a clear error for Postgres, and readiness says which check failed', async () => {
    const gw = await gatewayWith({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres' });
    try {
      const ready = await fetch(`${gw.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'unavailable',
        checks: { postgres: { ok: false }, redis: { ok: true } },
      });
      const login = await fetch(`${gw.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'a@b.io', password: 'whatever1' }),
      });
      expect(login.status).toBe(503);
      expect(((await login.json()) as any).error.code).toBe('service_unavailable');
      expect(login.headers.get('retry-after')).toBe('5');
    } finally {
      await gw.close();
    }
  });

  it('answers 503 for Redis too, instead of hanging', async () => {
    const gw = await gatewayWith({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const ready = await fetch(`${gw.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'unavailable',
        checks: { postgres: { ok: true }, redis: { ok: false } },
      });
      const login = await fetch(`${gw.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'a@b.io', password: 'whatever1' }),
      });
      expect(login.status).toBe(503);
      expect(((await login.json()) as any).error.code).toBe('service_unavailable');
    } finally {
      await gw.close();
    }
  });
});
