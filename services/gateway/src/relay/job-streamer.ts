import type { Request, Response } from 'express';
import type { EventBus } from '@llmbench/queue';
import type { JobRepository } from '@llmbench/db';
import { AppError } from '@llmbench/contracts';
import type { EventRelay } from './event-relay.js';
import { streamJobEvents } from './sse-stream.js';

/** Opens the SSE stream of a job the user owns (another user's job is a 404). */
export class JobStreamer {
  constructor(
    private readonly deps: { jobs: JobRepository; relay: EventRelay; bus: EventBus; shutdown: AbortSignal },
  ) {}

  async stream(req: Request, res: Response, userId: string, jobId: string): Promise<void> {
    const job = await this.deps.jobs.get(userId, jobId);
    if (!job) throw new AppError('not_found', 'job not found');
    await this.deps.relay.start();
    await streamJobEvents(req, res, this.deps, job);
  }
}
