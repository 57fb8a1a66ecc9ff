import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@llmbench/testing';
import { json, UserRepository } from '@llmbench/db';
import { createJobRuntime, enqueue, JobReaper, SlotKeeper, type JobRuntime } from '@llmbench/queue';

let t: TestDatabase;
let r: TestRedis;
let runtime: JobRuntime;
beforeAll(async () => {
  t = await createTestDatabase();
  r = await createTestRedis();
  runtime = createJobRuntime(t.db, { redisUrl: r.url, prefix: r.prefix, role: 'producer' });
});
afterAll(async () => {
  await runtime.close();
  await r.cleanup();
  await t.drop();
});

async function activeJob(userId: string, status: 'queued' | 'running') {
  return t.db
    .insertInto('jobs')
    .values({
      user_id: userId,
      type: 'tool_eval',
      status,
      payload: json({}),
      updated_at: new Date(Date.now() - 3_600_000),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

describe(JobReaper.name, () => {
  it('fails an active job the queue no longer has, with one terminal event, and leaves queued ones alone', async () => {
    const user = await new UserRepository(t.db).createFirstIsAdmin('reaper@test.io', 'h');
    const lost = await activeJob(user.id, 'running');
    const waiting = await activeJob(user.id, 'queued');
    await enqueue(
      runtime.queues,
      'tool-eval',
      { job_id: waiting.id, user_id: user.id, run_id: waiting.id },
      { jobId: waiting.id, delay: 60_000 },
    );
    const sut = new JobReaper(
      { jobs: runtime.jobs, queues: runtime.queues, lifecycle: runtime.lifecycle },
      { staleAfterMs: 60_000 },
    );

    expect(await sut.sweep()).toEqual([lost.id]);
    expect(await sut.sweep()).toEqual([]);
    const row = await runtime.jobs.getById(lost.id);
    expect(row).toMatchObject({ status: 'failed', error: { code: 'job_lost' } });
    expect((await runtime.bus.replay(lost.id)).map((e) => e.type)).toEqual(['job_failed']);
    expect((await runtime.jobs.getById(waiting.id))?.status).toBe('queued');
  });
});

describe('JobLifecycle.end', () => {
  it('completes an end that a crash interrupted: the terminal event is published once and the slot freed', async () => {
    const user = await new UserRepository(t.db).createFirstIsAdmin('lifecycle@test.io', 'h');
    const job = await activeJob(user.id, 'running');
    await runtime.slots.acquire({ userId: user.id, jobId: job.id, submittedAt: 1, limit: 1 });
    await runtime.jobs.finish(job.id, 'completed'); // the process died right after this write
    expect(await runtime.lifecycle.end(job.id, 'completed')).toBe(false);
    expect(await runtime.lifecycle.end(job.id, 'completed')).toBe(false);
    expect((await runtime.bus.replay(job.id)).map((e) => e.type)).toEqual(['job_completed']);
    expect(await runtime.slots.active(user.id)).toEqual([]);
  });
});

describe(SlotKeeper.name, () => {
  it("keeps a running job's slot lease alive while it only waits for its units", async () => {
    const user = await new UserRepository(t.db).createFirstIsAdmin('keeper@test.io', 'h');
    const job = await activeJob(user.id, 'running');
    await runtime.slots.acquire({ userId: user.id, jobId: job.id, submittedAt: 1, limit: 1 });
    const key = runtime.keys.activeSlots(user.id);
    const before = Number(await runtime.redis.zscore(key, job.id));
    await runtime.redis.zadd(key, before - 50_000, job.id); // as if 50 s passed without renewal
    expect(await new SlotKeeper({ jobs: runtime.jobs, slots: runtime.slots }).renewAll()).toBeGreaterThan(0);
    expect(Number(await runtime.redis.zscore(key, job.id))).toBeGreaterThanOrEqual(before);
  });
});
