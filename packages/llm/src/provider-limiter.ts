import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ACQUIRE_SCRIPT, COUNT_SCRIPT, RELEASE_SCRIPT, RENEW_SCRIPT, runScript } from './limiter-scripts.js';
import { ReleaseNotifier } from './release-notifier.js';

/** Minimal pino-compatible logger: `(object, message)`. */
export interface LlmLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Which semaphore: one per (user, provider) pair. */
export interface LimiterKey {
  userId: string;
  providerKey: string;
}

/** Options of {@link ProviderLimiter}. */
export interface ProviderLimiterOptions {
  /**
   * A normal (non-subscriber) connection; the limiter does not close it. It is duplicated once,
   * lazily, for the release notifications that wake waiters.
   */
  redis: Redis;
  /** Key prefix, e.g. `llmbench`; tests pass a unique one. */
  prefix: string;
  /**
   * How long a slot survives without renewal (default 60 s). Renewed every third of it while held,
   * so only a worker that died (or froze) loses its slot.
   */
  leaseMs?: number;
  /** First poll interval while waiting for a slot (default 20 ms); grows ×1.5 per miss. */
  pollMinMs?: number;
  /** Longest poll interval (default 250 ms); releases wake waiters sooner (see ReleaseNotifier). */
  pollMaxMs?: number;
  logger?: LlmLogger;
}

/** A held slot. */
export interface LimiterLease {
  readonly token: string;
  /** Frees the slot and stops renewing it; safe to call twice. */
  release(): Promise<void>;
}

/** Options of {@link ProviderLimiter.acquire}. */
export interface AcquireOptions {
  /** Aborting stops the wait; the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Renew the lease while held (default true). Tests switch it off to simulate a dead worker. */
  renew?: boolean;
}

/** Pub/sub channel announcing releases of one semaphore. */
function releaseChannel(redisKey: string): string {
  return `${redisKey}:released`;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * A cluster-wide cap on in-flight LLM calls per (user, provider), so adding workers never adds
 * load on a provider (the old product's parallel judge calls overran single-slot local servers).
 * A Redis ZSET holds one member per holder, scored by lease expiry; a Lua script drops expired
 * members and admits a caller only while fewer than `limit` remain, so admission is atomic across
 * every process sharing the Redis. Waiters poll with jitter and are woken early by a pub/sub
 * message on each release. Call {@link ProviderLimiter.close} at shutdown.
 * @example
 * const limiter = new ProviderLimiter({ redis, prefix: 'llmbench' });
 * const lease = await limiter.acquire({ userId, providerKey: 'openai' }, 4, { signal });
 * try { await call(); } finally { await lease.release(); }
 */
export class ProviderLimiter {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly leaseMs: number;
  private readonly pollMinMs: number;
  private readonly pollMaxMs: number;
  private readonly logger: LlmLogger | undefined;
  private readonly notifier: ReleaseNotifier;

  constructor(options: ProviderLimiterOptions) {
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMinMs = options.pollMinMs ?? 20;
    this.pollMaxMs = options.pollMaxMs ?? 250;
    this.logger = options.logger;
    this.notifier = new ReleaseNotifier(options.redis, options.logger);
  }

  /**
   * The semaphore's Redis key. The `{…}` hash tag keeps it in one cluster slot.
   * @returns `<prefix>:llm-inflight:{<user>:<provider_key>}`
   */
  keyFor(key: LimiterKey): string {
    return `${this.prefix}:llm-inflight:{${key.userId}:${key.providerKey}}`;
  }

  /**
   * Waits for a slot: tries again on every release published for this key, and otherwise polls
   * with a growing, jittered interval (which also notices expired leases of dead workers).
   * @param key - user and provider
   * @param limit - maximum holders at once (integer >= 1)
   * @param options - abort signal, lease renewal
   * @returns the lease; release it in a `finally`
   * @throws the signal's reason when aborted while waiting
   */
  async acquire(key: LimiterKey, limit: number, options: AcquireOptions = {}): Promise<LimiterLease> {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`limit must be an integer >= 1, got ${limit}`);
    const { signal } = options;
    const redisKey = this.keyFor(key);
    const token = randomUUID();
    let interval = this.pollMinMs;
    for (;;) {
      if (signal?.aborted) throw abortReason(signal);
      const admitted = await runScript(this.redis, ACQUIRE_SCRIPT, [redisKey], [limit, this.leaseMs, token]);
      if (admitted === 1) {
        const lease = this.holdLease(redisKey, token, options.renew ?? true);
        // Aborted while the script ran: give the slot straight back rather than leak it.
        if (signal?.aborted) {
          await lease.release();
          throw abortReason(signal);
        }
        return lease;
      }
      const wait = Math.floor(interval / 2 + Math.random() * interval);
      await this.notifier.wait(releaseChannel(redisKey), wait, signal);
      interval = Math.min(this.pollMaxMs, interval * 1.5);
    }
  }

  /**
   * Counts unexpired holders (for metrics and tests).
   * @returns the number of calls in flight for `key`
   */
  async inFlight(key: LimiterKey): Promise<number> {
    return Number(await runScript(this.redis, COUNT_SCRIPT, [this.keyFor(key)], []));
  }

  /**
   * Stops the release subscriber (held slots are not released: their owners do that). Safe to
   * call twice; the limiter keeps working afterwards by polling alone.
   */
  async close(): Promise<void> {
    await this.notifier.close();
  }

  private holdLease(redisKey: string, token: string, renew: boolean): LimiterLease {
    let released = false;
    const timer = renew
      ? setInterval(
          () => void this.renew(redisKey, token, () => released),
          Math.max(10, Math.floor(this.leaseMs / 3)),
        )
      : undefined;
    // A held slot must not keep a process alive that is otherwise shutting down.
    timer?.unref();
    return {
      token,
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(timer);
        await runScript(this.redis, RELEASE_SCRIPT, [redisKey], [token, releaseChannel(redisKey)]);
      },
    };
  }

  private async renew(redisKey: string, token: string, isReleased: () => boolean): Promise<void> {
    try {
      const kept = await runScript(this.redis, RENEW_SCRIPT, [redisKey], [this.leaseMs, token]);
      // The call goes on (aborting it would waste the work), but the cap may be briefly exceeded.
      if (kept !== 1 && !isReleased())
        this.logger?.warn({ key: redisKey }, 'llm limiter lease lost before renewal');
    } catch (err) {
      this.logger?.warn({ err, key: redisKey }, 'llm limiter lease renewal failed');
    }
  }
}
