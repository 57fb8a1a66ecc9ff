import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { userWithDemoSuite } from '../support/api.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { ofType, streamTune, THREE_MODELS } from '../support/param-tune.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

// 6 temperatures × 5 top_p = 30 combinations per model. A fixed seed makes the sandbox deterministic,
// so the grid's best is where the model's documented optimum is, not where the dice fell.
const GRID = {
  temperature: { min: 0, max: 1, step: 0.2 },
  top_p: { min: 0.6, max: 1, step: 0.1 },
  seed: [7],
};
// The local model is mostly sensitive to top_k (and expects its other sampling settings): sweep that.
const LOCAL_GRID = {
  temperature: { min: 0, max: 1, step: 0.2 },
  top_k: [10, 20, 30, 40, 50],
  top_p: [0.95],
  min_p: [0.05],
  repetition_penalty: [1.1],
  seed: [7],
};
// Documented optima (GET /sandbox/models) and the grid step of each dimension.
const OPTIMA: Record<string, Record<string, [number, number]>> = {
  'sandbox-precise': { temperature: [0.2, 0.2], top_p: [0.9, 0.1] },
  'sandbox-creative': { temperature: [0.8, 0.2], top_p: [0.7, 0.1] },
  'sandbox-local-7b': { temperature: [0.5, 0.2], top_k: [20, 10] },
};

describe('parameter tuner over HTTP/SSE', () => {
  it("grid: streams tune events in order, finds each model's optimum within one grid step, and history matches the stream", async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const { status, events } = await streamTune(stack.url, client, {
      suite_id: suiteId,
      targets: THREE_MODELS,
      search_space: GRID,
      per_model_search_spaces: { 'sandbox::sandbox-local-7b': LOCAL_GRID },
      strategy: 'grid',
    });
    expect(status).toBe(200);
    const types = events.map((e) => e.event);
    expect(types.slice(0, 3)).toEqual(['job_created', 'job_queued', 'job_started']);
    expect(types[3]).toBe('tune_start');
    expect(types.slice(-2)).toEqual(['tune_complete', 'job_completed']);
    const start = ofType(events, 'tune_start')[0];
    expect(start).toMatchObject({
      strategy: 'grid',
      total_combos: 90,
      planned_evaluations: 90,
      cases: caseCount,
    });

    const results = ofType(events, 'combo_result');
    expect(results).toHaveLength(90);
    expect(new Set(results.map((r) => r.combo_id)).size).toBe(90);
    expect(ofType(events, 'combo_start')).toHaveLength(90);
    // Each combination starts before its result arrives.
    for (const r of results) {
      const started = events.findIndex((e) => e.event === 'combo_start' && e.data.combo_id === r.combo_id);
      const done = events.findIndex((e) => e.event === 'combo_result' && e.data.combo_id === r.combo_id);
      expect(started).toBeLessThan(done);
      expect(r).toMatchObject({ cases_total: caseCount, complete: true });
      expect(r.case_results).toHaveLength(caseCount);
    }
    const progress = ofType(events, 'tune_progress').map((p) => p.completed);
    expect(progress.at(-1)).toBe(90);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);

    const complete = ofType(events, 'tune_complete')[0];
    expect(complete.stop_reason).toBe('complete');
    expect(complete.calls_used).toBe(90 * caseCount);
    for (const best of complete.best_config) {
      for (const [param, [optimum, step]] of Object.entries(OPTIMA[best.model_id]!))
        expect(Math.abs(best.config[param] - optimum), `${best.model_id} ${param}`).toBeLessThanOrEqual(
          step + 1e-9,
        );
      // The best is the top of its model's streamed results.
      const mine = results.filter((r) => r.model_id === best.model_id).map((r) => r.overall_score);
      expect(best.overall_score).toBeCloseTo(Math.max(...mine), 4);
    }

    const tuneId = start.tune_id;
    const history = await client.get(`/api/tool-eval/param-tune/history/${tuneId}`);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({
      status: 'completed',
      stop_reason: 'complete',
      completed_combos: 90,
    });
    expect(history.body.best_config.models).toEqual(complete.best_config);
    const streamed = new Map(results.map((r) => [r.combo_id, r]));
    expect(history.body.combos).toHaveLength(90);
    for (const c of history.body.combos) {
      const r = streamed.get(c.id)!;
      expect(c).toMatchObject({
        overall_score: r.overall_score,
        ci_low: r.ci_low,
        ci_high: r.ci_high,
        tool_accuracy: r.tool_accuracy,
        cases_passed: r.cases_passed,
        config: r.config,
      });
      expect(c.case_results).toEqual(r.case_results);
    }
    const list = await client.get('/api/tool-eval/param-tune/history');
    expect(list.body.items[0]).toMatchObject({
      id: tuneId,
      status: 'completed',
      suite_name: expect.any(String),
    });
  });
});

