import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export type TestRedis = { url: string; prefix: string; cleanup: () => Promise<void> };

/**
 * A private key space on a shared Redis: a unique prefix. Cleanup deletes only keys under it
 * (never FLUSHALL a shared Redis).
 */
export function createKeySpace(url: string, prefix: string): TestRedis {
  return {
    url,
    prefix,
    cleanup: async () => {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          if (keys.length > 0) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** A private key space for one test file on the run's test Redis. */
export async function createTestRedis(): Promise<TestRedis> {
  const { inject } = await import('vitest');
  return createKeySpace(inject('redisUrl'), `lbt:${inject('runId')}:${randomBytes(4).toString('hex')}`);
}
