import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { userWithDemoSuite } from '../support/api.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { ofType } from '../support/param-tune.js';
import { freePort } from '../support/ports.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ noWorker: true, sandboxEnv: { SANDBOX_TTFT_MS: '20' } });
});
afterAll(async () => stack?.close());

/** Eval units one worker process completed, from its own /metrics (waits until it serves). */
async function unitsDone(port: number): Promise<number> {
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => undefined);
    if (res?.ok) {
      const line = (await res.text())
        .split('\n')
        .find(
          (l) =>
            l.startsWith('lbs_jobs_total{') &&
            l.includes('type="eval-unit"') &&
            l.includes('status="completed"'),
        );
      return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('scale-out', () => {
  it('a second eval-worker process shares the sweep, and the results are identical', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const body = {
      suite_id: suiteId,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
      search_space: { temperature: { min: 0, max: 1, step: 0.1 }, seed: [7] },
    };
    const sweep = async () => {
      const accepted = await client.post('/api/tool-eval/param-tune', body);
      const events = await readSse(
        await openEvents(stack.url, client.token, accepted.body.job_id),
        isTerminal,
      );
      expect(events.at(-1)!.event).toBe('job_completed');
      return ofType(events, 'combo_result')
        .map((r) => `${r.config.temperature}=${r.overall_score}`)
        .sort();
    };
    const [portA, portB] = [await freePort(), await freePort()];
    stack.spawnWorker({ METRICS_PORT: String(portA), EVAL_UNIT_CONCURRENCY: '2' });
    await unitsDone(portA);
    const alone = await sweep();
    const byA = await unitsDone(portA);
    expect(byA).toBe(11);

    stack.spawnWorker({ METRICS_PORT: String(portB), EVAL_UNIT_CONCURRENCY: '2' });
    await unitsDone(portB);
    const together = await sweep();
    expect(together).toEqual(alone);
    // Both processes took units of the second sweep.
    expect((await unitsDone(portA)) - byA).toBeGreaterThan(0);
    expect(await unitsDone(portB)).toBeGreaterThan(0);
    expect((await unitsDone(portA)) - byA + (await unitsDone(portB))).toBe(11);
  }, 120_000);
});
