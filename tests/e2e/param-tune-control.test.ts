import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { addPricedSandbox, userWithDemoSuite } from '../support/api.js';
import { ofType, streamTune, THREE_MODELS } from '../support/param-tune.js';

let stack: Stack;
beforeAll(async () => {
  // Some latency, so a sweep is still running when the test acts on it.
  stack = await startStack({ sandboxEnv: { SANDBOX_TTFT_MS: '15' } });
});
afterAll(async () => stack?.close());

const PRECISE = [THREE_MODELS[0]!];
const SPACE = { temperature: { min: 0, max: 1, step: 0.1 }, top_p: [0.8, 0.9, 1], seed: [7] };

/** Polls the tune's history until `done` holds (the tuner records the outcome after its units stop). */
async function historyWhen(
  client: Awaited<ReturnType<typeof userWithDemoSuite>>['client'],
  id: string,
  done: (b: any) => boolean,
) {
  for (let i = 0; i < 200; i++) {
    const res = await client.get(`/api/tool-eval/param-tune/history/${id}`);
    if (done(res.body)) return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('history never reached the expected state');
}

describe('parameter tuner: control, limits and validation', () => {
  it('cancel mid-sweep ends the stream with job_cancelled and keeps the finished combinations', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const accepted = await client.post('/api/tool-eval/param-tune', {
      suite_id: suiteId,
      targets: PRECISE,
      search_space: SPACE,
    });
    expect(accepted.status).toBe(202);
    const stream = await openEvents(stack.url, client.token, accepted.body.job_id);
    let results = 0;
    // Awaited after the stream: a request still in flight when the stack closes would reject unhandled.
    let cancelling: Promise<unknown> | undefined;
    const events = await readSse(stream, isTerminal, (e) => {
      if (e.event === 'combo_result' && ++results === 3)
        cancelling = client.post('/api/tool-eval/param-tune/cancel', { job_id: accepted.body.job_id });
    });
    await cancelling;
    expect(events.at(-1)!.event).toBe('job_cancelled');
    expect(ofType(events, 'tune_complete')).toHaveLength(0);
    const streamed = ofType(events, 'combo_result');
    expect(streamed.length).toBeGreaterThanOrEqual(3);
    expect(streamed.length).toBeLessThan(33);
    const history = await historyWhen(client, accepted.body.run_id, (b) => b.stop_reason === 'cancelled');
    expect(history.status).toBe('cancelled');
    // Every streamed combination is kept with its numbers; the best so far is among them.
    const kept = new Map(history.combos.map((c: any) => [c.id, c]));
    for (const r of streamed) expect(kept.get(r.combo_id)).toMatchObject({ overall_score: r.overall_score });
    expect(kept.has(history.best_config.best.combo_id)).toBe(true);
    const again = await client.post('/api/tool-eval/param-tune/cancel', { job_id: accepted.body.job_id });
    expect(again.status).toBe(409);
  });

  it('max_calls stops the sweep cleanly with the best found so far', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const { events } = await streamTune(stack.url, client, {
      suite_id: suiteId,
      targets: PRECISE,
      search_space: SPACE,
      budget: { max_calls: caseCount * 5 + 3 },
    });
    expect(events.at(-1)!.event).toBe('job_completed');
    const complete = ofType(events, 'tune_complete')[0];
    expect(complete).toMatchObject({ stop_reason: 'budget', calls_used: caseCount * 5 });
    expect(ofType(events, 'combo_result')).toHaveLength(5);
    expect(complete.best_config[0].combo_id).toBeDefined();
  });

  it('max_cost_usd stops a priced model mid-sweep; over the monthly budget a start needs confirm', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const priced = await addPricedSandbox(client, stack.sandboxUrl);
    const body = {
      suite_id: suiteId,
      targets: [priced],
      search_space: SPACE,
    };
    await client.patch('/api/auth/me/budget', { budget_usd_monthly: 0.01 });
    const refused = await client.post('/api/tool-eval/param-tune', body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details[0]).toMatchObject({
      path: 'body.confirm',
      code: 'confirmation_required',
    });
    expect((await client.get('/api/tool-eval/param-tune/history')).body.total).toBe(0);

    const { events } = await streamTune(stack.url, client, {
      ...body,
      confirm: true,
      budget: { max_cost_usd: 1 },
    });
    const complete = ofType(events, 'tune_complete')[0];
    expect(complete.stop_reason).toBe('budget');
    const spent = ofType(events, 'combo_result').reduce((s, r) => s + (r.cost_usd ?? 0), 0);
    expect(spent).toBeGreaterThan(0);
    expect(ofType(events, 'combo_result').length).toBeLessThan(33);
    const budget = await client.get('/api/auth/me/budget');
    expect(budget.body.spent_this_month_usd).toBeGreaterThanOrEqual(1);
  });

  it('max_duration_s stops a sweep that would take longer, keeping what finished', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const { events } = await streamTune(stack.url, client, {
      suite_id: suiteId,
      targets: PRECISE,
      search_space: SPACE,
      // 33 × 27 calls at 15 ms each, 8 in flight, need well over a second.
      budget: { max_duration_s: 0.3 },
    });
    expect(events.at(-1)!.event).toBe('job_completed');
    expect(ofType(events, 'tune_complete')[0].stop_reason).toBe('budget');
    expect(ofType(events, 'combo_result').filter((r) => r.complete).length).toBeLessThan(33);
  });

  it('repeats at temperature > 0 give confidence intervals and name the indistinguishable combinations', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const { events } = await streamTune(stack.url, client, {
      suite_id: suiteId,
      targets: [THREE_MODELS[1]!],
      search_space: { temperature: [0.7, 0.8, 0.9] },
      repeats: 3,
    });
    const results = ofType(events, 'combo_result');
    expect(results).toHaveLength(3);
    for (const r of results) {
      expect(r.case_results).toHaveLength(caseCount * 3);
      expect(r.ci_low).toBeLessThanOrEqual(r.overall_score);
      expect(r.ci_high).toBeGreaterThanOrEqual(r.overall_score);
      expect(r.ci_high - r.ci_low).toBeGreaterThan(0);
    }
    const best = ofType(events, 'tune_complete')[0].best_config[0];
    // Neighbouring temperatures of one model are statistically indistinguishable on 27 cases.
    expect(best.indistinguishable.length).toBeGreaterThanOrEqual(1);
  });

  it.each(['bayesian', 'halving', 'random'])(
    '%s runs over the same plan with fewer calls than the grid',
    async (strategy) => {
      const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
      const space = {
        temperature: { min: 0, max: 1, step: 0.1 },
        top_p: { min: 0.5, max: 1, step: 0.1 },
        seed: [7],
      };
      const { events } = await streamTune(stack.url, client, {
        suite_id: suiteId,
        targets: PRECISE,
        search_space: space,
        strategy,
        n_samples: 10,
      });
      expect(events.at(-1)!.event).toBe('job_completed');
      const start = ofType(events, 'tune_start')[0];
      const complete = ofType(events, 'tune_complete')[0];
      expect(start).toMatchObject({ strategy, total_combos: 66 });
      expect(complete.stop_reason).toBe('complete');
      expect(complete.calls_used).toBeLessThanOrEqual(Math.ceil(66 * caseCount * 0.35));
      // Calls used = each combination's calls at its last rung (halving reruns survivors on more cases).
      const callsByCombo = new Map<string, number>();
      for (const r of ofType(events, 'combo_result'))
        callsByCombo.set(r.combo_id, Math.max(callsByCombo.get(r.combo_id) ?? 0, r.calls));
      expect(complete.calls_used).toBe([...callsByCombo.values()].reduce((a, b) => a + b, 0));
      expect(complete.best_config[0].overall_score).toBeGreaterThan(0.8);
    },
  );

  it.each([
    [{}, 'body.search_space'],
    [{ temperature: { min: 0, max: 1, step: 0 } }, 'body.search_space.temperature.step'],
    [{ temperature: { min: 0, max: 1, step: -0.1 } }, 'body.search_space.temperature.step'],
    [{ temperature: { min: 1, max: 0, step: 0.1 } }, 'body.search_space.temperature'],
    [{ temperature: 'hot' }, 'body.search_space.temperature'],
    [{ temperature: [] }, 'body.search_space.temperature'],
    [{ a: { min: 0, max: 99, step: 1 }, b: { min: 0, max: 99, step: 1 }, c: [1, 2] }, 'body.search_space'],
  ])('refuses search space %j with 400 naming %s, creating nothing', async (search_space, path) => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const res = await client.post('/api/tool-eval/param-tune', {
      suite_id: suiteId,
      targets: PRECISE,
      search_space,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.some((d: { path: string }) => d.path.startsWith(path))).toBe(true);
    expect((await client.get('/api/tool-eval/param-tune/history')).body.total).toBe(0);
    expect((await client.get('/api/jobs')).body.items ?? []).toHaveLength(0);
  });
});
