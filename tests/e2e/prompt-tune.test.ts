import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { addPricedSandbox, userWithDemoSuite } from '../support/api.js';
import { isTerminal, openEvents, readSse, type SseEvent } from '../support/sse.js';
import { ofType } from '../support/param-tune.js';
import { META, streamPromptTune } from '../support/prompt-tune.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const TARGETS = ['sandbox-precise', 'sandbox-local-7b'].map((model_id) => ({
  provider_key: 'sandbox',
  model_id,
}));
const BASE = 'You are an assistant.';
const key = (t: { provider_key: string; model_id: string }) => `${t.provider_key}::${t.model_id}`;

/** Survivor ids per generation, as `generation_complete` streamed them. */
const survivorsStreamed = (events: SseEvent[]) =>
  new Map(
    ofType(events, 'generation_complete').map((g) => [
      g.generation as number,
      g.survivors.map((s: { candidate_id: string }) => s.candidate_id),
    ]),
  );
/** Survivor ids per selected generation after the base, as history stores them. */
const survivorsOf = (tune: {
  generations: { generation: number; selected: boolean; survivors: string[] }[];
}) =>
  new Map(
    tune.generations.filter((g) => g.selected && g.generation > 0).map((g) => [g.generation, g.survivors]),
  );

describe('prompt tuner over HTTP/SSE', () => {
  it('quick: one meta call, every prompt scored on every target, the estimate matches, history matches the stream', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const estimate = await client.get(
      `/api/tool-eval/prompt-tune/estimate?suite_id=${suiteId}&mode=quick&population_size=5&num_models=2`,
    );
    expect(estimate.status).toBe(200);
    // Naming the targets counts (and, were they priced, prices) the same models.
    const named = await client.get(
      `/api/tool-eval/prompt-tune/estimate?suite_id=${suiteId}&mode=quick&targets=${TARGETS.map(key).join(',')}&meta_target=${key(META)}`,
    );
    expect(named.body).toEqual(estimate.body);
    const events = await streamPromptTune(stack.url, client, {
      suite_id: suiteId,
      mode: 'quick',
      targets: TARGETS,
      meta_target: META,
      base_prompt: BASE,
    });
    const types = events.map((e) => e.event);
    expect(types.slice(0, 4)).toEqual(['job_created', 'job_queued', 'job_started', 'tune_start']);
    expect(types.slice(-2)).toEqual(['tune_complete', 'job_completed']);
    expect(ofType(events, 'tune_start')[0]).toMatchObject({
      mode: 'quick',
      total_prompts: 5,
      total_eval_calls: estimate.body.eval_calls,
      train_cases: estimate.body.train_cases,
      validation_cases: estimate.body.validation_cases,
      base_prompt: BASE,
      targets: TARGETS,
      meta_target: META,
    });
    const generated = ofType(events, 'prompt_generated');
    expect(generated.map((g) => g.index)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(generated.map((g) => g.style)).size).toBeGreaterThan(1);
    // Every prompt (and the base) on both targets, then base and best on the held-out cases.
    const results = ofType(events, 'prompt_eval_result');
    expect(results.filter((r) => r.phase === 'train')).toHaveLength(6 * 2);
    expect(types.indexOf('generation_complete')).toBeGreaterThan(types.lastIndexOf('prompt_generated'));

    const complete = ofType(events, 'tune_complete')[0];
    expect(complete.calls_used + complete.calls_saved).toBe(estimate.body.eval_calls);
    expect(complete.meta_calls).toBe(estimate.body.meta_calls);
    expect(complete.best_score).toBeGreaterThanOrEqual(complete.base_score);
    expect(complete.validation_score).not.toBeNull();

    // Progress follows the scored prompts (base + 5, each on both targets), never goes back, ends full.
    const progress = events.slice(types.indexOf('tune_start')).filter((e) => e.event === 'job_progress');
    const pcts = progress.map((e) => e.data.progress_pct as number);
    expect(pcts).toEqual([...pcts].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThanOrEqual(results.length);
    expect(progress.filter((e) => /prompts scored/.test(e.data.progress_detail)).at(-1)!.data).toMatchObject({
      progress_pct: 100,
      progress_detail: '6/6 prompts scored',
    });
    expect(types.lastIndexOf('job_progress')).toBeLessThan(types.indexOf('tune_complete'));
    expect(pcts.at(-1)).toBe(100);

    const tuneId = ofType(events, 'tune_start')[0].tune_id;
    const history = await client.get(`/api/tool-eval/prompt-tune/history/${tuneId}`);
    expect(history.body).toMatchObject({
      status: 'completed',
      best_prompt: complete.best_prompt,
      best_score: complete.best_score,
    });
    expect(survivorsOf(history.body)).toEqual(survivorsStreamed(events));
    const byId = new Map(history.body.candidates.map((c: any) => [c.id, c]));
    for (const r of results.filter((x) => x.phase === 'train')) {
      const stored = (byId.get(r.candidate_id) as any).scores[`${r.provider_key}::${r.model_id}`];
      expect(stored).toMatchObject({ overall_score: r.overall_score, tool_accuracy: r.tool_accuracy });
    }
    expect(history.body.candidates.filter((c: any) => c.generation === 1).map((c: any) => c.prompt)).toEqual(
      generated.map((g) => g.text),
    );
  });

  it('evolutionary: generations with lineage; the best beats the base and, over several seeds, quick mode', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const evo: number[] = [];
    const quick: number[] = [];
    for (const seed of [1, 2, 3]) {
      const body = { suite_id: suiteId, targets: TARGETS, meta_target: META, base_prompt: BASE, seed };
      const events = await streamPromptTune(stack.url, client, {
        ...body,
        mode: 'evolutionary',
        config: { generations: 3, population_size: 5 },
      });
      const types = events.map((e) => e.event);
      expect(types.at(-1)).toBe('job_completed');
      expect(ofType(events, 'generation_start').map((g) => g.generation)).toEqual([1, 2, 3]);
      expect(ofType(events, 'generation_complete').map((g) => g.generation)).toEqual([1, 2, 3]);
      for (const g of [1, 2, 3])
        expect(types.indexOf('generation_start')).toBeLessThan(
          events.findIndex((e) => e.event === 'generation_complete' && e.data.generation === g),
        );
      const children = ofType(events, 'prompt_generated').filter((p) => p.generation > 1);
      expect(children.length).toBeGreaterThan(0);
      expect(children.every((c) => c.mutation_type !== null && c.parent_indices.length === 1)).toBe(true);
      // Parents by id: as stored, and each one a survivor of the generation before.
      const history = (
        await client.get(`/api/tool-eval/prompt-tune/history/${ofType(events, 'tune_start')[0].tune_id}`)
      ).body;
      const stored = new Map(history.candidates.map((c: any) => [c.id, c.parent_ids]));
      const kept = survivorsStreamed(events);
      for (const c of ofType(events, 'prompt_generated')) {
        expect(c.parent_ids).toEqual(stored.get(c.candidate_id));
        for (const id of c.parent_ids) expect(kept.get(c.generation - 1)).toContain(id);
      }
      expect(survivorsOf(history)).toEqual(kept);
      const complete = ofType(events, 'tune_complete')[0];
      expect(complete.best_score).toBeGreaterThan(complete.base_score);
      evo.push(complete.best_score);
      const q = await streamPromptTune(stack.url, client, { ...body, mode: 'quick' });
      quick.push(ofType(q, 'tune_complete')[0].best_score);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(evo)).toBeGreaterThan(mean(quick));
  }, 120_000);

  it('the best prompt saved to the library runs as an eval system prompt and seeds a new tune', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const events = await streamPromptTune(stack.url, client, {
      suite_id: suiteId,
      mode: 'quick',
      targets: TARGETS.slice(0, 1),
      meta_target: META,
      base_prompt: BASE,
    });
    const tuneId = ofType(events, 'tune_start')[0].tune_id;
    const best = ofType(events, 'tune_complete')[0].best_prompt;
    const saved = await client.post('/api/prompt-library', {
      name: 'smart-home',
      from_prompt_tune_id: tuneId,
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      name: 'smart-home',
      version: 1,
      prompt: best,
      source: 'prompt_tuner',
      origin_run_id: tuneId,
    });
    const v2 = await client.post('/api/prompt-library', {
      name: 'smart-home',
      prompt: `${best} Be concise.`,
    });
    expect(v2.body).toMatchObject({ version: 2, parent_id: saved.body.id, source: 'manual' });
    const versions = await client.get('/api/prompt-library?name=smart-home');
    expect(versions.body.items.map((v: any) => v.version)).toEqual([2, 1]);

    const run = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: TARGETS.slice(0, 1),
      system_prompt: saved.body.prompt,
    });
    const done = await readSse(await openEvents(stack.url, client.token, run.body.job_id), isTerminal);
    expect(done.at(-1)!.event).toBe('job_completed');
    const history = await client.get(`/api/tool-eval/history/${run.body.run_id}`);
    expect(history.body.results[0].detail.raw_request.messages[0]).toEqual({ role: 'system', content: best });

    const seeded = await client.post('/api/tool-eval/prompt-tune', {
      suite_id: suiteId,
      targets: TARGETS.slice(0, 1),
      meta_target: META,
      base_prompt_id: saved.body.id,
    });
    expect(seeded.status).toBe(202);
    await readSse(await openEvents(stack.url, client.token, seeded.body.job_id), isTerminal);
    expect(
      (await client.get(`/api/tool-eval/prompt-tune/history/${seeded.body.run_id}`)).body.base_prompt,
    ).toBe(best);
  });

  it('the estimate of chosen cases and priced targets is what the tune then calls and what its submit checks', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const priced = await addPricedSandbox(client, stack.sandboxUrl);
    const suite = (await client.get(`/api/tool-suites/${suiteId}`)).body;
    const caseIds: string[] = suite.test_cases.slice(0, 4).map((c: any) => c.id);
    const query = `suite_id=${suiteId}&mode=quick&population_size=3&case_ids=${caseIds.join(',')}`;
    const estimate = await client.get(
      `/api/tool-eval/prompt-tune/estimate?${query}&targets=${key(priced)}&meta_target=${key(META)}`,
    );
    expect(estimate.status).toBe(200);
    expect(estimate.body).toMatchObject({ train_cases: 4, validation_cases: 0, eval_calls: (1 + 3) * 4 });
    expect(estimate.body.estimated_cost_usd).toBeGreaterThan(0);

    // The submit prices it the same: above a budget smaller than the estimate it asks to confirm.
    await client.patch('/api/auth/me/budget', { budget_usd_monthly: estimate.body.estimated_cost_usd / 2 });
    const body = {
      suite_id: suiteId,
      mode: 'quick',
      targets: [priced],
      meta_target: META,
      config: { population_size: 3 },
      case_ids: caseIds,
    };
    const refused = await client.post('/api/tool-eval/prompt-tune', body);
    expect([refused.status, refused.body.error.details[0].path]).toEqual([409, 'body.confirm']);
    const events = await streamPromptTune(stack.url, client, { ...body, confirm: true });
    const complete = ofType(events, 'tune_complete')[0];
    expect(complete.calls_used + complete.calls_saved).toBe(estimate.body.eval_calls);
    expect(complete.meta_calls).toBe(estimate.body.meta_calls);
    expect(ofType(events, 'tune_start')[0].total_eval_calls).toBe(estimate.body.eval_calls);

    for (const [bad, path] of [
      ['case_ids=nope', 'query.case_ids.0'],
      [`case_ids=${caseIds[0]},00000000-0000-4000-8000-000000000000`, 'query.case_ids.1'],
      ['targets=sandbox', 'query.targets.0'],
      ['targets=sandbox::nope', 'query.targets.0.model_id'],
      ['targets=nobody::sandbox-precise', 'query.targets.0.provider_key'],
      ['meta_target=sandbox::nope', 'query.meta_target.model_id'],
      [`targets=${key(priced)}&num_models=2`, 'query.num_models'],
    ] as const) {
      const res = await client.get(`/api/tool-eval/prompt-tune/estimate?suite_id=${suiteId}&${bad}`);
      expect([res.status, res.body.error.details[0].path]).toEqual([400, path]);
    }
  });

  it('warns when the meta-model is also a target, and names bad fields with 400s', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const res = await client.post('/api/tool-eval/prompt-tune', {
      suite_id: suiteId,
      targets: [META],
      meta_target: META,
    });
    expect(res.status).toBe(202);
    expect(res.body.warnings[0]).toMatch(/also a target/);
    await readSse(await openEvents(stack.url, client.token, res.body.job_id), isTerminal);
    for (const [body, path] of [
      [{ config: { population_size: 2 } }, 'body.config.population_size'],
      [{ config: { selection_ratio: 0.9 } }, 'body.config.selection_ratio'],
      [{ mode: 'genetic' }, 'body.mode'],
      [{ meta_target: { provider_key: 'sandbox', model_id: 'nope' } }, 'body.meta_target.model_id'],
    ] as const) {
      const bad = await client.post('/api/tool-eval/prompt-tune', {
        suite_id: suiteId,
        targets: TARGETS,
        meta_target: META,
        ...body,
      });
      expect([bad.status, bad.body.error.details[0].path]).toEqual([400, path]);
    }
  });
});

