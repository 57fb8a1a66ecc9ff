import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { JobRepository, RunStatusRepository, type Db } from '@llmbench/db';
import { Cancellation } from './cancellation.js';
import { EventBus } from './event-bus.js';
import { JobLifecycle } from './job-lifecycle.js';
import { Keys } from './keys.js';
import { openQueues } from './producer.js';
import type { QueueName } from './queue-names.js';
import { JobBudget } from './job-budget.js';
import { createRedis } from './redis.js';
import { UserSlots } from './user-slots.js';

const CLOSE_STEP_MS = 2000;

function bounded<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type JobRuntimeOptions = {
  redisUrl: string;
  prefix: string;
  /** `producer` for request paths (fail fast), `worker` for workers (wait out outages). */
  role: 'producer' | 'worker';
  slotLeaseMs?: number;
};

export type JobRuntime = {
  keys: Keys;
  /** Commands of the job machinery (events, slots, cancel flags). */
  redis: Redis;
  /** A subscriber connection (cancel signals, event relay). */
  subscriber: Redis;
  queues: Record<QueueName, Queue>;
  jobs: JobRepository;
  bus: EventBus;
  slots: UserSlots;
  cancellation: Cancellation;
  budget: JobBudget;
  lifecycle: JobLifecycle;
  /** Closes the queues and every connection opened here (the db is the caller's). */
  close: () => Promise<void>;
};

/**
 * The job machinery every process shares — queues, event bus, user slots, cancellation and
 * the job lifecycle — wired the same way in the gateway and in every worker.
 */
export function createJobRuntime(db: Db, options: JobRuntimeOptions): JobRuntime {
  const keys = new Keys(options.prefix);
  const redis = createRedis(options.redisUrl, options.role);
  const subscriber = createRedis(options.redisUrl, 'subscriber');
  const queueConnection = createRedis(options.redisUrl, options.role);
  const queues = openQueues(queueConnection, keys.bull);
  const jobs = new JobRepository(db);
  const runStatus = new RunStatusRepository(db);
  const bus = new EventBus(redis, keys);
  const slots = new UserSlots(redis, keys, options.slotLeaseMs);
  const lifecycle = new JobLifecycle({
    jobs,
    bus,
    slots,
    queues,
    writeRunStatus: (job, status) => runStatus.write(job, status),
  });
  const close = async () => {
    // Each step is bounded: a queue or connection that never reached Redis must not hang shutdown.
    const steps: (() => Promise<unknown>)[] = [
      () => Promise.all(Object.values(queues).map((q) => q.close())),
      () => queueConnection.quit(),
      () => subscriber.quit(),
      () => redis.quit(),
    ];
    for (const step of steps) await bounded(step(), CLOSE_STEP_MS).catch(() => undefined);
    for (const connection of [queueConnection, subscriber, redis]) connection.disconnect();
  };
  return {
    keys,
    redis,
    subscriber,
    queues,
    jobs,
    bus,
    slots,
    cancellation: new Cancellation(redis, keys),
    budget: new JobBudget(redis, keys),
    lifecycle,
    close,
  };
}
