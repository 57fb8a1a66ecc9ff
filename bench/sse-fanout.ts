/**
 * SSE fan-out: `--subscribers` clients stream one run's events (GET /api/jobs/{id}/events) while
 * the run publishes as fast as it can (many cases, several targets, no sandbox latency, a high
 * unit concurrency, a provider cap that never binds). Prints the run's event rate, the delivery
 * latency (receipt time − the event's `ts`, stamped by the bus when it publishes) p50/p99, the
 * events each subscriber got, and whether every subscriber got the same id sequence, strictly
 * increasing and equal to the job's stored log (nothing lost, nothing reordered).
 * `run_rate_target_met` says whether the run published at least 500 events/s (on a small, busy
 * host the worker, gateway and subscribers compete for the same cores and it may not).
 *
 * So that subscribers see the run live rather than replayed, the measured job is submitted behind
 * a blocker job of the same user (per-user slot limit 1): it waits queued until every subscriber
 * is connected, then the blocker is cancelled. Events stamped before a subscriber connected
 * (job_created/job_queued, replayed on connect) are left out of the latency figures.
 * Subscribers run in this process, alongside the gateway (the eval worker is its own process).
 *
 *   pnpm bench:sse-fanout [--subscribers 100] [--cases 1500] [--targets 4] [--unit-concurrency 16]
 */
import { parseArgs } from 'node:util';
import { openEvents } from '../tests/support/sse.js';
import { benchStack, benchUserWithSuite } from './support.js';
import {
  caseIds,
  compareEventIds,
  consumeSse,
  maxOf,
  minOf,
  distribution,
  round,
  SANDBOX_MODELS,
  wideProvider,
} from './lib.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '100' },
    cases: { type: 'string', default: '1500' },
    targets: { type: 'string', default: '4' },
    'unit-concurrency': { type: 'string', default: '16' },
  },
});
const SUBSCRIBERS = Number(values.subscribers);
const TERMINAL = new Set(['job_completed', 'job_failed', 'job_cancelled']);

const { id, stack } = await benchStack({ noWorker: true, sandboxEnv: { SANDBOX_TTFT_MS: '0' } });
stack.spawnWorker({ LOG_LEVEL: 'warn' });
try {
  const { client, suiteId } = await benchUserWithSuite(stack.url, id, Number(values.cases));
  const targets = await wideProvider(
    client,
    stack.sandboxUrl,
    SANDBOX_MODELS.slice(0, Number(values.targets)),
  );
  const ids = await caseIds(client, suiteId);
  // Warm-up: a one-case eval, which also waits until the worker process is up.
  const warm = await client.post('/api/tool-eval', { suite_id: suiteId, targets, case_ids: [ids[0]] });
  await consumeSse(await openEvents(stack.url, client.token, warm.body.job_id), (e) => TERMINAL.has(e.event));

  // The blocker holds the user's only slot; the measured run queues behind it.
  const blocker = await client.post('/api/tool-eval', {
    suite_id: suiteId,
    targets: targets.slice(0, 1),
    concurrency: 1,
  });
  const run = await client.post('/api/tool-eval', {
    suite_id: suiteId,
    targets,
    concurrency: Number(values['unit-concurrency']),
  });
  if (run.status !== 202) throw new Error(`eval: ${run.status} ${JSON.stringify(run.body)}`);
  const jobId = run.body.job_id as string;

  type Sub = { ids: string[]; latencies: number[]; replayed: number; final: string; ts: number[] };
  const subs: Sub[] = [];
  const connected: Promise<void>[] = [];
  const done: Promise<number>[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const sub: Sub = { ids: [], latencies: [], replayed: 0, final: '', ts: [] };
    subs.push(sub);
    const res = openEvents(stack.url, client.token, jobId);
    connected.push(res.then(() => undefined));
    done.push(
      res.then((r) => {
        const connectedAt = Date.now();
        return consumeSse(r, (e, receivedAt) => {
          sub.ids.push(e.id);
          const ts = Date.parse(e.data.ts);
          sub.ts.push(ts);
          if (ts < connectedAt) sub.replayed++;
          else sub.latencies.push(receivedAt - ts);
          sub.final = e.event;
          return TERMINAL.has(e.event);
        });
      }),
    );
  }
  await Promise.all(connected);
  const cancel = await client.post(`/api/jobs/${blocker.body.job_id}/cancel`);
  if (cancel.status >= 300) throw new Error(`cancel: ${cancel.status} ${JSON.stringify(cancel.body)}`);
  await Promise.all(done);

  // The stored log, replayed from the start once the run has ended.
  const log: string[] = [];
  await consumeSse(await openEvents(stack.url, client.token, jobId), (e) => {
    log.push(e.id);
    return TERMINAL.has(e.event);
  });

  const reference = subs[0]!.ids;
  const sameSequence = subs.every(
    (s) => s.ids.length === reference.length && s.ids.every((x, i) => x === reference[i]),
  );
  const strictlyIncreasing = subs.every((s) =>
    s.ids.every((x, i) => i === 0 || compareEventIds(s.ids[i - 1]!, x) < 0),
  );
  const matchesLog = log.length === reference.length && log.every((x, i) => x === reference[i]);
  const latencies = subs.flatMap((s) => s.latencies);
  const first = subs[0]!;
  const spanS = (maxOf(first.ts) - minOf(first.ts.slice(first.replayed))) / 1000;
  const perSub = subs.map((s) => s.ids.length);
  console.log(
    JSON.stringify({
      bench: 'sse-fanout',
      subscribers: SUBSCRIBERS,
      targets: targets.length,
      cases: ids.length,
      events_per_subscriber: { min: Math.min(...perSub), max: Math.max(...perSub) },
      run_events_per_s: round((first.ids.length - first.replayed) / spanS, 1),
      run_rate_target_met: (first.ids.length - first.replayed) / spanS >= 500,
      delivered_per_s: round(perSub.reduce((a, b) => a + b, 0) / spanS, 0),
      delivery_latency_ms: distribution(latencies, 0),
      latency_samples: latencies.length,
      replayed_per_subscriber_max: Math.max(...subs.map((s) => s.replayed)),
      same_sequence_all_subscribers: sameSequence,
      strictly_increasing: strictlyIncreasing,
      matches_stored_log: matchesLog,
      no_loss_no_reorder: sameSequence && strictlyIncreasing && matchesLog,
      final_events: [...new Set(subs.map((s) => s.final))],
    }),
  );
} finally {
  await stack.close();
}
