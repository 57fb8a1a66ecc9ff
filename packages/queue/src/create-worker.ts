import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { JOB_CATALOG, jobNamesOf, type JobName, type JobPayload } from './job-catalog.js';
import type { QueueName } from './queue-names.js';

export type HandlerContext = { job: Job; token: string | undefined };
export type Handler<N extends JobName> = (payload: JobPayload<N>, ctx: HandlerContext) => Promise<unknown>;

/** Names of the jobs a queue carries, as a type. */
type NamesOf<Q extends QueueName> = {
  [N in JobName]: (typeof JOB_CATALOG)[N]['queue'] extends Q ? N : never;
}[JobName];
export type Handlers<Q extends QueueName> = { [N in NamesOf<Q>]: Handler<N> };

export type WorkerOptions = {
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  /** How long a job's lock lives without renewal; a dead worker's jobs are recovered after it. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
};

/**
 * A BullMQ worker with exactly one handler per job name of its queue (checked before the
 * first dequeue). Payloads are parsed with the catalog schema; one that does not parse can
 * never succeed, so it fails without retries.
 */
export function createWorker<Q extends QueueName>(
  queue: Q,
  handlers: Handlers<Q>,
  options: WorkerOptions,
): Worker {
  const byName = handlers as unknown as Record<string, Handler<JobName>>;
  const missing = jobNamesOf(queue).filter((n) => typeof byName[n] !== 'function');
  if (missing.length > 0) throw new Error(`queue ${queue}: no handler for ${missing.join(', ')}`);
  return new Worker(
    queue,
    async (job, token) => {
      const handler = byName[job.name];
      if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
      const parsed = JOB_CATALOG[job.name as JobName].payload.safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.message}`);
      return handler(parsed.data as JobPayload<JobName>, { job, token });
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: 3,
      autorun: false,
    },
  );
}
