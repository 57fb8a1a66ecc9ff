/**
 * Eval throughput through the whole stack: gateway → BullMQ → eval worker process → sandbox LLM
 * at a fixed latency → Postgres → SSE. N = cases × targets eval calls. Prints calls/s, the ratio
 * to the ideal (N × latency / concurrency, where concurrency is the provider's in-flight cap or
 * the units' own limit, whichever binds) and the ratio to a bare openai-SDK loop: the same N
 * requests at the same concurrency straight to the same sandbox (no queue, no DB, no SSE),
 * measured in this same run.
 *
 * Per-call overhead is reported two ways:
 * - `overhead_stored_ms`: p50/p95 of each stored result's `latency_ms` (case_results, measured
 *   by the worker's LLM client around the HTTP call) minus the sandbox's fixed latency — the
 *   client/HTTP/sandbox cost of one call, without queueing;
 * - `overhead_wall_ms_per_call`: wall time × concurrency / N minus the fixed latency — the
 *   pipeline's mean cost per call slot (queue, DB writes, SSE, scheduling gaps included).
 *
 *   pnpm bench [--cases 100] [--targets 4] [--latency-ms 50] [--unit-concurrency 2] [--skip-bare]
 *
 * `pnpm bench --cases 5000 --targets 1 --unit-concurrency 8` is N = 5 000 calls at 8 in flight.
 */
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import pg from 'pg';
import { benchStack, benchUserWithSuite } from './support.js';
import { caseIds, consumeSse, quantile, round } from './lib.js';
import { openEvents } from '../tests/support/sse.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100' },
    targets: { type: 'string', default: '4' },
    'latency-ms': { type: 'string', default: '50' },
    'unit-concurrency': { type: 'string', default: '2' },
    'skip-bare': { type: 'boolean', default: false },
  },
});
const cases = Number(values.cases);
const targetCount = Number(values.targets);
const latencyMs = Number(values['latency-ms']);
const unitConcurrency = Number(values['unit-concurrency']);
const PROVIDER_CAP = 8; // the sandbox provider's max_concurrency for every new user
const TERMINAL = new Set(['job_completed', 'job_failed', 'job_cancelled']);

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
  // Warm-up: a one-case eval, which also waits until the worker process is up.
  const [firstCase] = await caseIds(client, suiteId);
  const warm = await client.post('/api/tool-eval', {
    suite_id: suiteId,
    targets: targets.slice(0, 1),
    case_ids: [firstCase],
    concurrency: 1,
  });
  await consumeSse(await openEvents(stack.url, client.token, warm.body.job_id), (e) => TERMINAL.has(e.event));

  const started = performance.now();
  const accepted = await client.post('/api/tool-eval', {
    suite_id: suiteId,
    targets,
    concurrency: unitConcurrency,
  });
  if (accepted.status !== 202) throw new Error(`eval: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  let n = 0;
  let finalEvent = '';
  await consumeSse(await openEvents(stack.url, client.token, accepted.body.job_id), (e) => {
    if (e.event === 'tool_eval_result') n++;
    finalEvent = e.event;
    return TERMINAL.has(e.event);
  });
  const wallS = (performance.now() - started) / 1000;
  const concurrency = Math.min(PROVIDER_CAP, unitConcurrency * targets.length);
  const idealS = (n * latencyMs) / 1000 / concurrency;

  // Stored per-call latency (ms, rounded by the worker) of this run's results.
  const db = new pg.Client({ connectionString: stack.db.url });
  await db.connect();
  const stored = (
    await db.query<{ latency_ms: number }>(
      'select latency_ms from case_results where run_id = $1 and latency_ms is not null',
      [accepted.body.run_id],
    )
  ).rows.map((r) => r.latency_ms - latencyMs);
  await db.end();

  const gateway = {
    calls: n,
    stored_results: stored.length,
    wall_s: round(wallS),
    calls_per_s: round(n / wallS, 1),
    ideal_s: round(idealS),
    ratio_to_ideal: round(idealS / wallS, 3),
    overhead_stored_ms: { p50: quantile(stored, 0.5), p95: quantile(stored, 0.95) },
    overhead_wall_ms_per_call: round((wallS * 1000 * concurrency) / Math.max(1, n) - latencyMs, 2),
  };

  // The bare loop: the openai SDK straight to the sandbox, same requests, same concurrency.
  let bare: Record<string, unknown> | undefined;
  let ratioToBare: number | undefined;
  if (!values['skip-bare']) {
    const sdk = new OpenAI({ baseURL: stack.sandboxUrl, apiKey: 'bench', maxRetries: 0 });
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'get_weather',
          description: 'Weather for a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      },
    ];
    const call = (i: number) =>
      sdk.chat.completions.create({
        model: models[i % models.length]!,
        messages: [{ role: 'user', content: `What is the weather in Paris number ${i % cases}?` }],
        tools,
        tool_choice: 'required',
        temperature: 0,
      });
    await call(0); // warm-up (connection, JIT)
    const latencies: number[] = [];
    let next = 0;
    const bareStarted = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const i = next++;
          const t0 = performance.now();
          await call(i);
          latencies.push(performance.now() - t0 - latencyMs);
        }
      }),
    );
    const bareS = (performance.now() - bareStarted) / 1000;
    bare = {
      calls: latencies.length,
      wall_s: round(bareS),
      calls_per_s: round(latencies.length / bareS, 1),
      ratio_to_ideal: round(idealS / bareS, 3),
      overhead_ms: { p50: round(quantile(latencies, 0.5)), p95: round(quantile(latencies, 0.95)) },
    };
    ratioToBare = round(n / wallS / (latencies.length / bareS), 3);
  }
  console.log(
    JSON.stringify({
      bench: 'eval-throughput',
      latency_ms: latencyMs,
      concurrency,
      targets: targets.length,
      ...gateway,
      ratio_to_bare: ratioToBare,
      final_event: finalEvent,
      overhead_method:
        'overhead_stored_ms = stored case_results.latency_ms - fixed latency; overhead_wall_ms_per_call = wall_s*concurrency/N - fixed latency',
      bare_openai: bare,
    }),
  );
} finally {
  await stack.close();
}
