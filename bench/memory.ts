/**
 * Memory under a 10 000-result sweep: an eval of `--cases` (2 500) cases × `--targets` (4)
 * targets against the sandbox (no latency, a provider cap that never binds). Prints the RSS of
 * the gateway (this process: process.memoryUsage(); it also hosts the sandbox and the bench's SSE
 * client, which keeps no events) and of the eval-worker process (VmRSS from /proc/<pid>/status)
 * before the sweep (after a warm-up eval), at its peak (sampled every 250 ms) and after each of two
 * identical sweeps. The first sweep grows the heap to its working size (reported); the check is the
 * growth over the second one (a leak grows again) against `--bound-mb`.
 *
 *   pnpm bench:memory [--cases 2500] [--targets 4] [--bound-mb 60] [--settle-ms 3000]
 */
import { parseArgs } from 'node:util';
import { openEvents } from '../tests/support/sse.js';
import { benchStack, benchUserWithSuite } from './support.js';
import { caseIds, consumeSse, procRssMb, round, SANDBOX_MODELS, wideProvider } from './lib.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '2500' },
    targets: { type: 'string', default: '4' },
    'bound-mb': { type: 'string', default: '60' },
    sweeps: { type: 'string', default: '3' },
    'settle-ms': { type: 'string', default: '3000' },
  },
});
const BOUND_MB = Number(values['bound-mb']);
const TERMINAL = new Set(['job_completed', 'job_failed', 'job_cancelled']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const { id, stack } = await benchStack({
  noWorker: true,
  noTuner: true,
  noJudge: true,
  sandboxEnv: { SANDBOX_TTFT_MS: '0' },
});
const worker = stack.spawnWorker({ LOG_LEVEL: 'warn' });
try {
  const { client, suiteId } = await benchUserWithSuite(stack.url, id, Number(values.cases));
  const targets = await wideProvider(
    client,
    stack.sandboxUrl,
    SANDBOX_MODELS.slice(0, Number(values.targets)),
  );
  const ids = await caseIds(client, suiteId);
  const runEval = async (body: Record<string, unknown>) => {
    const accepted = await client.post('/api/tool-eval', { suite_id: suiteId, targets, ...body });
    if (accepted.status !== 202) throw new Error(`eval: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    let results = 0;
    let final = '';
    await consumeSse(await openEvents(stack.url, client.token, accepted.body.job_id), (e) => {
      if (e.event === 'tool_eval_result') results++;
      final = e.event;
      return TERMINAL.has(e.event);
    });
    return { results, final };
  };
  const rss = () => ({
    gateway: process.memoryUsage().rss / 2 ** 20,
    worker: procRssMb(worker.pid!),
  });

  // Warm-up: a small eval (every code path loaded, the worker process up), then a pause.
  await runEval({ case_ids: ids.slice(0, 20) });
  await sleep(Number(values['settle-ms']));
  const before = rss();
  const peak = { ...before };
  const sampler = setInterval(() => {
    const now = rss();
    peak.gateway = Math.max(peak.gateway, now.gateway);
    peak.worker = Math.max(peak.worker, now.worker);
  }, 250);
  const started = performance.now();
  const sweep = await runEval({ concurrency: 16 });
  const sweepS = (performance.now() - started) / 1000;
  await sleep(Number(values['settle-ms']));
  // The first sweep grows the heap to its working size (V8 keeps it); a leak shows as growth again
  // on a second identical sweep.
  let afterFirst = rss();
  let afterSecond = afterFirst;
  // With --sweeps N > 2 the check compares the last two sweeps (a leak keeps growing).
  for (let i = 1; i < Number(values.sweeps); i++) {
    afterFirst = afterSecond;
    await runEval({ concurrency: 16 });
    await sleep(Number(values['settle-ms']));
    afterSecond = rss();
  }
  clearInterval(sampler);

  const report = (k: 'gateway' | 'worker') => {
    const leak = afterSecond[k] - afterFirst[k];
    return {
      before_mb: round(before[k], 1),
      peak_mb: round(Math.max(peak[k], afterSecond[k]), 1),
      after_first_mb: round(afterFirst[k], 1),
      after_second_mb: round(afterSecond[k], 1),
      working_set_growth_mb: round(afterFirst[k] - before[k], 1),
      growth_second_sweep_mb: round(leak, 1),
      pass: leak < BOUND_MB,
    };
  };
  const gateway = report('gateway');
  const evalWorker = report('worker');
  console.log(
    JSON.stringify({
      bench: 'memory',
      results: sweep.results,
      sweep: `${ids.length} cases × ${targets.length} targets, ${values.sweeps} times`,
      sweep_s: round(sweepS),
      final_event: sweep.final,
      bound: `growth over the last of ${values.sweeps} identical sweeps < ${BOUND_MB} MB`,
      gateway,
      eval_worker: evalWorker,
      pass: gateway.pass && evalWorker.pass,
    }),
  );
} finally {
  await stack.close();
}
