import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createTestRedis, type TestRedis } from '@llmbench/testing';
import { compareEventIds, createRedis, EventBus, Keys, parseFrame, UserSlots } from '../src/index.js';

let t: TestRedis;
let redis: Redis;
let keys: Keys;
beforeAll(async () => {
  t = await createTestRedis();
  redis = createRedis(t.url, 'producer');
  keys = new Keys(t.prefix);
});
afterAll(async () => {
  redis.disconnect();
  await t.cleanup();
});

describe(EventBus.name, () => {
  it('replays exactly the events after a Last-Event-ID, in publish order', async () => {
    const sut = new EventBus(redis, keys);
    const job = { id: randomUUID(), user_id: randomUUID() };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await sut.publish(job, 'job_progress', {
          progress_pct: i * 10,
          progress_detail: `${i}`,
          eta_s: null,
        }))!,
      );
    expect([...ids].sort(compareEventIds)).toEqual(ids);
    const after = await sut.replay(job.id, ids[1]);
    expect(after.map((e) => e.id)).toEqual(ids.slice(2));
    expect(after[0]).toMatchObject({ type: 'job_progress', job_id: job.id, progress_pct: 20 });
  });

  it('keeps each monotonic field on its own counter: one never lifts another', async () => {
    const sut = new EventBus(redis, keys);
    const job = { id: randomUUID(), user_id: randomUUID() };
    const progress = (pct: number) =>
      sut.publish(
        job,
        'job_progress',
        { progress_pct: pct, progress_detail: '', eta_s: null },
        { monotonic: { field: 'progress_pct', observed: pct } },
      );
    const count = (current: number) =>
      sut.publish(
        job,
        'tool_eval_progress',
        { run_id: 'r', current, total: 200, provider_key: 'p', model_id: 'm', case_id: 'c' },
        { monotonic: { field: 'current', observed: current } },
      );
    await count(150);
    await progress(40);
    await progress(25); // a slower unit reports an older figure
    await count(120);
    const events = (await sut.replay(job.id)) as any[];
    expect(events.filter((e) => e.type === 'job_progress').map((e) => e.progress_pct)).toEqual([40, 40]);
    expect(events.filter((e) => e.type === 'tool_eval_progress').map((e) => e.current)).toEqual([150, 150]);
  });

  it('accepts exactly one terminal event and nothing after it', async () => {
    const sut = new EventBus(redis, keys);
    const job = { id: randomUUID(), user_id: randomUUID() };
    expect(await sut.publish(job, 'job_cancelled', { reason: 'x' })).not.toBeNull();
    expect(await sut.publish(job, 'job_completed', { result_ref: null })).toBeNull();
    expect(
      await sut.publish(job, 'job_progress', { progress_pct: 1, progress_detail: '', eta_s: null }),
    ).toBeNull();
    expect((await sut.replay(job.id)).map((e) => e.type)).toEqual(['job_cancelled']);
    expect(await sut.hasEnded(job.id)).toBe(true);
  });

  it('fans every event out on the owner channel with its log id', async () => {
    const sut = new EventBus(redis, keys);
    const job = { id: randomUUID(), user_id: randomUUID() };
    const sub = createRedis(t.url, 'subscriber');
    await sub.subscribe(keys.userChannel(job.user_id));
    const received = new Promise<string>((resolve) =>
      sub.once('message', (_c, frame: string) => resolve(frame)),
    );
    const id = await sut.publish(job, 'job_warning', { detail: 'hello' });
    const event = parseFrame(await received);
    expect(event).toMatchObject({ id, type: 'job_warning', detail: 'hello', job_id: job.id });
    sub.disconnect();
  });
});

describe(UserSlots.name, () => {
  it('admits up to the limit, queues the rest in submission order and hands freed slots to the oldest', async () => {
    const sut = new UserSlots(redis, keys);
    const userId = randomUUID();
    const req = (jobId: string, submittedAt: number) => ({ userId, jobId, submittedAt, limit: 1 });
    expect(await sut.acquire(req('a', 1))).toBe(true);
    expect(await sut.acquire(req('c', 3))).toBe(false);
    expect(await sut.acquire(req('b', 2))).toBe(false);
    expect(await sut.waiting(userId)).toEqual(['b', 'c']);
    // c may not jump the line even when woken first.
    expect(await sut.release(userId, 'a', 1)).toEqual(['b']);
    expect(await sut.acquire(req('c', 3))).toBe(false);
    expect(await sut.acquire(req('b', 2))).toBe(true);
    expect(await sut.acquire(req('b', 2))).toBe(true);
    expect(await sut.active(userId)).toEqual(['b']);
  });

  it('frees the slot of a job whose lease expired (its worker died)', async () => {
    const sut = new UserSlots(redis, keys, 1);
    const userId = randomUUID();
    expect(await sut.acquire({ userId, jobId: 'dead', submittedAt: 1, limit: 1 })).toBe(true);
    await new Promise((r) => setTimeout(r, 5)); // let the 1 ms lease lapse (time, not synchronisation)
    expect(await sut.acquire({ userId, jobId: 'next', submittedAt: 2, limit: 1 })).toBe(true);
  });

  it('keeps other users unaffected', async () => {
    const sut = new UserSlots(redis, keys);
    const [u1, u2] = [randomUUID(), randomUUID()];
    expect(await sut.acquire({ userId: u1, jobId: 'x', submittedAt: 1, limit: 1 })).toBe(true);
    expect(await sut.acquire({ userId: u2, jobId: 'y', submittedAt: 2, limit: 1 })).toBe(true);
  });
});
