import { Router } from 'express';
import { sql } from 'kysely';
import type { Redis } from 'ioredis';
import type { ReadyResponse } from '@llmbench/contracts';
import type { Db } from '@llmbench/db';

const CHECK_TIMEOUT_MS = 2000;

async function timed(
  fn: () => Promise<unknown>,
): Promise<{ ok: boolean; latency_ms: number; error?: string }> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise(
        (_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS)),
      ),
    ]);
    return { ok: true, latency_ms: Math.round(performance.now() - start) };
  } catch (err) {
    return {
      ok: false,
      latency_ms: Math.round(performance.now() - start),
      error: err instanceof Error ? err.message : String(err),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** `/healthz`: the process is up. `/readyz`: Postgres and Redis answer (503 otherwise). */
export function healthRouter(deps: { db: Db; redis: Redis }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [postgres, redis] = await Promise.all([
      timed(() => sql`select 1`.execute(deps.db)),
      timed(() => deps.redis.ping()),
    ]);
    const body: ReadyResponse = {
      status: postgres.ok && redis.ok ? 'ready' : 'unavailable',
      checks: { postgres, redis },
    };
    res.status(body.status === 'ready' ? 200 : 503).json(body);
  });
  return router;
}
