import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { isTerminal, openEvents, readSse, type SseEvent } from '../support/sse.js';
import { userWithDemoSuite } from '../support/api.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const THREE_MODELS = ['sandbox-precise', 'sandbox-creative', 'sandbox-local-7b'].map((model_id) => ({
  provider_key: 'sandbox',
  model_id,
}));

describe('tool eval over HTTP/SSE', () => {
  it('streams the events in order, ends with tool_eval_complete then job_completed, and history has the same numbers', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const res = await fetch(`${stack.url}/api/tool-eval`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${client.token}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ suite_id: suiteId, targets: THREE_MODELS, temperature: 0 }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await readSse(res);
    const types = events.map((e) => e.event);
    const total = caseCount * THREE_MODELS.length;

    expect(types.slice(0, 2)).toEqual(['job_created', 'job_queued']);
    expect(types.indexOf('job_started')).toBeLessThan(types.indexOf('tool_eval_init'));
    expect(types.filter((t) => t === 'tool_eval_result')).toHaveLength(total);
    expect(types.filter((t) => t === 'tool_eval_summary')).toHaveLength(3);
    expect(types.slice(-2)).toEqual(['tool_eval_complete', 'job_completed']);
    expect(types.filter((t) => ['job_completed', 'job_failed', 'job_cancelled'].includes(t))).toHaveLength(1);
    const init = events.find((e) => e.event === 'tool_eval_init')!.data;
    expect(init).toMatchObject({
      total_cases: caseCount,
      total,
      targets: THREE_MODELS.map((t) => expect.objectContaining(t)),
    });
    const progress = events.filter((e) => e.event === 'tool_eval_progress').map((e) => e.data.current);
    expect(progress.at(-1)).toBe(total);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);

    const runId = init.run_id;
    const complete = events.at(-2)!.data;
    const history = await client.get(`/api/tool-eval/history/${runId}`);
    expect(history.body.status).toBe('completed');
    expect(history.body.results).toHaveLength(total);
    expect(history.body.summary.targets).toEqual(complete.summaries);
    const summaryEvents = events.filter((e) => e.event === 'tool_eval_summary').map((e) => e.data.summary);
    expect(summaryEvents).toEqual(complete.summaries.map((s: { summary: unknown }) => s.summary));
    // The strong simulated model does better than the weak one on the same cases.
    const overall = (m: string) =>
      complete.summaries.find((s: { model_id: string }) => s.model_id === m).summary.overall;
    expect(overall('sandbox-precise')).toBeGreaterThan(overall('sandbox-local-7b'));
    const list = await client.get('/api/tool-eval/history');
    expect(list.body.items[0]).toMatchObject({ id: runId, status: 'completed' });
  });

  it('replays exactly the missed events after Last-Event-ID', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const accepted = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: THREE_MODELS.slice(0, 1),
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({
      status: 'queued',
      events_url: `/api/jobs/${accepted.body.job_id}/events`,
    });
    const first: SseEvent[] = await readSse(
      await openEvents(stack.url, client.token, accepted.body.job_id),
      (e) => e.event === 'tool_eval_result',
    );
    const resumeFrom = first.at(-1)!.id;
    const rest = await readSse(
      await openEvents(stack.url, client.token, accepted.body.job_id, resumeFrom),
      isTerminal,
    );
    const all = await readSse(await openEvents(stack.url, client.token, accepted.body.job_id), isTerminal);
    expect([...first, ...rest].map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it('answers 404 to another user for the job, its events and its history', async () => {
    const a = await userWithDemoSuite(stack.url);
    const b = await userWithDemoSuite(stack.url);
    const accepted = await a.client.post('/api/tool-eval', {
      suite_id: a.suiteId,
      targets: THREE_MODELS.slice(0, 1),
    });
    const { job_id, run_id } = accepted.body;
    expect((await b.client.get(`/api/jobs/${job_id}`)).status).toBe(404);
    expect((await openEvents(stack.url, b.client.token, job_id)).status).toBe(404);
    expect((await b.client.post(`/api/jobs/${job_id}/cancel`)).status).toBe(404);
    expect((await b.client.get(`/api/tool-eval/history/${run_id}`)).status).toBe(404);
    expect(
      (await b.client.post('/api/tool-eval', { suite_id: a.suiteId, targets: THREE_MODELS.slice(0, 1) }))
        .status,
    ).toBe(404);
    await readSse(await openEvents(stack.url, a.client.token, job_id), isTerminal);
  });

  it('rejects bad eval requests with 4xx naming the field', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const caseId = (await client.get(`/api/tool-suites/${suiteId}/cases`)).body.items[0].id;
    const cases: [unknown, number, string][] = [
      [{ suite_id: suiteId, targets: [] }, 400, 'body.targets'],
      [
        { suite_id: suiteId, targets: [{ provider_key: 'nope', model_id: 'x' }] },
        400,
        'body.targets.0.provider_key',
      ],
      [
        { suite_id: suiteId, targets: [{ provider_key: 'sandbox', model_id: 'gpt-9' }] },
        400,
        'body.targets.0.model_id',
      ],
      [{ suite_id: suiteId, targets: THREE_MODELS, temperature: 5 }, 400, 'body.temperature'],
      [{ suite_id: suiteId, targets: THREE_MODELS, tool_choice: 'always' }, 400, 'body.tool_choice'],
      [
        { suite_id: suiteId, targets: THREE_MODELS, case_ids: ['00000000-0000-4000-8000-000000000000'] },
        400,
        'body.case_ids.0',
      ],
      [{ suite_id: '00000000-0000-4000-8000-000000000000', targets: THREE_MODELS }, 404, 'body.suite_id'],
      [{ targets: THREE_MODELS }, 400, 'body.suite_id'],
      [{ suite_id: suiteId, targets: THREE_MODELS, case_ids: [caseId, caseId] }, 400, 'body.case_ids.1'],
      [
        { suite_id: suiteId, targets: THREE_MODELS, experiment_id: '00000000-0000-4000-8000-000000000000' },
        404,
        'body.experiment_id',
      ],
    ];
    for (const [body, status, path] of cases) {
      const res = await client.post('/api/tool-eval', body);
      expect([res.status, res.body.error.details.map((d: { path: string }) => d.path)]).toEqual([
        status,
        expect.arrayContaining([path]),
      ]);
    }
    expect((await client.get('/api/jobs')).body.total).toBe(0);
  });
});

describe('streams of ended jobs', () => {
  it('still end with the terminal event when the event log is gone', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const accepted = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: THREE_MODELS.slice(0, 1),
    });
    await readSse(await openEvents(stack.url, client.token, accepted.body.job_id), isTerminal);
    await stack.gateway.redis.del(stack.gateway.runtime.keys.eventLog(accepted.body.job_id));
    const events = await readSse(await openEvents(stack.url, client.token, accepted.body.job_id));
    expect(events.map((e) => e.event)).toEqual(['job_completed']);
  });
});
