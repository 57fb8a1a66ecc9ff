import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

export type TestRedis = { url: string; prefix: string; cleanup: () => Promise<void> };

/**
 * A private key space on the shared test Redis: a unique prefix for this test file. Cleanup
 * deletes only keys under that prefix (never FLUSHALL a shared Redis).
 */
export function createTestRedis(): TestRedis {
  const url = inject('redisUrl');
  const prefix = `lbt:${inject('runId')}:${randomBytes(4).toString('hex')}`;
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
