/**
 * Many users at once: `--users` users each submit `--jobs` small evals at the same moment. Every
 * user has the default per-user slot limit (1), so each user's jobs queue behind each other while
 * different users' jobs run side by side (one eval-worker process). Prints the total time, the
 * queue wait (created_at → started_at, from GET /api/jobs) p50/p95/max, whether every job ended
 * `completed`, and whether the per-user slot limit held: for each user, no two jobs'
 * [started_at, finished_at] intervals overlap.
 *
 *   pnpm bench:multi-user [--users 50] [--jobs 3] [--cases 5] [--latency-ms 20]
 */
import { parseArgs } from 'node:util';
import { openEvents } from '../tests/support/sse.js';
import { benchStack, benchUserWithSuite } from './support.js';
import { consumeSse, distribution, round, until, type Client } from './lib.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    jobs: { type: 'string', default: '3' },
    cases: { type: 'string', default: '5' },
    'latency-ms': { type: 'string', default: '20' },
  },
});
const USERS = Number(values.users);
const JOBS = Number(values.jobs);
const TERMINAL_STATUS = new Set(['completed', 'failed', 'cancelled']);

type Job = {
  id: string;
  status: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};

const { id, stack } = await benchStack({
  noWorker: true,
  sandboxEnv: { SANDBOX_TTFT_MS: values['latency-ms'] },
});
stack.spawnWorker({ LOG_LEVEL: 'warn' });
try {
  const users: { client: Client; suiteId: string }[] = [];
  // The gateway limits registrations per address; all bench users come from 127.0.0.1, so the
  // bench clears that counter (in its own key space) before each registration.
  const registerCounters = `${stack.env.REDIS_PREFIX}:rl:register-ip:*`;
  const register = async (name: string, cases: number) => {
    const keys = await stack.gateway.redis.keys(registerCounters);
    if (keys.length) await stack.gateway.redis.del(...keys);
    const user = await benchUserWithSuite(stack.url, name, cases);
    if (!user.client.token) throw new Error(`registration of ${name} failed`);
    return user;
  };
  for (let u = 0; u < USERS; u++) users.push(await register(`${id}-${u}`, Number(values.cases)));
  const targets = [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }];
  // Warm-up on a user of its own, which also waits until the worker process is up.
  const warmUser = await register(`${id}-warm`, 1);
  const warm = await warmUser.client.post('/api/tool-eval', { suite_id: warmUser.suiteId, targets });
  await consumeSse(await openEvents(stack.url, warmUser.client.token, warm.body.job_id), (e) =>
    ['job_completed', 'job_failed', 'job_cancelled'].includes(e.event),
  );

  const started = performance.now();
  const submitted = await Promise.all(
    users.flatMap(({ client, suiteId }) =>
      Array.from({ length: JOBS }, () => client.post('/api/tool-eval', { suite_id: suiteId, targets })),
    ),
  );
  const rejected = submitted.filter((r) => r.status !== 202);
  if (rejected.length)
    throw new Error(`${rejected.length} submissions rejected: ${JSON.stringify(rejected[0])}`);

  // Every user's jobs, once all of them have ended.
  const jobsOf = async (client: Client) => (await client.get(`/api/jobs?limit=50`)).body.items as Job[];
  const all = await until(
    async () => {
      const lists = await Promise.all(users.map((u) => jobsOf(u.client)));
      return lists.every((l) => l.length === JOBS && l.every((j) => TERMINAL_STATUS.has(j.status)))
        ? lists
        : undefined;
    },
    600_000,
    500,
  );
  const wallS = (performance.now() - started) / 1000;

  const jobs = all.flat();
  const t = (s: string | null) => (s ? Date.parse(s) : Number.NaN);
  const waits = jobs.map((j) => (t(j.started_at) - t(j.created_at)) / 1000);
  let overlaps = 0;
  for (const list of all) {
    const sorted = [...list].sort((a, b) => t(a.started_at) - t(b.started_at));
    for (let i = 1; i < sorted.length; i++)
      if (t(sorted[i]!.started_at) < t(sorted[i - 1]!.finished_at)) overlaps++;
  }
  const statuses: Record<string, number> = {};
  for (const j of jobs) statuses[j.status] = (statuses[j.status] ?? 0) + 1;
  const firstCreated = Math.min(...jobs.map((j) => t(j.created_at)));
  const lastFinished = Math.max(...jobs.map((j) => t(j.finished_at)));
  const runS = jobs.map((j) => (t(j.finished_at) - t(j.started_at)) / 1000);
  console.log(
    JSON.stringify({
      bench: 'multi-user-load',
      users: USERS,
      jobs: jobs.length,
      cases_per_job: Number(values.cases),
      latency_ms: Number(values['latency-ms']),
      wall_s: round(wallS),
      total_s: round((lastFinished - firstCreated) / 1000),
      queue_wait_s: distribution(waits, 2),
      run_s: distribution(runS, 2),
      statuses,
      all_completed: statuses.completed === USERS * JOBS,
      slot_overlaps: overlaps,
      per_user_slots_respected: overlaps === 0,
    }),
  );
} finally {
  await stack.close();
}
