import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { userWithDemoSuite } from '../support/api.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

/** The value of one sample line (`name{labels} value`), 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (want.every((w) => line.includes(w))) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

describe('Prometheus metrics', () => {
  it('move when jobs run: gateway HTTP, SSE and events; worker jobs, eval units and LLM calls', async () => {
    const gateway = async () => (await fetch(`${stack.url}/metrics`)).text();
    // The eval worker's own metrics endpoint, as Prometheus scrapes it.
    const worker = async () =>
      (await fetch(`http://127.0.0.1:${stack.worker!.worker.metricsPort()}/metrics`)).text();
    const [g0, w0] = [await gateway(), await worker()];

    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const run = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
    });
    await readSse(await openEvents(stack.url, client.token, run.body.job_id), isTerminal);
    const [g1, w1] = [await gateway(), await worker()];

    const route = { route: '/api/tool-eval', method: 'POST' };
    expect(sample(g1, 'lbs_http_request_duration_seconds_count', route)).toBe(
      sample(g0, 'lbs_http_request_duration_seconds_count', route) + 1,
    );
    expect(
      sample(g1, 'lbs_events_relayed_total', { type: 'tool_eval_result' }) -
        sample(g0, 'lbs_events_relayed_total', { type: 'tool_eval_result' }),
    ).toBe(caseCount);
    expect(g1).toMatch(/lbs_queue_jobs\{[^}]*queue="eval-units"/);
    expect(sample(w1, 'lbs_jobs_total', { type: 'eval-unit', status: 'completed' })).toBe(
      sample(w0, 'lbs_jobs_total', { type: 'eval-unit', status: 'completed' }) + 1,
    );
    // At least one call per case (multi-turn cases make one per round).
    expect(
      sample(w1, 'lbs_llm_call_duration_seconds_count', { provider: 'sandbox' }) -
        sample(w0, 'lbs_llm_call_duration_seconds_count', { provider: 'sandbox' }),
    ).toBeGreaterThanOrEqual(caseCount);
    expect(sample(w1, 'lbs_llm_tokens_total', { direction: 'prompt' })).toBeGreaterThan(
      sample(w0, 'lbs_llm_tokens_total', { direction: 'prompt' }),
    );
    expect(sample(w1, 'lbs_eval_unit_duration_seconds_count', { kind: 'eval' })).toBe(
      sample(w0, 'lbs_eval_unit_duration_seconds_count', { kind: 'eval' }) + 1,
    );
  });
});
