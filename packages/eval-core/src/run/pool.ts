/** Options of {@link runPool}. */
export interface PoolOptions<T> {
  items: readonly T[];
  /** Lanes working at once (at least 1). */
  concurrency: number;
  /** Processes one item; a throw stops the pool and is rethrown once every lane has stopped. */
  worker: (item: T) => Promise<void>;
  /** Checked before each item is started: true stops taking new items. */
  shouldStop: () => boolean;
  /** Called once, at the first failure, so in-flight work can be aborted. */
  onFatal: (err: unknown) => void;
}

/**
 * Runs items through a fixed number of lanes, in order. No item starts after `shouldStop()`
 * turns true or a worker failed; the pool resolves when every lane is idle.
 * @param options items, lane count, worker and stop hooks
 * @throws the first worker error
 */
export async function runPool<T>(options: PoolOptions<T>): Promise<void> {
  const { items } = options;
  let next = 0;
  let failure: { err: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (failure === null && !options.shouldStop() && next < items.length) {
      const item = items[next++] as T;
      try {
        await options.worker(item);
      } catch (err) {
        if (failure === null) {
          failure = { err };
          options.onFatal(err);
        }
      }
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(options.concurrency), items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure !== null) throw (failure as { err: unknown }).err;
}
