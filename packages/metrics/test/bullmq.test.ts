import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRedis, type TestRedis } from '@llmbench/testing';
import { createMetrics } from '../src/index.js';

function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

let t: TestRedis;
let connection: Redis;
beforeAll(async () => {
  t = await createTestRedis();
  connection = new Redis(t.url, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  connection.disconnect();
  await t.cleanup();
});

describe('metrics against real BullMQ queues and workers', () => {
  it('reports queue depth from Queue.getJobCounts', async () => {
    const queue = new Queue('depth', { connection, prefix: t.prefix });
    try {
      await queue.add('eval-unit', {});
      await queue.add('eval-unit', {});
      await queue.add('eval-unit', {}, { delay: 60_000 });
      const m = createMetrics('depth', { defaultMetrics: false });
      m.trackQueues({ 'eval-units': queue });
      const text = await m.registry.metrics();
      expect(sample(text, 'lbs_queue_jobs', { queue: 'eval-units', state: 'wait' })).toBe(2);
      expect(sample(text, 'lbs_queue_jobs', { queue: 'eval-units', state: 'delayed' })).toBe(1);
      expect(sample(text, 'lbs_queue_jobs', { queue: 'eval-units', state: 'active' })).toBe(0);
    } finally {
      await queue.close();
    }
  });

  it('instrumentWorker counts completed, retried and failed jobs and observes waits', async () => {
    const queue = new Queue('work', { connection, prefix: t.prefix });
    const workerConnection = connection.duplicate();
    const worker = new Worker(
      'work',
      async (job: Job) => {
        if (job.name === 'bad') throw new Error('always fails');
        return 'ok';
      },
      { connection: workerConnection, prefix: t.prefix, autorun: false },
    );
    const m = createMetrics('work', { defaultMetrics: false });
    m.instrumentWorker('work', worker);
    try {
      await queue.add('good', {});
      await queue.add('bad', {}, { attempts: 2 });
      let settled = 0;
      const allDone = new Promise<void>((resolve) => {
        const tick = () => ++settled === 3 && resolve();
        worker.on('completed', tick);
        worker.on('failed', tick);
      });
      void worker.run();
      await allDone;
      const text = await m.registry.metrics();
      expect(sample(text, 'lbs_jobs_total', { type: 'good', status: 'completed' })).toBe(1);
      expect(sample(text, 'lbs_jobs_total', { type: 'bad', status: 'retried' })).toBe(1);
      expect(sample(text, 'lbs_jobs_total', { type: 'bad', status: 'failed' })).toBe(1);
      expect(sample(text, 'lbs_job_wait_seconds_count', { queue: 'work' })).toBe(3);
    } finally {
      await worker.close();
      await queue.close();
      workerConnection.disconnect();
    }
  });
});
