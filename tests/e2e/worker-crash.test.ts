import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { startStack, type Stack } from '../support/stack.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { userWithDemoSuite } from '../support/api.js';

// Worker processes as production runs them, with short locks so a dead worker's jobs are
// recovered within seconds.
const FAST_RECOVERY = { JOB_LOCK_MS: '2000', JOB_STALLED_INTERVAL_MS: '1000' };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    noWorker: true,
    sandboxEnv: { SANDBOX_TTFT_MS: '60' },
    workerEnv: FAST_RECOVERY,
  });
});
afterAll(async () => stack?.close());

describe('a worker killed with SIGKILL mid-eval', () => {
  it('the eval still completes with every result exactly once', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const targets = ['sandbox-precise', 'sandbox-creative'].map((model_id) => ({
      provider_key: 'sandbox',
      model_id,
    }));
    const first = stack.spawnWorker();
    const accepted = await client.post('/api/tool-eval', { suite_id: suiteId, targets, concurrency: 2 });
    const stream = await openEvents(stack.url, client.token, accepted.body.job_id);
    let seen = 0;
    let replacement: ReturnType<Stack['spawnWorker']> | undefined;
    const events = await readSse(stream, isTerminal, (e) => {
      if (e.event === 'tool_eval_result' && ++seen === 10) {
        first.kill('SIGKILL');
        void once(first, 'exit').then(() => {
          replacement = stack.spawnWorker();
        });
      }
    });
    expect(replacement).toBeDefined();
    expect(events.at(-1)!.event).toBe('job_completed');
    const total = caseCount * targets.length;
    const rows = await stack.db.db
      .selectFrom('case_results')
      .select(['case_id', 'model_id', 'repeat_index'])
      .where('run_id', '=', accepted.body.run_id)
      .execute();
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => `${r.model_id}/${r.case_id}/${r.repeat_index}`)).size).toBe(total);
    // Each result was announced once, even across the crash.
    const announced = events
      .filter((e) => e.event === 'tool_eval_result')
      .map((e) => `${e.data.model_id}/${e.data.case_id}/${e.data.repeat_index}`);
    expect(new Set(announced).size).toBe(announced.length);
    expect(announced).toHaveLength(total);
    const history = await client.get(`/api/tool-eval/history/${accepted.body.run_id}`);
    expect(history.body.summary.targets.map((t: { summary: { runs: number } }) => t.summary.runs)).toEqual([
      caseCount,
      caseCount,
    ]);
  }, 120_000);
});
