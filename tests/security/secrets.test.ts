import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { startStack, type Stack } from '../support/stack.js';
import { DEMO_SUITE } from '../support/api.js';
import { isTerminal, openEvents, postSse, readSse } from '../support/sse.js';
import { openapi, operations, register, request } from './helpers.js';
import { freePort } from '../support/ports.js';

/**
 * A provider API key is write-only: after it is stored, the string must not appear in any API
 * response, event (SSE or WebSocket), database row, Redis key or log line. The services run as
 * their own processes (as in production) at LOG_LEVEL=debug, their output captured, so their logs
 * are checked too; the stack's in-process gateway is not used (its logger is silent).
 */

const REPO = resolve(import.meta.dirname, '..', '..');
const KEY = `sk-test-${randomBytes(12).toString('hex')}`;
/** A wrong key for the same endpoint: its calls fail with a 401, so error paths are covered too. */
const WRONG_KEY = `sk-test-wrong-${randomBytes(12).toString('hex')}`;
const MINE = { provider_key: 'mine', model_id: 'sandbox-precise' };
const MINE_JUDGE = { provider_key: 'mine', model_id: 'sandbox-judge' };

let stack: Stack;
let base: string;
let token: string;
const children: ChildProcess[] = [];
const logs: string[] = [];
/** Everything the API gave us, as text, with where it came from. */
const seen: { where: string; text: string }[] = [];
const jobIds: string[] = [];

function spawnService(service: string, extra: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=@llmbench/source', '--import', 'tsx', resolve(REPO, `services/${service}/src/main.ts`)],
    {
      cwd: REPO,
      env: { ...process.env, ...stack.env, LOG_LEVEL: 'debug', ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => logs.push(`${service}: ${chunk.toString('utf8')}`));
  children.push(child);
  return child;
}

async function get(path: string) {
  const res = await request(base, 'GET', path, { token });
  seen.push({ where: `GET ${path} (${res.status})`, text: res.text });
  return res;
}

async function streamed(path: string, body: unknown) {
  const res = await postSse(base, token, path, body, isTerminal);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.error}`);
  seen.push({ where: `SSE ${path}`, text: JSON.stringify(res.events) });
  const jobId = res.events[0]?.data.job_id as string;
  jobIds.push(jobId);
  return { jobId, events: res.events };
}

beforeAll(async () => {
  // The sandbox accepts only KEY, so a run with WRONG_KEY fails on authentication.
  stack = await startStack({
    noWorker: true,
    noTuner: true,
    noJudge: true,
    sandboxEnv: { SANDBOX_API_KEY: KEY },
  });
  const port = await freePort();
  const gateway = spawnService('gateway', { PORT: String(port), HOST: '127.0.0.1', RUN_MIGRATIONS: 'false' });
  for (const s of ['eval-worker', 'tuner-worker', 'judge-worker']) spawnService(s, { METRICS_PORT: '-1' });
  // Ready when it says so on its log (no polling).
  await new Promise<void>((ok, fail) => {
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes('gateway listening')) {
        gateway.stdout!.off('data', onData);
        ok();
      }
    };
    gateway.stdout!.on('data', onData);
    gateway.once('exit', (code) => fail(new Error(`gateway exited ${code}: ${logs.join('')}`)));
  });
  base = `http://127.0.0.1:${port}`;
}, 60_000);

afterAll(async () => {
  for (const c of children) {
    if (c.exitCode === null) {
      c.kill('SIGKILL');
      await once(c, 'exit');
    }
  }
  await stack?.close();
});

