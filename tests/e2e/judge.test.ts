import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { userWithDemoSuite } from '../support/api.js';
import { isTerminal, openEvents, readSse, type SseEvent } from '../support/sse.js';
import { ofType } from '../support/param-tune.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const JUDGE = { provider_key: 'sandbox', model_id: 'sandbox-judge' };
const PRECISE = { provider_key: 'sandbox', model_id: 'sandbox-precise' };
const LOCAL = { provider_key: 'sandbox', model_id: 'sandbox-local-7b' };

async function runEval(
  client: Awaited<ReturnType<typeof userWithDemoSuite>>['client'],
  body: Record<string, unknown>,
) {
  const accepted = await client.post('/api/tool-eval', body);
  if (accepted.status !== 202) throw new Error(JSON.stringify(accepted.body));
  const events = await readSse(await openEvents(stack.url, client.token, accepted.body.job_id), isTerminal);
  return { ...accepted.body, events };
}

async function follow(client: { token: string }, jobId: string): Promise<SseEvent[]> {
  return readSse(await openEvents(stack.url, client.token, jobId), isTerminal);
}

describe('LLM judge over HTTP/SSE', () => {
  it('post-eval: every result judged, one report per model, history returns the stored report', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const run = await runEval(client, { suite_id: suiteId, targets: [PRECISE, LOCAL] });
    const res = await client.post('/api/tool-eval/judge', { eval_run_id: run.run_id, judge_target: JUDGE });
    expect(res.status).toBe(202);
    const events = await follow(client, res.body.job_id);
    const types = events.map((e) => e.event);
    console.log(
      JSON.stringify(types.filter((t) => t !== 'judge_verdict')),
      JSON.stringify(ofType(events, 'judge_report')),
    );
    expect(types.at(-1)).toBe('job_completed');
    expect(ofType(events, 'judge_verdict')).toHaveLength(caseCount * 2);
  });
});
