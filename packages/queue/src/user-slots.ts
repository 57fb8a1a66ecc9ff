import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

// Per-user concurrency for eval-family jobs. `active` holds admitted jobs scored by lease
// expiry; `parked` holds waiting jobs scored by submission time (FIFO). A job is admitted only
// when a slot is free and no older job of the same user is waiting. An expired lease (its
// worker died and nobody renewed it) frees the slot.
const ACQUIRE_LUA = `
local now = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[5]), ARGV[1])
  return 1
end
local head = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) and (head == nil or head == ARGV[1]) then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[5]), ARGV[1])
  return 1
end
redis.call('ZADD', KEYS[2], 'NX', ARGV[2], ARGV[1])
return 0`;

const RELEASE_LUA = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[3]))
local free = tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[1])
if free <= 0 then return {} end
return redis.call('ZRANGE', KEYS[2], 0, free - 1)`;

export type SlotRequest = { userId: string; jobId: string; submittedAt: number; limit: number };

/** Per-user job slots with FIFO waiting and leases (the spec's user lock, cluster-wide). */
export class UserSlots {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    readonly leaseMs = 60_000,
  ) {}

  /** Takes a slot (or renews the one the job holds); false means the job must wait. */
  async acquire(req: SlotRequest): Promise<boolean> {
    const res = await this.redis.eval(
      ACQUIRE_LUA,
      2,
      this.keys.activeSlots(req.userId),
      this.keys.parkedJobs(req.userId),
      req.jobId,
      String(req.submittedAt),
      String(req.limit),
      String(Date.now()),
      String(this.leaseMs),
    );
    return res === 1;
  }

  /** Extends the lease of a job that holds a slot; a no-op for a job that does not. */
  async renew(userId: string, jobId: string): Promise<void> {
    await this.redis.zadd(this.keys.activeSlots(userId), 'XX', Date.now() + this.leaseMs, jobId);
  }

  /**
   * Frees the job's slot (or its place in line).
   * @returns ids of waiting jobs that may now start, oldest first, to be woken up
   */
  async release(userId: string, jobId: string, limit: number): Promise<string[]> {
    const ids = await this.redis.eval(
      RELEASE_LUA,
      2,
      this.keys.activeSlots(userId),
      this.keys.parkedJobs(userId),
      jobId,
      String(limit),
      String(Date.now()),
    );
    return Array.isArray(ids) ? (ids as string[]) : [];
  }

  /** Job ids holding a slot (live leases only). */
  async active(userId: string): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.activeSlots(userId), Date.now(), '+inf');
  }

  /** Job ids waiting for a slot, oldest first. */
  async waiting(userId: string): Promise<string[]> {
    return this.redis.zrange(this.keys.parkedJobs(userId), 0, -1);
  }
}