describe('provider API keys never leak', () => {
  it('appears in no response, event, row, Redis key or log line', async () => {
    const a = await register(base, 'secret'); // the first account: an admin, so admin views are checked too
    token = a.token;
    const ws = new WebSocket(`${base.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}`);
    const wsMessages: string[] = [];
    ws.on('message', (raw) => wsMessages.push(String(raw)));
    await once(ws, 'open');

    const created = await request(base, 'POST', '/api/providers', {
      token,
      body: {
        provider_key: 'mine',
        provider: 'openai_compatible',
        base_url: stack.sandboxUrl,
        api_key: KEY,
        models: [{ model_id: 'sandbox-precise' }, { model_id: 'sandbox-judge' }],
      },
    });
    seen.push({ where: 'POST /api/providers', text: created.text });
    expect([created.status, created.body.has_api_key]).toEqual([201, true]);
    const providerId = created.body.id as string;
    // A replace without api_key keeps it; the answer still does not show it.
    const put = await request(base, 'PUT', `/api/providers/${providerId}`, {
      token,
      body: {
        provider: 'openai_compatible',
        base_url: stack.sandboxUrl,
        models: [{ model_id: 'sandbox-precise' }, { model_id: 'sandbox-judge' }],
      },
    });
    seen.push({ where: 'PUT /api/providers', text: put.text });
    expect([put.status, put.body.has_api_key]).toEqual([200, true]);

    const wrong = await request(base, 'POST', '/api/providers', {
      token,
      body: {
        provider_key: 'wrong',
        provider: 'openai_compatible',
        base_url: stack.sandboxUrl,
        api_key: WRONG_KEY,
        models: [{ model_id: 'sandbox-precise' }],
      },
    });
    seen.push({ where: 'POST /api/providers (wrong key)', text: wrong.text });
    expect(wrong.status).toBe(201);

    const suite = await request(base, 'POST', '/api/tool-eval/import', { token, body: DEMO_SUITE });
    expect(suite.status).toBe(201);
    const cases = (await get(`/api/tool-suites/${suite.body.id}/cases`)).body.items.slice(0, 4);
    const caseIds = cases.map((c: { id: string }) => c.id);

    const evalRun = await streamed('/api/tool-eval', {
      suite_id: suite.body.id,
      targets: [MINE],
      case_ids: caseIds,
    });
    const complete = evalRun.events.find((e) => e.event === 'tool_eval_complete');
    expect(complete).toBeDefined();
    // The key was really used: the sandbox answered (results, not auth errors).
    expect(evalRun.events.filter((e) => e.event === 'tool_eval_result')).toHaveLength(caseIds.length);
    // The wrong key: every case fails on authentication (recorded as errors, with messages).
    const failed = await streamed('/api/tool-eval', {
      suite_id: suite.body.id,
      targets: [{ provider_key: 'wrong', model_id: 'sandbox-precise' }],
      case_ids: caseIds.slice(0, 2),
    });
    const failedResults = failed.events.filter((e) => e.event === 'tool_eval_result');
    expect(failedResults.length).toBe(2);
    expect(failedResults.every((e) => e.data.error)).toBe(true);
    const runId = complete!.data.run_id ?? evalRun.events.find((e) => e.data.run_id)?.data.run_id;
    const judge = await streamed('/api/tool-eval/judge', { eval_run_id: runId, judge_target: MINE_JUDGE });
    const reportId = judge.events.find((e) => e.data.report_id)?.data.report_id;
    const tune = await streamed('/api/tool-eval/param-tune', {
      suite_id: suite.body.id,
      targets: [MINE],
      search_space: { temperature: [0, 1] },
      case_ids: caseIds,
    });
    const promptTune = await streamed('/api/tool-eval/prompt-tune', {
      suite_id: suite.body.id,
      mode: 'quick',
      targets: [MINE],
      meta_target: MINE_JUDGE,
      case_ids: caseIds,
      config: { population_size: 3, generations: 1 },
    });
    for (const r of [evalRun, judge, tune, promptTune, failed])
      expect(r.events.at(-1)?.event).toBe('job_completed');

    // Replayed streams, every job.
    for (const id of jobIds) {
      const events = await readSse(await openEvents(base, token, id), isTerminal);
      seen.push({ where: `GET /api/jobs/${id}/events`, text: JSON.stringify(events) });
    }

    // Every GET of the OpenAPI document, with the ids of this user's resources.
    const lists = {
      evals: (await get('/api/tool-eval/history')).body.items,
      tunes: (await get('/api/tool-eval/param-tune/history')).body.items,
      prompts: (await get('/api/tool-eval/prompt-tune/history')).body.items,
      reports: (await get('/api/tool-eval/judge/reports')).body.items,
    };
    const saved = await request(base, 'POST', '/api/prompt-library', {
      token,
      body: { name: 'p', prompt: 'x' },
    });
    const share = await request(
      base,
      'POST',
      `/api/tool-eval/judge/reports/${reportId ?? lists.reports[0].id}/share`,
      {
        token,
      },
    );
    const idFor: [RegExp, string][] = [
      [/^\/api\/providers\//, providerId],
      [/^\/api\/tool-suites\//, suite.body.id],
      [/^\/api\/tool-eval\/history\//, lists.evals[0].id],
      [/^\/api\/tool-eval\/param-tune\/history\//, lists.tunes[0].id],
      [/^\/api\/tool-eval\/prompt-tune\/history\//, lists.prompts[0].id],
      [/^\/api\/tool-eval\/judge\/reports\//, lists.reports[0].id],
      [/^\/api\/prompt-library\//, saved.body.id],
      [/^\/api\/shared\//, share.body.token],
      [/^\/api\/admin\//, a.user.id],
    ];
    const spec = await openapi(base);
    seen.push({ where: 'GET /api/openapi.json', text: JSON.stringify(spec) });
    for (const { method, path } of operations(spec)) {
      if (method !== 'GET' || path.endsWith('/events')) continue;
      const jobPaths = path.startsWith('/api/jobs/') ? jobIds : [undefined];
      for (const jobId of jobPaths) {
        const id = jobId ?? idFor.find(([re]) => re.test(path))?.[1] ?? '';
        const filled = path.replace(/\{\w+\}/g, id);
        const query =
          path === '/api/tool-eval/prompt-tune/estimate' ? `?suite_id=${suite.body.id}&mode=quick` : '';
        const res = await get(filled + query);
        expect([filled, res.status]).toEqual([filled, 200]);
      }
    }
    for (const id of jobIds) await get(`/api/admin/jobs?limit=200`).then(() => get(`/api/jobs/${id}`));
    // The queue dashboard's API shows job payloads.
    for (const queue of ['eval-runs', 'eval-units', 'judge-runs', 'tune-runs'])
      for (const status of ['completed', 'failed', 'active', 'waiting'])
        await get(`/admin/queues/api/queues?activeQueue=${queue}&status=${status}&page=1&jobsPerPage=100`);
    const metrics = await fetch(`${base}/metrics`);
    seen.push({ where: 'GET /metrics', text: await metrics.text() });

    ws.close();
    await once(ws, 'close');
    expect(wsMessages.length).toBeGreaterThan(0);
    seen.push({ where: 'WebSocket', text: wsMessages.join('\n') });

    const forms = [KEY, WRONG_KEY].flatMap((k) => [
      k,
      Buffer.from(k).toString('base64'),
      Buffer.from(k).toString('hex'),
    ]);
    const leaks = seen.filter((s) => forms.some((f) => s.text.includes(f))).map((s) => s.where);
    expect(leaks).toEqual([]);

    // Postgres: every column of every table, as JSON.
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
      );
      const dbLeaks: string[] = [];
      let ciphertexts = 0;
      for (const { table_name } of tables.rows) {
        const rows = await client.query(`select * from "${table_name}"`);
        for (const row of rows.rows) {
          if (table_name === 'providers' && row.api_key_ciphertext) ciphertexts++;
          for (const [column, value] of Object.entries(row)) {
            const text = Buffer.isBuffer(value) ? value.toString('latin1') : JSON.stringify(value);
            if (text && forms.some((f) => text.includes(f))) dbLeaks.push(`${table_name}.${column}`);
          }
        }
      }
      expect(dbLeaks).toEqual([]);
      expect(ciphertexts).toBeGreaterThanOrEqual(1); // the key is stored, encrypted
    } finally {
      await client.end();
    }

    // Redis: every key of this stack's key space (job payloads, event logs, limits).
    const redis = stack.gateway.redis;
    const redisLeaks: string[] = [];
    let scanned = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${stack.redis.prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        scanned++;
        const type = await redis.type(key);
        const value =
          type === 'string'
            ? await redis.get(key)
            : type === 'hash'
              ? JSON.stringify(await redis.hgetall(key))
              : type === 'list'
                ? JSON.stringify(await redis.lrange(key, 0, -1))
                : type === 'set'
                  ? JSON.stringify(await redis.smembers(key))
                  : type === 'zset'
                    ? JSON.stringify(await redis.zrange(key, 0, -1))
                    : type === 'stream'
                      ? JSON.stringify(await redis.xrange(key, '-', '+'))
                      : '';
        if (value && forms.some((f) => value.includes(f))) redisLeaks.push(`${key} (${type})`);
      }
    } while (cursor !== '0');
    expect(scanned).toBeGreaterThan(0);
    expect(redisLeaks).toEqual([]);

    // Logs of the gateway and the workers, at debug level.
    const allLogs = logs.join('');
    // Every service wrote its lines (so the check means something), the workers about the jobs.
    for (const service of ['gateway', 'eval-worker', 'tuner-worker', 'judge-worker'])
      expect([service, allLogs.includes(`"service":"${service}"`)]).toEqual([service, true]);
    expect(jobIds.every((id) => allLogs.includes(id))).toBe(true);
    const logLeaks = allLogs.split('\n').filter((line) => forms.some((f) => line.includes(f)));
    expect(logLeaks).toEqual([]);
  });
});
