import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { userWithDemoSuite } from '../support/api.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ noWorker: true });
});
afterAll(async () => stack?.close());

const targets = ['sandbox-precise', 'sandbox-creative', 'sandbox-local-7b'].map((model_id) => ({
  provider_key: 'sandbox',
  model_id,
}));

describe('POST /api/tool-eval/param-tune/preview', () => {
  it('counts combinations per model after the provider pipeline, with calls, duration and warnings', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const res = await client.post('/api/tool-eval/param-tune/preview', {
      suite_id: suiteId,
      targets,
      search_space: { temperature: { min: 0, max: 1, step: 0.1 }, top_p: [0.7, 0.9, 1.2] },
      per_model_search_spaces: {
        'sandbox::sandbox-local-7b': { temperature: [0.3, 0.5], top_k: [10, 20, 40] },
      },
    });
    expect(res.status).toBe(200);
    const byModel = Object.fromEntries(res.body.targets.map((t: any) => [t.model_id, t]));
    // top_p 1.2 is clamped to 1 and so evaluated once: 11 × 3 requested, 11 × 3 distinct (0.7, 0.9, 1).
    expect(byModel['sandbox-precise']).toMatchObject({ requested_combinations: 33, combinations: 33 });
    expect(byModel['sandbox-local-7b']).toMatchObject({ requested_combinations: 6, combinations: 6 });
    expect(res.body.total_eval_calls).toBe((33 + 33 + 6) * caseCount);
    expect(res.body.estimated_duration_s).toBeGreaterThan(0);
    expect(res.body.warnings.join(' ')).toMatch(/72 combinations/);
    const clampedTopP = byModel['sandbox-precise'].combos.find((c: any) =>
      c.requested.some((r: any) => r.top_p === 1.2),
    );
    expect(clampedTopP.params.top_p).toBe(1);
  });

  it.each([
    [{}, 'body.search_space'],
    [{ temperature: { min: 0, max: 1, step: 0 } }, 'body.search_space.temperature.step'],
    [{ temperature: { min: 1, max: 0, step: 0.1 } }, 'body.search_space.temperature'],
    [{ temperature: 'hot' }, 'body.search_space.temperature'],
    [{ temperature: [] }, 'body.search_space.temperature'],
    [{ a: { min: 0, max: 99, step: 1 }, b: { min: 0, max: 99, step: 1 }, c: [1, 2] }, 'body.search_space'],
  ])('refuses search space %j with 400 naming %s', async (search_space, path) => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const res = await client.post('/api/tool-eval/param-tune/preview', {
      suite_id: suiteId,
      targets,
      search_space,
    });
    expect(res.status).toBe(400);
    expect(
      res.body.error.details.map((d: { path: string }) => d.path).some((p: string) => p.startsWith(path)),
    ).toBe(true);
  });
});
