import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection for one role. BullMQ workers and subscribers must wait out outages
 * (`maxRetriesPerRequest: null`); producers and request-path commands should fail fast so an
 * HTTP request answers 503 instead of hanging (BullMQ "going to production").
 */
export function createRedis(
  url: string,
  role: 'worker' | 'producer' | 'subscriber',
  options: RedisOptions = {},
): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: role === 'producer' ? 2 : null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 5000),
    ...options,
  });
  // ioredis re-emits connection errors; without a listener Node would crash the process.
  redis.on('error', () => undefined);
  return redis;
}
