/**
 * Does a parameter sweep scale with eval workers? The same grid sweep (combinations as eval units)
 * runs with 1 and then 2 eval-worker processes, each allowed `--unit-concurrency` units at once,
 * against the sandbox at a fixed latency and a provider cap high enough not to bind — so the LLM's
 * latency times the workers' in-flight capacity is the bottleneck. Prints wall time per run and
 * the speed-up (ideal: 2).
 *
 *   pnpm bench:tune-scaling [--combos 24] [--cases 10] [--latency-ms 100] [--unit-concurrency 2]
 */
import { parseArgs } from 'node:util';
import { isTerminal, openEvents, readSse } from '../tests/support/sse.js';
import { benchStack, benchUserWithSuite } from './support.js';

const { values } = parseArgs({
  options: {
    combos: { type: 'string', default: '24' },
    cases: { type: 'string', default: '10' },
    'latency-ms': { type: 'string', default: '100' },
    'unit-concurrency': { type: 'string', default: '2' },
  },
});
const combos = Number(values.combos);
const temperatures = Array.from({ length: combos }, (_, i) => Math.round((i / combos) * 1e4) / 1e4);

async function sweep(workers: number) {
  const { id, stack } = await benchStack({
    noWorker: true,
    sandboxEnv: { SANDBOX_TTFT_MS: values['latency-ms'] },
  });
  try {
    for (let i = 0; i < workers; i++)
      stack.spawnWorker({ LOG_LEVEL: 'warn', EVAL_UNIT_CONCURRENCY: values['unit-concurrency'] });
    const { client, suiteId } = await benchUserWithSuite(stack.url, id, Number(values.cases));
    // A provider whose cap (64 in flight) never binds: the workers' capacity does.
    await client.post('/api/providers', {
      provider_key: 'wide',
      provider: 'sandbox',
      base_url: stack.sandboxUrl,
      max_concurrency: 64,
      models: [{ model_id: 'sandbox-precise' }],
    });
    const targets = [{ provider_key: 'wide', model_id: 'sandbox-precise' }];
    // Warm-up: a one-combination tune, which also waits until the worker processes are up.
    const warm = await client.post('/api/tool-eval/param-tune', {
      suite_id: suiteId,
      targets,
      search_space: { temperature: [0] },
    });
    await readSse(await openEvents(stack.url, client.token, warm.body.job_id), isTerminal);
    const started = performance.now();
    const accepted = await client.post('/api/tool-eval/param-tune', {
      suite_id: suiteId,
      targets,
      // A fixed sandbox seed: the two runs must score every combination identically.
      search_space: { temperature: temperatures, seed: [7] },
    });
    const events = await readSse(await openEvents(stack.url, client.token, accepted.body.job_id), isTerminal);
    const wallS = (performance.now() - started) / 1000;
    const results = events.filter((e) => e.event === 'combo_result').map((e) => e.data);
    const scores = results
      .map((r) => `${r.config.temperature}:${r.overall_score}`)
      .sort()
      .join(',');
    return {
      workers,
      combos: results.length,
      wall_s: +wallS.toFixed(2),
      final_event: events.at(-1)?.event,
      scores,
    };
  } finally {
    await stack.close();
  }
}

const one = await sweep(1);
const two = await sweep(2);
for (const { scores: _s, ...run } of [one, two])
  console.log(JSON.stringify({ bench: 'tune-scaling', ...run }));
console.log(
  JSON.stringify({
    bench: 'tune-scaling',
    speedup_2_workers: +(one.wall_s / two.wall_s).toFixed(2),
    ideal: 2,
    identical_results: one.scores === two.scores,
  }),
);
