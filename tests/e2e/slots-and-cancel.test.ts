import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { isTerminal, openEvents, readSse, type SseEvent } from '../support/sse.js';
import { userWithDemoSuite } from '../support/api.js';

// Each simulated call takes ~150 ms, so an eval lasts long enough to overlap and to cancel.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ sandboxEnv: { SANDBOX_TTFT_MS: '150' } });
});
afterAll(async () => stack?.close());

const ONE_MODEL = [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }];

type Timed = SseEvent & { at: number };
function collect(res: Response): Promise<Timed[]> {
  const out: Timed[] = [];
  return readSse(res, isTerminal, (e) => out.push({ ...e, at: Date.now() })).then(() => out);
}

describe('per-user slots', () => {
  it("runs one user's evals one at a time in order, without delaying another user", async () => {
    const a = await userWithDemoSuite(stack.url);
    const b = await userWithDemoSuite(stack.url);
    const body = (suiteId: string) => ({ suite_id: suiteId, targets: ONE_MODEL, concurrency: 4 });
    const first = await a.client.post('/api/tool-eval', body(a.suiteId));
    const firstEvents = readSse(
      await openEvents(stack.url, a.client.token, first.body.job_id),
      (e) => e.event === 'job_started',
    ).then(() => Date.now());
    await firstEvents;
    const second = await a.client.post('/api/tool-eval', body(a.suiteId));
    const other = await b.client.post('/api/tool-eval', body(b.suiteId));

    const [s1, s2, sb] = await Promise.all([
      collect(await openEvents(stack.url, a.client.token, first.body.job_id)),
      collect(await openEvents(stack.url, a.client.token, second.body.job_id)),
      collect(await openEvents(stack.url, b.client.token, other.body.job_id)),
    ]);
    const at = (events: Timed[], type: string) => events.find((e) => e.event === type)!.at;
    // The second job of user A waited (queued) and started only after the first had ended...
    expect(s2.map((e) => e.event)).toContain('job_progress');
    expect(s2.find((e) => e.event === 'job_progress')!.data.progress_detail).toMatch(
      /waiting for a free slot/,
    );
    expect(at(s2, 'job_started')).toBeGreaterThanOrEqual(at(s1, 'job_completed'));
    // ...while user B's job started before A's first one finished.
    expect(at(sb, 'job_started')).toBeLessThan(at(s1, 'job_completed'));
    for (const events of [s1, s2, sb]) expect(events.at(-1)!.event).toBe('job_completed');
    const jobs = await a.client.get('/api/jobs');
    expect(jobs.body.items.map((j: { status: string }) => j.status)).toEqual(['completed', 'completed']);
  });
});

describe('cancel', () => {
  it('stops a long eval within a second and keeps its partial results', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const accepted = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: ONE_MODEL,
      repeats: 5,
      concurrency: 1,
    });
    const stream = await openEvents(stack.url, client.token, accepted.body.job_id);
    let cancelledAt = 0;
    // Awaited after the stream: a request still in flight when the stack closes would reject unhandled.
    let cancelling: Promise<unknown> | undefined;
    const events = await readSse(stream, isTerminal, (e) => {
      if (e.event === 'tool_eval_result' && cancelledAt === 0) {
        cancelledAt = Date.now();
        cancelling = client.post('/api/tool-eval/cancel', { job_id: accepted.body.job_id });
      }
    });
    await cancelling;
    const elapsed = Date.now() - cancelledAt;
    expect(events.at(-1)!.event).toBe('job_cancelled');
    expect(elapsed).toBeLessThan(1000);
    const job = await client.get(`/api/jobs/${accepted.body.job_id}`);
    expect(job.body.status).toBe('cancelled');
    const history = await client.get(`/api/tool-eval/history/${accepted.body.run_id}`);
    expect(history.body.status).toBe('cancelled');
    expect(history.body.results.length).toBeGreaterThan(0);
    expect(history.body.results.length).toBeLessThan(caseCount * 5);
    expect((await client.post('/api/tool-eval/cancel', { job_id: accepted.body.job_id })).status).toBe(409);
  });

  it('cancels a job that is still waiting for a slot', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const running = await client.post('/api/tool-eval', { suite_id: suiteId, targets: ONE_MODEL });
    await readSse(
      await openEvents(stack.url, client.token, running.body.job_id),
      (e) => e.event === 'job_started',
    );
    const waiting = await client.post('/api/tool-eval', { suite_id: suiteId, targets: ONE_MODEL });
    const cancel = await client.post(`/api/jobs/${waiting.body.job_id}/cancel`);
    expect(cancel.body.status).toBe('cancelled');
    const events = await readSse(await openEvents(stack.url, client.token, waiting.body.job_id), isTerminal);
    expect(events.map((e) => e.event)).not.toContain('job_started');
    expect(events.at(-1)!.event).toBe('job_cancelled');
    expect(
      (await readSse(await openEvents(stack.url, client.token, running.body.job_id), isTerminal)).at(-1)!
        .event,
    ).toBe('job_completed');
  });
});
