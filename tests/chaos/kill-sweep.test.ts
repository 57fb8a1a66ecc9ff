import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import type { Stack } from '../support/stack.js';
import { killAndReplace, startCrashStack } from '../support/crash.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { userWithDemoSuite } from '../support/api.js';
import { ofType, THREE_MODELS } from '../support/param-tune.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startCrashStack(15);
});
afterAll(async () => stack?.close());

describe('chaos: workers killed during a parameter sweep', () => {
  it('three SIGKILLed eval workers and a SIGKILLed tuner: every (combination, model, case) result exists exactly once', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    let evalWorker = stack.spawnWorker();
    let tuner = stack.spawnWorker({}, 'tuner-worker');
    const targets = THREE_MODELS.slice(0, 2);
    const accepted = await client.post('/api/tool-eval/param-tune', {
      suite_id: suiteId,
      targets,
      strategy: 'halving',
      search_space: { temperature: { min: 0, max: 1, step: 0.2 }, top_p: [0.8, 0.9, 1], seed: [7] },
    });
    expect(accepted.status).toBe(202);
    let results = 0;
    const kills: string[] = [];
    const replace = (child: ChildProcess, service: 'eval-worker' | 'tuner-worker') => {
      kills.push(service);
      return killAndReplace(stack, child, service);
    };
    const events = await readSse(
      await openEvents(stack.url, client.token, accepted.body.job_id),
      isTerminal,
      (e) => {
        if (e.event !== 'combo_result') return;
        results++;
        // Halving runs several rungs: the tuner dies between batches, eval workers within them.
        if ([3, 12, 30].includes(results))
          void replace(evalWorker, 'eval-worker').then((c) => (evalWorker = c));
        if (results === 20) void replace(tuner, 'tuner-worker').then((c) => (tuner = c));
      },
    );
    expect(kills).toEqual(['eval-worker', 'eval-worker', 'tuner-worker', 'eval-worker']);
    expect(events.at(-1)!.event).toBe('job_completed');
    const announced = ofType(events, 'combo_result').map((r) => `${r.combo_id}@${r.rung}`);
    expect(new Set(announced).size).toBe(announced.length);
    const complete = ofType(events, 'tune_complete')[0];

    const history = await client.get(`/api/tool-eval/param-tune/history/${accepted.body.run_id}`);
    const rows = await stack.db.db
      .selectFrom('case_results')
      .select(['unit_key', 'case_id', 'repeat_index'])
      .where('run_id', '=', history.body.eval_run_id)
      .execute();
    const keys = rows.map((r) => `${r.unit_key}/${r.case_id}/${r.repeat_index}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The calls the tune counted are exactly the results stored: nothing lost, nothing twice.
    expect(rows.length).toBe(complete.calls_used);
    // Survivors of the last rung ran every case.
    for (const best of complete.best_config) {
      const unit = `combo:${best.combo_id}`;
      expect(rows.filter((r) => r.unit_key === unit)).toHaveLength(caseCount);
    }
  }, 180_000);
});
