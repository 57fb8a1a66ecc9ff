import type { EventBus } from '@llmbench/queue';
import type { JobRepository } from '@llmbench/db';

const MIN_INTERVAL_MS = 250;

/**
 * Throttled job progress (DB row + `job_progress` event) with an ETA from the observed rate
 * since the job started; the last step is always reported.
 */
export class ProgressReporter {
  private lastAt = 0;

  constructor(
    private readonly deps: { jobs: JobRepository; bus: EventBus },
    private readonly job: { id: string; user_id: string; started_at: Date | null },
  ) {}

  async report(current: number, total: number, detail: string): Promise<void> {
    const now = Date.now();
    if (current < total && now - this.lastAt < MIN_INTERVAL_MS) return;
    this.lastAt = now;
    const pct = total > 0 ? Math.min(100, Math.round((current / total) * 1000) / 10) : 0;
    const elapsedS = this.job.started_at ? (now - this.job.started_at.getTime()) / 1000 : null;
    const etaS =
      elapsedS !== null && current > 0
        ? Math.round((elapsedS / current) * (total - current) * 10) / 10
        : null;
    await this.deps.jobs.setProgress(this.job.id, pct, detail, etaS);
    // Several units report one job's progress: the bus publishes the highest percentage seen.
    await this.deps.bus.publish(
      this.job,
      'job_progress',
      { progress_pct: pct, progress_detail: detail, eta_s: etaS },
      { monotonic: { field: 'progress_pct', observed: pct } },
    );
  }
}