describe('prompt tuner: budget', () => {
  it('max_calls stops the run cleanly before a generation that would not fit, with the best so far', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const estimate = await client.get(
      `/api/tool-eval/prompt-tune/estimate?suite_id=${suiteId}&mode=evolutionary&population_size=5&generations=3&num_models=1`,
    );
    const perGeneration = 5 * estimate.body.train_cases;
    const events = await streamPromptTune(stack.url, client, {
      suite_id: suiteId,
      mode: 'evolutionary',
      targets: TARGETS.slice(0, 1),
      meta_target: META,
      config: { generations: 3 },
      // The base prompt and one generation fit; the second generation does not.
      budget: { max_calls: estimate.body.train_cases + perGeneration + 1 },
    });
    expect(events.at(-1)!.event).toBe('job_completed');
    const complete = ofType(events, 'tune_complete')[0];
    expect(complete.stop_reason).toBe('budget');
    expect(complete.calls_used).toBeLessThanOrEqual(estimate.body.train_cases + perGeneration + 1);
    expect(ofType(events, 'generation_complete').map((g) => g.generation)).toEqual([1]);
  });
});

describe('prompt tuner: cancel', () => {
  it('cancel mid-run keeps the finished generations and the best so far', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const accepted = await client.post('/api/tool-eval/prompt-tune', {
      suite_id: suiteId,
      mode: 'evolutionary',
      targets: TARGETS,
      meta_target: META,
      config: { generations: 5 },
    });
    const stream = await openEvents(stack.url, client.token, accepted.body.job_id);
    // Awaited after the stream: a request still in flight when the stack closes would reject unhandled.
    let cancelling: Promise<unknown> | undefined;
    const events = await readSse(stream, isTerminal, (e) => {
      if (e.event === 'generation_complete' && e.data.generation === 1)
        cancelling = client.post('/api/tool-eval/prompt-tune/cancel', { job_id: accepted.body.job_id });
    });
    await cancelling;
    expect(events.at(-1)!.event).toBe('job_cancelled');
    expect(ofType(events, 'tune_complete')).toHaveLength(0);
    let history: any;
    for (let i = 0; i < 200 && !history?.stop_reason; i++) {
      history = (await client.get(`/api/tool-eval/prompt-tune/history/${accepted.body.run_id}`)).body;
      if (!history.stop_reason) await new Promise((r) => setTimeout(r, 50));
    }
    expect(history).toMatchObject({ status: 'cancelled', stop_reason: 'cancelled' });
    const gen1 = history.candidates.filter((c: any) => c.generation === 1);
    expect(gen1.length).toBeGreaterThan(0);
    for (const c of gen1.filter((x: any) => !x.duplicate_of)) expect(Object.keys(c.scores)).toHaveLength(2);
    expect(history.best_prompt).toEqual(expect.any(String));
    expect(history.meta_generations.length).toBeLessThan(5);
  });
});
