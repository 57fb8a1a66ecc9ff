import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { userWithDemoSuite } from '../support/api.js';
import { ofType } from '../support/param-tune.js';
import { META, streamPromptTune } from '../support/prompt-tune.js';

let stack: Stack;
beforeAll(async () => {
  // The meta-model answers generation 1 wrapped in prose, generation 2 cut off part-way, and
  // every call after that (generation 3, all its retries) with an HTTP 500.
  stack = await startStack({
    sandboxEnv: { SANDBOX_META_REPLIES: 'prose,malformed,error', SANDBOX_RETRY_AFTER_S: '0' },
  });
});
afterAll(async () => stack?.close());

describe('prompt tuner with a misbehaving meta-model', () => {
  it('prose-wrapped and cut-off answers are used, a failing generation is reported, and the run completes', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const events = await streamPromptTune(stack.url, client, {
      suite_id: suiteId,
      mode: 'evolutionary',
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
      meta_target: META,
      config: { generations: 3, population_size: 5 },
    });
    expect(events.at(-1)!.event).toBe('job_completed');
    const warnings = ofType(events, 'job_warning').map((w) => w.detail);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/generation 1: .*prose around the JSON/),
        expect.stringMatching(/generation 2: .*cut off/),
      ]),
    );
    const generated = ofType(events, 'prompt_generated');
    expect(generated.filter((g) => g.generation === 1)).toHaveLength(5);
    const salvaged = generated.filter((g) => g.generation === 2).length;
    expect(salvaged).toBeGreaterThan(0);
    expect(salvaged).toBeLessThan(5);
    const errors = ofType(events, 'generation_error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      generation: 3,
      message: expect.stringMatching(/meta-model call failed/),
    });
    expect(ofType(events, 'generation_complete').map((g) => g.generation)).toEqual([1, 2]);
    const complete = ofType(events, 'tune_complete')[0];
    expect(complete.stop_reason).toBe('complete');
    expect(complete.best_score).toBeGreaterThanOrEqual(complete.base_score);
    const history = await client.get(`/api/tool-eval/prompt-tune/history/${complete.tune_id}`);
    expect(history.body.meta_generations.map((g: any) => g.status)).toEqual([
      'generated',
      'generated',
      'error',
    ]);
  });
});
