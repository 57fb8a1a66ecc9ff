/**
 * Takes a screenshot of the admin queue dashboard with headless Chromium, as an admin sees it
 * after a few jobs ran: `pnpm screenshot:dashboard [--out docs/admin-dashboard.png]`.
 * Needs a `chromium` (or CHROMIUM=path) binary; the stack runs in-process on fresh data.
 */
import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createDatabase, createKeySpace } from '@llmbench/testing';
import { startStack } from '../tests/support/stack.js';
import { api, DEMO_SUITE } from '../tests/support/api.js';
import { isTerminal, openEvents, readSse } from '../tests/support/sse.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/admin-dashboard.png' } } });
const id = randomBytes(4).toString('hex');
const db = await createDatabase({
  adminUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  name: `lbs_shot_${id}`,
});
const redis = createKeySpace(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', `lbs-shot:${id}`);
const stack = await startStack({ infra: { db, redis } });
try {
  const reg = await api(stack.url).post('/api/auth/register', {
    email: `admin-${id}@llmbench.local`,
    password: 'dashboard-admin',
  });
  const admin = api(stack.url, reg.body.access_token);
  const suite = await admin.post('/api/tool-eval/import', DEMO_SUITE);
  const targets = ['sandbox-precise', 'sandbox-local-7b'].map((model_id) => ({
    provider_key: 'sandbox',
    model_id,
  }));
  const run = await admin.post('/api/tool-eval', { suite_id: suite.body.id, targets });
  await readSse(await openEvents(stack.url, admin.token, run.body.job_id), isTerminal);
  const tune = await admin.post('/api/tool-eval/param-tune', {
    suite_id: suite.body.id,
    targets,
    search_space: { temperature: [0, 0.5, 1] },
  });
  await readSse(await openEvents(stack.url, admin.token, tune.body.job_id), isTerminal);
  const url = `${stack.url}/admin/queues/queue/eval-units?token=${encodeURIComponent(admin.token)}`;
  // Asynchronously: the gateway runs in this process and must keep serving Chromium's requests.
  await promisify(execFile)(
    process.env.CHROMIUM ?? 'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--virtual-time-budget=5000',
      '--window-size=1400,900',
      `--screenshot=${values.out}`,
      url,
    ],
    { timeout: 60_000 },
  );
  console.log(JSON.stringify({ screenshot: values.out, bytes: statSync(values.out).size }));
} finally {
  await stack.close();
}
