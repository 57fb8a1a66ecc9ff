import type { Redis } from 'ioredis';

export type RateCheck = { allowed: boolean; retryAfterS: number };

/**
 * Fixed-window counters in Redis, shared by every gateway replica.
 * Keys: `<prefix>:rl:<name>:<subject>`.
 */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(name: string, subject: string) {
    return `${this.prefix}:rl:${name}:${subject.toLowerCase()}`;
  }

  /** Counts one hit and says whether it is within `max` per `windowS`. */
  async hit(name: string, subject: string, max: number, windowS: number): Promise<RateCheck> {
    const key = this.key(name, subject);
    const [[, count], [, ttl]] = (await this.redis.multi().incr(key).ttl(key).exec()) as [
      [null, number],
      [null, number],
    ];
    if (ttl < 0) await this.redis.expire(key, windowS);
    return { allowed: count <= max, retryAfterS: ttl > 0 ? ttl : windowS };
  }

  /** Says whether `subject` is already over `max`, without counting. */
  async peek(name: string, subject: string, max: number, windowS: number): Promise<RateCheck> {
    const key = this.key(name, subject);
    const [[, count], [, ttl]] = (await this.redis.multi().get(key).ttl(key).exec()) as [
      [null, string | null],
      [null, number],
    ];
    return { allowed: Number(count ?? 0) < max, retryAfterS: ttl > 0 ? ttl : windowS };
  }

  reset(name: string, subject: string): Promise<number> {
    return this.redis.del(this.key(name, subject));
  }
}
