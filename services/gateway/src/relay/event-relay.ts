import type { Redis } from 'ioredis';
import { parseFrame, type Keys } from '@llmbench/queue';
import type { ProgressEvent } from '@llmbench/contracts';

type Listener = (event: ProgressEvent) => void;

/**
 * One Redis pattern subscription per gateway process, fanned out in memory to every SSE and
 * WebSocket client of the user an event belongs to (a connection per client would not scale).
 */
export class EventRelay {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly resyncs = new Set<() => void>();
  private started?: Promise<unknown>;

  constructor(
    private readonly subscriber: Redis,
    private readonly keys: Keys,
  ) {}

  start(): Promise<unknown> {
    this.started ??= (async () => {
      const channelPrefix = this.keys.userChannel('');
      this.subscriber.on('pmessage', (_pattern: string, channel: string, frame: string) => {
        const set = this.listeners.get(channel.slice(channelPrefix.length));
        if (!set) return;
        const event = parseFrame(frame);
        for (const listener of set) listener(event);
      });
      await this.subscriber.psubscribe(this.keys.userChannelPattern);
      // Pub/sub drops what is published while the connection is down: after a reconnect every
      // stream re-reads its job's log from the last id it sent.
      this.subscriber.on('ready', () => {
        for (const resync of this.resyncs) resync();
      });
    })();
    return this.started;
  }

  /** Calls `listener` for each live event of the user's jobs; returns the unsubscribe function. */
  subscribe(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  /** Calls `resync` after each reconnect of the subscriber; returns the unsubscribe function. */
  onResync(resync: () => void): () => void {
    this.resyncs.add(resync);
    return () => this.resyncs.delete(resync);
  }

  /** Number of live client listeners (SSE streams + WebSockets). */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