describe('param-tune presets and applying the best configuration', () => {
  it('lists built-in presets, saves and deletes user presets, and starts a tune from one', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const builtins = await client.get('/api/tool-eval/param-tune/presets');
    expect(builtins.body.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Qwen3 Coder 30B (Recommended)', 'GLM-4.7 Flash (Z.AI Recommended)']),
    );
    const bad = await client.post('/api/tool-eval/param-tune/presets', {
      name: 'broken',
      search_space: { temperature: { min: 0, max: 1, step: 0 } },
    });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'body.search_space.temperature.step']);
    const created = await client.post('/api/tool-eval/param-tune/presets', {
      name: 'cool and narrow',
      search_space: { temperature: [0, 0.2], top_p: [0.9] },
    });
    expect(created.status).toBe(201);
    const dup = await client.post('/api/tool-eval/param-tune/presets', {
      name: 'cool and narrow',
      search_space: { temperature: [0] },
    });
    expect(dup.status).toBe(409);

    const { events } = await streamTune(stack.url, client, {
      suite_id: suiteId,
      targets: [THREE_MODELS[0]],
      preset_id: created.body.id,
    });
    // Completion order varies; the set of combinations is the preset's.
    const configs = ofType(events, 'combo_result').map((r) => r.config);
    expect(configs.sort((a, b) => a.temperature - b.temperature)).toEqual([
      { temperature: 0, top_p: 0.9 },
      { temperature: 0.2, top_p: 0.9 },
    ]);
    const unknown = await client.post('/api/tool-eval/param-tune', {
      suite_id: suiteId,
      targets: [THREE_MODELS[0]],
      preset_id: 'builtin:nope',
    });
    expect([unknown.status, unknown.body.error.details[0].path]).toEqual([404, 'body.preset_id']);
    expect((await client.delete('/api/tool-eval/param-tune/presets/builtin:qwen3-coder-30b')).status).toBe(
      403,
    );
    expect((await client.delete(`/api/tool-eval/param-tune/presets/${created.body.id}`)).status).toBe(204);
    expect((await client.get('/api/tool-eval/param-tune/presets')).body).toHaveLength(builtins.body.length);
  });

  it('apply stores the best parameters as the model default, and later evals use them', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const { events } = await streamTune(stack.url, client, {
      suite_id: suiteId,
      targets: [THREE_MODELS[0], THREE_MODELS[1]],
      search_space: { temperature: [0.2, 0.8], top_p: [0.7, 0.9], seed: [7] },
    });
    const complete = ofType(events, 'tune_complete')[0];
    const tuneId = ofType(events, 'tune_start')[0].tune_id;
    const creative = complete.best_config.find(
      (b: { model_id: string }) => b.model_id === 'sandbox-creative',
    );
    const applied = await client.post(`/api/tool-eval/param-tune/history/${tuneId}/apply`, {
      model_id: 'sandbox-creative',
    });
    expect(applied.status).toBe(200);
    expect(applied.body.default_params).toEqual(creative.params);
    const providers = await client.get('/api/providers');
    const model = providers.body.items
      .find((p: { provider_key: string }) => p.provider_key === 'sandbox')
      .models.find((m: { model_id: string }) => m.model_id === 'sandbox-creative');
    expect(model.default_params).toEqual(creative.params);
    const evalRun = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: [THREE_MODELS[1]],
      case_ids: [ofType(events, 'combo_result')[0].case_results[0].case_id],
    });
    const done = await readSse(await openEvents(stack.url, client.token, evalRun.body.job_id), isTerminal);
    expect(done.at(-1)!.event).toBe('job_completed');
    const run = await client.get(`/api/tool-eval/history/${evalRun.body.run_id}`);
    expect(run.body.results[0].detail.raw_request.params).toMatchObject(creative.params);
    // A running tune cannot be deleted; a finished one can, with its results.
    expect((await client.delete(`/api/tool-eval/param-tune/history/${tuneId}`)).status).toBe(204);
    expect((await client.get(`/api/tool-eval/param-tune/history/${tuneId}`)).status).toBe(404);
  });
});
