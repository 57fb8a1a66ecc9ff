import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import type { Stack } from '../support/stack.js';
import { killAndReplace, startCrashStack } from '../support/crash.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { userWithDemoSuite } from '../support/api.js';
import { ofType, THREE_MODELS } from '../support/param-tune.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startCrashStack(20);
});
afterAll(async () => stack?.close());

describe('a parameter sweep survives SIGKILLed workers', () => {
  it('an eval worker and the tuner killed mid-sweep: every combination is recorded and announced exactly once', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const evalWorker = stack.spawnWorker();
    const tuner = stack.spawnWorker({}, 'tuner-worker');
    const targets = THREE_MODELS.slice(0, 2);
    const accepted = await client.post('/api/tool-eval/param-tune', {
      suite_id: suiteId,
      targets,
      search_space: { temperature: { min: 0, max: 1, step: 0.2 }, top_p: [0.9, 1], seed: [7] },
    });
    expect(accepted.status).toBe(202);
    const stream = await openEvents(stack.url, client.token, accepted.body.job_id);
    const replaced: ChildProcess[] = [];
    let results = 0;
    const events = await readSse(stream, isTerminal, (e) => {
      if (e.event !== 'combo_result') return;
      results += 1;
      if (results === 4) void killAndReplace(stack, evalWorker, 'eval-worker').then((c) => replaced.push(c));
      if (results === 10) void killAndReplace(stack, tuner, 'tuner-worker').then((c) => replaced.push(c));
    });
    expect(replaced).toHaveLength(2);
    expect(events.at(-1)!.event).toBe('job_completed');
    const combos = 12 * targets.length;
    const announced = ofType(events, 'combo_result').map((r) => r.combo_id);
    expect(announced).toHaveLength(combos);
    expect(new Set(announced).size).toBe(combos);
    expect(ofType(events, 'tune_complete')).toHaveLength(1);
    expect(ofType(events, 'tune_complete')[0]).toMatchObject({
      stop_reason: 'complete',
      calls_used: combos * caseCount,
    });

    const history = await client.get(`/api/tool-eval/param-tune/history/${accepted.body.run_id}`);
    expect(history.body).toMatchObject({ status: 'completed', completed_combos: combos });
    const rows = await stack.db.db
      .selectFrom('case_results')
      .select(['unit_key', 'case_id', 'repeat_index'])
      .where('run_id', '=', history.body.eval_run_id)
      .execute();
    expect(rows).toHaveLength(combos * caseCount);
    expect(new Set(rows.map((r) => `${r.unit_key}/${r.case_id}/${r.repeat_index}`)).size).toBe(
      combos * caseCount,
    );
  }, 120_000);
});
