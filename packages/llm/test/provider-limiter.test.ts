import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestRedis, type TestRedis } from '@llmbench/testing';
import type { ChatRequest } from '@llmbench/eval-core';
import { createLlmClient, ProviderLimiter, type LimiterKey } from '../src/index.js';
import { startSandbox, type TestSandbox } from './sandbox.js';

const REQUEST: ChatRequest = {
  model: 'sandbox-precise',
  messages: [{ role: 'user', content: 'Say hello.' }],
  params: { temperature: 0 },
};

describe(ProviderLimiter.name, () => {
  let testRedis: TestRedis;
  // One connection per simulated worker, as separate processes would have.
  const connections: Redis[] = [];
  const limiters: ProviderLimiter[] = [];
  let keyN = 0;

  function connect(): Redis {
    const redis = new Redis(testRedis.url, { maxRetriesPerRequest: 1 });
    connections.push(redis);
    return redis;
  }

  /** A limiter on its own connection, as another worker process would have. */
  function newLimiter(
    options: { leaseMs?: number; pollMinMs?: number; pollMaxMs?: number } = {},
  ): ProviderLimiter {
    const limiter = new ProviderLimiter({ redis: connect(), prefix: testRedis.prefix, ...options });
    limiters.push(limiter);
    return limiter;
  }

  function freshKey(): LimiterKey {
    return { userId: `user-${++keyN}`, providerKey: 'sandbox' };
  }

  beforeAll(async () => {
    testRedis = await createTestRedis();
  });

  afterAll(async () => {
    for (const limiter of limiters) await limiter.close();
    await testRedis.cleanup();
    for (const redis of connections) redis.disconnect();
  });

  describe('with the sandbox LLM', () => {
    let sandbox: TestSandbox;
    beforeAll(async () => {
      sandbox = await startSandbox();
    });
    afterAll(async () => {
      await sandbox.close();
    });

    it('never lets more than `limit` calls be in flight across two clients', async () => {
      const key = freshKey();
      const limit = 2;
      const clients = [0, 1].map(() =>
        createLlmClient({
          baseUrl: sandbox.baseUrl,
          limiter: { limiter: newLimiter(), ...key, limit },
          defaultHeaders: { 'x-sandbox-latency-ms': '60' },
        }),
      );
      const calls = Array.from({ length: 10 }, (_, i) => clients[i % 2]!.complete(REQUEST, {}));
      const results = await Promise.all(calls);
      expect(results.every((r) => r.attempts === 1)).toBe(true);
      expect(sandbox.peak).toBeLessThanOrEqual(limit);
      // The cap is a ceiling, not a serialisation: both slots were actually used.
      expect(sandbox.peak).toBe(limit);
    });
  });

  it('admits at most `limit` holders across many limiter instances', async () => {
    const key = freshKey();
    const pool = [0, 1, 2].map(() => newLimiter());
    let holding = 0;
    let peak = 0;
    const worker = async (i: number) => {
      const lease = await pool[i % pool.length]!.acquire(key, 3);
      holding++;
      peak = Math.max(peak, holding);
      // Hold across a Redis round trip so holders really overlap.
      await pool[0]!.inFlight(key);
      holding--;
      await lease.release();
    };
    await Promise.all(Array.from({ length: 30 }, (_, i) => worker(i)));
    expect(peak).toBe(3);
    expect(await pool[0]!.inFlight(key)).toBe(0);
  });

  it('reclaims the slot of a holder whose lease expired (a dead worker)', async () => {
    const key = freshKey();
    const dead = newLimiter({ leaseMs: 300 });
    const alive = newLimiter();
    // renew: false stands in for a worker that died holding the slot: nobody renews or releases.
    const orphan = await dead.acquire(key, 1, { renew: false });
    expect(await alive.inFlight(key)).toBe(1);
    const lease = await alive.acquire(key, 1);
    const redis = connections[0]!;
    expect(await redis.zscore(alive.keyFor(key), orphan.token)).toBeNull();
    expect(await redis.zscore(alive.keyFor(key), lease.token)).not.toBeNull();
    await lease.release();
  });

  it('renews the lease of a live holder, so its slot is not reclaimed', async () => {
    const key = freshKey();
    // A lease long enough that a busy test machine's event-loop stalls cannot outlast it.
    const holder = newLimiter({ leaseMs: 800 });
    const other = newLimiter();
    const lease = await holder.acquire(key, 1);
    // Three lease lengths: without renewal the slot would have been free long before.
    const waiting = other.acquire(key, 1, { signal: AbortSignal.timeout(2400) });
    await expect(waiting).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(await other.inFlight(key)).toBe(1);
    await lease.release();
    expect(await other.inFlight(key)).toBe(0);
  });

  it('stops waiting when the signal aborts', async () => {
    const key = freshKey();
    const limiter = newLimiter();
    const lease = await limiter.acquire(key, 1);
    const controller = new AbortController();
    const waiting = limiter.acquire(key, 1, { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(await limiter.inFlight(key)).toBe(1);
    await lease.release();
  });

  it('turns an abort while waiting for a slot into a cancelled call', async () => {
    const key = freshKey();
    const limiter = newLimiter();
    const lease = await limiter.acquire(key, 1);
    const sut = createLlmClient({ baseUrl: 'http://127.0.0.1:9/v1', limiter: { limiter, ...key, limit: 1 } });
    const controller = new AbortController();
    const call = sut.complete(REQUEST, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ category: 'cancelled' });
    await lease.release();
  });

  it('wakes a waiter on release instead of at its next poll', async () => {
    const key = freshKey();
    const holder = newLimiter();
    // Polling alone would take at least 5 s here.
    const waiter = newLimiter({ pollMinMs: 10_000, pollMaxMs: 10_000 });
    const lease = await holder.acquire(key, 1);
    const waiting = waiter.acquire(key, 1);
    const channel = `${holder.keyFor(key)}:released`;
    // Release only once the waiter listens, or the wake-up would (legitimately) be missed.
    await vi.waitFor(async () => {
      const [, subscribers] = (await connections[0]!.pubsub('NUMSUB', channel)) as [string, number];
      expect(subscribers).toBe(1);
    });
    const releasedAt = performance.now();
    await lease.release();
    const next = await waiting;
    expect(performance.now() - releasedAt).toBeLessThan(1000);
    await next.release();
  });

  it('rejects a limit below 1', async () => {
    const limiter = newLimiter();
    await expect(limiter.acquire(freshKey(), 0)).rejects.toThrow(RangeError);
  });
});
