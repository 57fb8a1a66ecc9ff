import type { JobRepository } from '@llmbench/db';
import type { UserSlots } from './user-slots.js';

/**
 * Keeps the slot leases of running jobs alive for as long as the database says they run —
 * including while an orchestrating job only waits for its units. A job that really died is
 * recovered by BullMQ (and keeps its slot) or ended by the reaper (which frees it).
 */
export class SlotKeeper {
  constructor(private readonly deps: { jobs: JobRepository; slots: UserSlots }) {}

  async renewAll(): Promise<number> {
    const running = await this.deps.jobs.listRunning(1000);
    await Promise.all(running.map((j) => this.deps.slots.renew(j.user_id, j.id)));
    return running.length;
  }

  /** Renews every third of the lease until the returned stop function is called. */
  start(onError: (err: unknown) => void): () => void {
    const timer = setInterval(
      () => void this.renewAll().catch(onError),
      Math.max(1000, this.deps.slots.leaseMs / 3),
    );
    timer.unref();
    return () => clearInterval(timer);
  }
}
