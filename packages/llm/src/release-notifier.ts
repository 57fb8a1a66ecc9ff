import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { LlmLogger } from './provider-limiter.js';

/**
 * Wakes callers waiting for a limiter slot as soon as a holder anywhere in the cluster releases
 * one, instead of at their next poll. Polling stays as the fallback (expired leases publish
 * nothing, and a message sent while subscribing is lost), so this only shortens idle gaps: on a
 * single-slot local server a 250 ms poll gap per call is a real share of its throughput.
 *
 * Uses one lazily created subscriber connection per notifier, and subscribes to a channel only
 * while someone waits on it.
 */
export class ReleaseNotifier {
  private subscriber: Redis | undefined;
  private readonly waiters = new Map<string, Set<() => void>>();
  private closed = false;

  constructor(
    private readonly redis: Redis,
    private readonly logger?: LlmLogger,
  ) {}

  /**
   * Waits until a release is published on `channel`, `ms` pass, or `signal` aborts (never rejects).
   * @param channel - the semaphore's release channel
   * @param ms - fallback poll delay
   */
  async wait(channel: string, ms: number, signal?: AbortSignal): Promise<void> {
    const local = new AbortController();
    const wake = () => local.abort();
    const onAbort = () => local.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    // After close() this degrades to a plain poll delay.
    if (!this.closed) this.add(channel, wake);
    try {
      await delay(ms, undefined, { signal: local.signal }).catch(() => undefined);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.remove(channel, wake);
    }
  }

  /** Disconnects the subscriber; waiters fall back to polling. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    for (const set of this.waiters.values()) for (const wake of set) wake();
    this.waiters.clear();
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }

  private add(channel: string, wake: () => void): void {
    let set = this.waiters.get(channel);
    if (!set) {
      set = new Set();
      this.waiters.set(channel, set);
      this.connect()
        .subscribe(channel)
        .catch((err: unknown) => this.logger?.warn({ err, channel }, 'llm limiter subscribe failed'));
    }
    set.add(wake);
  }

  private remove(channel: string, wake: () => void): void {
    const set = this.waiters.get(channel);
    if (!set) return;
    set.delete(wake);
    if (set.size > 0) return;
    this.waiters.delete(channel);
    // Commands on one connection run in order, so a later SUBSCRIBE of the same channel still wins.
    this.subscriber?.unsubscribe(channel).catch(() => undefined);
  }

  private connect(): Redis {
    if (!this.subscriber) {
      const subscriber = this.redis.duplicate();
      subscriber.on('error', (err: unknown) => this.logger?.warn({ err }, 'llm limiter subscriber error'));
      subscriber.on('message', (channel: string) => {
        for (const wake of this.waiters.get(channel) ?? []) wake();
      });
      this.subscriber = subscriber;
    }
    return this.subscriber;
  }
}
