/**
 * Eval throughput through the whole stack: gateway → BullMQ → eval worker → sandbox LLM at a
 * fixed latency → Postgres → SSE. Prints calls/s and the ratio to the ideal
 * (N × latency / concurrency), where concurrency is the provider's in-flight cap.
 *
 *   pnpm bench [--cases 100] [--targets 4] [--latency-ms 50] [--unit-concurrency 2]
 */
import { parseArgs } from 'node:util';
import { benchStack, benchUserWithSuite } from './support.js';
import { isTerminal, openEvents, readSse } from '../tests/support/sse.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100' },
    targets: { type: 'string', default: '4' },
    'latency-ms': { type: 'string', default: '50' },
    'unit-concurrency': { type: 'string', default: '2' },
  },
});
const cases = Number(values.cases);
const targetCount = Number(values.targets);
const latencyMs = Number(values['latency-ms']);
const unitConcurrency = Number(values['unit-concurrency']);
const PROVIDER_CAP = 8; // the sandbox provider's max_concurrency for every new user

// The eval worker runs as its own process, as in production; gateway and sandbox share this one.
const { id, stack } = await benchStack({
  noWorker: true,
  sandboxEnv: { SANDBOX_TTFT_MS: String(latencyMs) },
});
stack.spawnWorker({ LOG_LEVEL: 'warn' });
try {
  const { client, suiteId } = await benchUserWithSuite(stack.url, id, cases);
  const models = [
    'sandbox-precise',
    'sandbox-creative',
    'sandbox-local-7b',
    'sandbox-judge',
    'sandbox-flaky',
  ].slice(0, targetCount);
  const targets = models.map((model_id) => ({ provider_key: 'sandbox', model_id }));
  // Warm-up: one small eval, which also waits until the worker process is up.
  const warm = await client.post('/api/tool-eval', {
    suite_id: suiteId,
    targets: targets.slice(0, 1),
    case_ids: undefined,
    concurrency: 1,
  });
  await readSse(await openEvents(stack.url, client.token, warm.body.job_id), isTerminal);
  const started = performance.now();
  const accepted = await client.post('/api/tool-eval', {
    suite_id: suiteId,
    targets,
    concurrency: unitConcurrency,
  });
  const events = await readSse(await openEvents(stack.url, client.token, accepted.body.job_id), isTerminal);
  const wallS = (performance.now() - started) / 1000;
  const n = events.filter((e) => e.event === 'tool_eval_result').length;
  const concurrency = Math.min(PROVIDER_CAP, unitConcurrency * targets.length);
  const idealS = (n * latencyMs) / 1000 / concurrency;
  console.log(
    JSON.stringify({
      bench: 'eval-throughput',
      calls: n,
      latency_ms: latencyMs,
      concurrency,
      wall_s: +wallS.toFixed(2),
      calls_per_s: +(n / wallS).toFixed(1),
      ideal_s: +idealS.toFixed(2),
      ratio_to_ideal: +(idealS / wallS).toFixed(3),
      final_event: events.at(-1)?.event,
    }),
  );
} finally {
  await stack.close();
}
