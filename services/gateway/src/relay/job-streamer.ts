import type { Metrics } from '@llmbench/metrics';
import type { Request, Response } from 'express';
import type { EventBus } from '@llmbench/queue';
import type { JobRepository } from '@llmbench/db';
import { AppError, type JobAccepted } from '@llmbench/contracts';
import type { EventRelay } from './event-relay.js';
import { streamJobEvents } from './sse-stream.js';

/** Opens the SSE stream of a job the user owns (another user's job is a 404). */
export class JobStreamer {
  constructor(
    private readonly deps: {
      jobs: JobRepository;
      relay: EventRelay;
      bus: EventBus;
      shutdown: AbortSignal;
      metrics: Metrics;
    },
  ) {}

  async stream(req: Request, res: Response, userId: string, jobId: string): Promise<void> {
    const job = await this.deps.jobs.get(userId, jobId);
    if (!job) throw new AppError('not_found', 'job not found');
    await this.deps.relay.start();
    await streamJobEvents(req, res, this.deps, job);
  }

  /**
   * A submitting POST's answer: the 202 body, or — when the client asked for
   * `Accept: text/event-stream` — the job's event stream right away.
   */
  async acceptedOrStream(req: Request, res: Response, userId: string, accepted: JobAccepted) {
    // The request's log line and the workers' log lines meet on job_id.
    req.log.info({ job_id: accepted.job_id, run_id: accepted.run_id }, 'job accepted');
    if (!(req.get('accept') ?? '').includes('text/event-stream')) return accepted;
    res.set('Location', accepted.events_url);
    await this.stream(req, res, userId, accepted.job_id);
    return undefined;
  }
}
