import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@llmbench/testing';
import { json, UserRepository } from '@llmbench/db';
import { createJobRuntime, enqueue, JobReaper, QUEUES, type JobRuntime } from '@llmbench/queue';

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
      { jobs: runtime.jobs, runsQueue: runtime.queues[QUEUES.runs], lifecycle: runtime.lifecycle },
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
