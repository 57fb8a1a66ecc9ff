import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

const FLAG_TTL_S = 7 * 86_400;

/**
 * Cancellation across processes: a flag (for work that starts later) plus a pub/sub signal
 * (for work in flight). Workers register an AbortController per job; a signal aborts it at
 * once, which aborts the in-flight LLM calls.
 */
export class Cancellation {
  private readonly controllers = new Map<string, Set<AbortController>>();
  private subscribed = false;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Marks a job cancelled and tells every worker. */
  async cancel(jobId: string): Promise<void> {
    await this.redis.set(this.keys.cancelFlag(jobId), '1', 'EX', FLAG_TTL_S);
    await this.redis.publish(this.keys.cancelChannel, jobId);
  }

  async isCancelled(jobId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.cancelFlag(jobId))) === 1;
  }

  /**
   * Listens for cancel signals on a dedicated subscriber connection (a subscribed ioredis
   * connection cannot run other commands).
   */
  async listen(subscriber: Redis): Promise<void> {
    if (this.subscribed) return;
    this.subscribed = true;
    subscriber.on('message', (channel: string, jobId: string) => {
      if (channel !== this.keys.cancelChannel) return;
      for (const c of this.controllers.get(jobId) ?? []) c.abort(new Error('job cancelled'));
    });
    await subscriber.subscribe(this.keys.cancelChannel);
  }

  /**
   * An AbortController for work on `jobId`, already aborted if the job was cancelled before.
   * Call `dispose` when the work ends.
   */
  async track(jobId: string): Promise<{ signal: AbortSignal; dispose: () => void }> {
    const controller = new AbortController();
    const set = this.controllers.get(jobId) ?? new Set();
    set.add(controller);
    this.controllers.set(jobId, set);
    if (await this.isCancelled(jobId)) controller.abort(new Error('job cancelled'));
    return {
      signal: controller.signal,
      dispose: () => {
        set.delete(controller);
        if (set.size === 0) this.controllers.delete(jobId);
      },
    };
  }
}
