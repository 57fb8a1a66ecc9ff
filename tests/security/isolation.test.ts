import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { randomBytes, randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { startStack, type Stack } from '../support/stack.js';
import { DEMO_SUITE } from '../support/api.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { hasErrorShape, openapi, operations, register, request, type Raw } from './helpers.js';

/**
 * Isolation matrix: user A owns one of each resource; user B (a fresh, ordinary account) sends
 * every id-taking request with A's ids and must get 404 — the same answer as for an id that does
 * not exist — and A's resources must be unchanged afterwards.
 */

const PRECISE = { provider_key: 'sandbox', model_id: 'sandbox-precise' };
const JUDGE = { provider_key: 'sandbox', model_id: 'sandbox-judge' };

type Ids = {
  provider: string;
  suite: string;
  case: string;
  evalRun: string;
  evalJob: string;
  paramTune: string;
  paramJob: string;
  promptTune: string;
  promptJob: string;
  judgeReport: string;
  judgeJob: string;
  preset: string;
  prompt: string;
  apiToken: string;
  /** A's eval that is not finished (the eval workers are paused): queued or running. */
  queuedJob: string;
  user: string;
  /** B's own suite, to mix A's ids into otherwise valid requests of B. */
  bSuite: string;
  /** A link token nobody was given. */
  guessedShareToken: string;
  /** The link A shared: it must survive B's attempts to revoke it. */
  shareToken: string;
};
type IdName = keyof Ids;

type Row = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template; `{name}` is replaced by `ids[params[name]]`. */
  path: string;
  params?: Record<string, IdName>;
  query?: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  headers?: Record<string, string>;
  /** Default 404; admin-only routes answer B 403 before looking at ids. */
  expect?: number;
  note?: string;
};

const suiteDoc = { name: 'hijacked', description: '', system_prompt: '', tools: [] };
const caseDoc = { prompt: 'hijacked', expected_tool: null };

// One line per request. Rows whose path has `{…}` params must cover every such OpenAPI operation.
const MATRIX: Row[] = [
  { method: 'DELETE', path: '/api/auth/tokens/{id}', params: { id: 'apiToken' } },
  { method: 'GET', path: '/api/providers/{id}', params: { id: 'provider' } },
  {
    method: 'PUT',
    path: '/api/providers/{id}',
    params: { id: 'provider' },
    body: () => ({ provider: 'sandbox', api_key: null, models: [] }),
  },
  { method: 'DELETE', path: '/api/providers/{id}', params: { id: 'provider' } },
  { method: 'GET', path: '/api/tool-suites/{id}', params: { id: 'suite' } },
  { method: 'PUT', path: '/api/tool-suites/{id}', params: { id: 'suite' }, body: () => suiteDoc },
  { method: 'PATCH', path: '/api/tool-suites/{id}', params: { id: 'suite' }, body: () => ({ name: 'x' }) },
  { method: 'DELETE', path: '/api/tool-suites/{id}', params: { id: 'suite' } },
  { method: 'GET', path: '/api/tool-suites/{id}/cases', params: { id: 'suite' } },
  { method: 'POST', path: '/api/tool-suites/{id}/cases', params: { id: 'suite' }, body: () => caseDoc },
  {
    method: 'POST',
    path: '/api/tool-suites/{id}/cases',
    params: { id: 'suite' },
    body: () => ({ cases: [caseDoc] }),
  },
  {
    method: 'PUT',
    path: '/api/tool-suites/{id}/cases/{case_id}',
    params: { id: 'suite', case_id: 'case' },
    body: () => caseDoc,
  },
  {
    method: 'PUT',
    path: '/api/tool-suites/{id}/cases/{case_id}',
    params: { id: 'bSuite', case_id: 'case' },
    body: () => caseDoc,
    note: "B's suite with A's case",
  },
  {
    method: 'DELETE',
    path: '/api/tool-suites/{id}/cases/{case_id}',
    params: { id: 'suite', case_id: 'case' },
  },
  {
    method: 'DELETE',
    path: '/api/tool-suites/{id}/cases/{case_id}',
    params: { id: 'bSuite', case_id: 'case' },
    note: "B's suite with A's case",
  },
  { method: 'GET', path: '/api/tool-suites/{id}/export', params: { id: 'suite' } },
  { method: 'GET', path: '/api/tool-eval/history/{id}', params: { id: 'evalRun' } },
  { method: 'DELETE', path: '/api/tool-eval/history/{id}', params: { id: 'evalRun' } },
  { method: 'GET', path: '/api/jobs/{id}', params: { id: 'evalJob' } },
  { method: 'GET', path: '/api/jobs/{id}', params: { id: 'queuedJob' } },
  {
    method: 'GET',
    path: '/api/jobs/{id}/events',
    params: { id: 'evalJob' },
    headers: { accept: 'text/event-stream' },
  },
  {
    method: 'GET',
    path: '/api/jobs/{id}/events',
    params: { id: 'queuedJob' },
    headers: { accept: 'text/event-stream', 'last-event-id': '0-0' },
  },
  { method: 'POST', path: '/api/jobs/{id}/cancel', params: { id: 'queuedJob' } },
  { method: 'POST', path: '/api/jobs/{id}/cancel', params: { id: 'evalJob' } },
  { method: 'GET', path: '/api/tool-eval/param-tune/history/{id}', params: { id: 'paramTune' } },
  { method: 'DELETE', path: '/api/tool-eval/param-tune/history/{id}', params: { id: 'paramTune' } },
  {
    method: 'POST',
    path: '/api/tool-eval/param-tune/history/{id}/apply',
    params: { id: 'paramTune' },
    body: () => ({}),
  },
  { method: 'DELETE', path: '/api/tool-eval/param-tune/presets/{preset}', params: { preset: 'preset' } },
  { method: 'GET', path: '/api/tool-eval/prompt-tune/history/{id}', params: { id: 'promptTune' } },
  { method: 'DELETE', path: '/api/tool-eval/prompt-tune/history/{id}', params: { id: 'promptTune' } },
  { method: 'GET', path: '/api/prompt-library/{id}', params: { id: 'prompt' } },
  { method: 'DELETE', path: '/api/prompt-library/{id}', params: { id: 'prompt' } },
  { method: 'GET', path: '/api/tool-eval/judge/reports/{id}', params: { id: 'judgeReport' } },
  { method: 'DELETE', path: '/api/tool-eval/judge/reports/{id}', params: { id: 'judgeReport' } },
  { method: 'POST', path: '/api/tool-eval/judge/reports/{id}/share', params: { id: 'judgeReport' } },
  { method: 'DELETE', path: '/api/tool-eval/judge/reports/{id}/share', params: { id: 'judgeReport' } },
  {
    method: 'GET',
    path: '/api/shared/judge-reports/{token}',
    params: { token: 'guessedShareToken' },
    note: 'a share link is public by design; only the holder of the token reads it',
  },
  {
    method: 'PATCH',
    path: '/api/admin/users/{id}',
    params: { id: 'user' },
    body: () => ({ disabled: true }),
    expect: 403,
    note: 'admin-only (tokens.test.ts covers the admin matrix)',
  },
  { method: 'POST', path: '/api/admin/jobs/{id}/cancel', params: { id: 'queuedJob' }, expect: 403 },

  // A's ids inside the body or query of B's otherwise valid requests.
  { method: 'POST', path: '/api/tool-eval', body: (i) => ({ suite_id: i.suite, targets: [PRECISE] }) },
  {
    method: 'POST',
    path: '/api/tool-eval',
    body: (i) => ({ suite_id: i.suite, targets: [PRECISE] }),
    headers: { accept: 'text/event-stream' },
  },
  {
    method: 'POST',
    path: '/api/tool-eval',
    body: (i) => ({ suite_id: i.bSuite, targets: [PRECISE], case_ids: [i.case] }),
    expect: 400,
    note: "A's case in B's eval: the same 400 as for a case that does not exist",
  },
  {
    method: 'POST',
    path: '/api/tool-eval',
    body: (i) => ({ suite_id: i.bSuite, targets: [{ provider_key: 'mine', model_id: 'sandbox-precise' }] }),
    expect: 400,
    note: "A's provider_key is not B's (provider keys are per user: a 400 naming B's own keys)",
  },
  { method: 'POST', path: '/api/tool-eval/cancel', body: (i) => ({ job_id: i.queuedJob }) },
  { method: 'POST', path: '/api/tool-eval/cancel', body: (i) => ({ job_id: i.evalJob }) },
  { method: 'POST', path: '/api/tool-eval/param-tune/cancel', body: (i) => ({ job_id: i.paramJob }) },
  { method: 'POST', path: '/api/tool-eval/prompt-tune/cancel', body: (i) => ({ job_id: i.promptJob }) },
  { method: 'POST', path: '/api/tool-eval/judge/cancel', body: (i) => ({ job_id: i.judgeJob }) },
  {
    method: 'POST',
    path: '/api/tool-eval/judge',
    body: (i) => ({ eval_run_id: i.evalRun, judge_target: JUDGE }),
  },
  {
    method: 'POST',
    path: '/api/tool-eval/judge/compare',
    body: (i) => ({ eval_run_id_a: i.evalRun, eval_run_id_b: i.evalRun, judge_target: JUDGE }),
  },
  {
    method: 'POST',
    path: '/api/tool-eval/param-tune',
    body: (i) => ({ suite_id: i.suite, targets: [PRECISE], search_space: { temperature: [0] } }),
  },
  {
    method: 'POST',
    path: '/api/tool-eval/param-tune/preview',
    body: (i) => ({ suite_id: i.suite, targets: [PRECISE], search_space: { temperature: [0] } }),
  },
  {
    method: 'POST',
    path: '/api/tool-eval/param-tune/preview',
    body: (i) => ({ suite_id: i.bSuite, targets: [PRECISE], preset_id: i.preset }),
    note: "A's preset",
  },
  {
    method: 'POST',
    path: '/api/tool-eval/prompt-tune',
    body: (i) => ({ suite_id: i.suite, mode: 'quick', targets: [PRECISE], meta_target: JUDGE }),
  },
  {
    method: 'POST',
    path: '/api/tool-eval/prompt-tune',
    body: (i) => ({
      suite_id: i.bSuite,
      mode: 'quick',
      targets: [PRECISE],
      meta_target: JUDGE,
      base_prompt_id: i.prompt,
    }),
    note: "A's saved prompt",
  },
  {
    method: 'GET',
    path: '/api/tool-eval/prompt-tune/estimate',
    query: (i) => `suite_id=${i.suite}&mode=quick&num_models=1`,
  },
  {
    method: 'POST',
    path: '/api/prompt-library',
    body: (i) => ({ name: 'stolen', from_prompt_tune_id: i.promptTune }),
  },
  {
    method: 'POST',
    path: '/api/provider-params/validate',
    body: () => ({ provider_key: 'mine', model_id: 'sandbox-precise', params: {} }),
    expect: 400,
    note: "A's provider_key is not B's (provider keys are per user: a 400 naming B's own keys)",
  },
];

/** Filtered lists of B's: 200 and empty (a filter by someone else's id finds nothing). */
const FILTERED_LISTS = [
  (i: Ids) => `/api/tool-eval/history?suite_id=${i.suite}`,
  (i: Ids) => `/api/tool-eval/judge/reports?eval_run_id=${i.evalRun}`,
];

/** B's own lists: none may mention any of A's ids. */
const LISTS = [
  '/api/providers',
  '/api/tool-suites',
  '/api/tool-eval/history',
  '/api/jobs',
  '/api/jobs?status=queued',
  '/api/jobs?status=running',
  '/api/tool-eval/param-tune/history',
  '/api/tool-eval/param-tune/presets',
  '/api/tool-eval/prompt-tune/history',
  '/api/prompt-library',
  '/api/tool-eval/judge/reports',
  '/api/auth/tokens',
];

/** A's view of each resource, compared before and after B's attempts. */
const SNAPSHOT = (i: Ids) => [
  `/api/providers/${i.provider}`,
  '/api/providers', // apply writes a model's default_params: none of A's may change
  `/api/tool-suites/${i.suite}`,
  `/api/tool-suites/${i.suite}/cases`,
  `/api/tool-eval/history/${i.evalRun}`,
  `/api/jobs/${i.evalJob}`,
  `/api/tool-eval/param-tune/history/${i.paramTune}`,
  `/api/tool-eval/prompt-tune/history/${i.promptTune}`,
  `/api/tool-eval/judge/reports/${i.judgeReport}`,
  `/api/prompt-library/${i.prompt}`,
  '/api/tool-eval/param-tune/presets',
  '/api/auth/tokens',
  '/api/auth/me',
];

const fill = (row: Row, ids: Ids) =>
  row.path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[row.params?.[name] ?? (name as IdName)]) +
  (row.query ? `?${row.query(ids)}` : '');

let stack: Stack;
let ids: Ids;
let a: Awaited<ReturnType<typeof register>>;
let b: Awaited<ReturnType<typeof register>>;

async function pauseEvalWorkers(pause: boolean) {
  for (const w of stack.worker!.worker.workers) {
    if (pause) await w.pause(true);
    else w.resume();
  }
}

async function finished(token: string, jobId: string) {
  return readSse(await openEvents(stack.url, token, jobId), isTerminal);
}

beforeAll(async () => {
  stack = await startStack();

  await register(stack.url, 'admin'); // the first account is the admin; A and B are ordinary users
  a = await register(stack.url, 'a');
  b = await register(stack.url, 'b');
  const A = a.client;
  const ok = (r: { status: number; body: any }, what: string) => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const provider = ok(
    await A.post('/api/providers', {
      provider_key: 'mine',
      provider: 'openai_compatible',
      base_url: stack.sandboxUrl,
      api_key: `sk-test-${randomBytes(8).toString('hex')}`,
      models: [{ model_id: 'sandbox-precise' }],
    }),
    'provider',
  );
  const suite = ok(await A.post('/api/tool-eval/import', DEMO_SUITE), 'suite');
  const cases = ok(await A.get(`/api/tool-suites/${suite.id}/cases`), 'cases');
  const bSuite = ok(await b.client.post('/api/tool-eval/import', DEMO_SUITE), 'B suite');
  const caseIds = cases.items.slice(0, 4).map((c: { id: string }) => c.id);

  const evalRun = ok(await A.post('/api/tool-eval', { suite_id: suite.id, targets: [PRECISE] }), 'eval');
  await finished(a.token, evalRun.job_id);
  const judge = ok(
    await A.post('/api/tool-eval/judge', { eval_run_id: evalRun.run_id, judge_target: JUDGE }),
    'judge',
  );
  await finished(a.token, judge.job_id);
  const tune = ok(
    await A.post('/api/tool-eval/param-tune', {
      suite_id: suite.id,
      targets: [PRECISE],
      search_space: { temperature: [0, 0.5] },
      case_ids: caseIds,
    }),
    'param tune',
  );
  await finished(a.token, tune.job_id);
  const promptTune = ok(
    await A.post('/api/tool-eval/prompt-tune', {
      suite_id: suite.id,
      mode: 'quick',
      targets: [PRECISE],
      meta_target: JUDGE,
      case_ids: caseIds,
      config: { population_size: 3, generations: 1 },
    }),
    'prompt tune',
  );
  await finished(a.token, promptTune.job_id);
  const preset = ok(
    await A.post('/api/tool-eval/param-tune/presets', { name: 'mine', search_space: { temperature: [0.1] } }),
    'preset',
  );
  const prompt = ok(await A.post('/api/prompt-library', { name: 'mine', prompt: 'Be precise.' }), 'prompt');
  const token = ok(await A.post('/api/auth/tokens', { name: 'mine' }), 'api token');
  const share = ok(await A.post(`/api/tool-eval/judge/reports/${judge.run_id}/share`), 'share');
  // With the eval workers paused, A's next eval stays queued: a live job B must not touch.
  await pauseEvalWorkers(true);
  const queued = ok(
    await A.post('/api/tool-eval', { suite_id: suite.id, targets: [PRECISE], case_ids: caseIds.slice(0, 1) }),
    'queued eval',
  );

  ids = {
    provider: provider.id,
    suite: suite.id,
    case: cases.items[0].id,
    evalRun: evalRun.run_id,
    evalJob: evalRun.job_id,
    paramTune: tune.run_id,
    paramJob: tune.job_id,
    promptTune: promptTune.run_id,
    promptJob: promptTune.job_id,
    judgeReport: judge.run_id,
    judgeJob: judge.job_id,
    preset: preset.id,
    prompt: prompt.id,
    apiToken: token.id,
    queuedJob: queued.job_id,
    user: a.user.id,
    bSuite: bSuite.id,
    guessedShareToken: randomBytes(24).toString('base64url'),
    shareToken: share.token,
  };
});

afterAll(async () => {
  if (ids && a) {
    await a.client.post(`/api/jobs/${ids.queuedJob}/cancel`);
    await pauseEvalWorkers(false);
  }
  await stack?.close();
});

describe('isolation matrix', () => {
  it('covers every id-taking route of the OpenAPI document', async () => {
    const spec = await openapi(stack.url);
    const idRoutes = operations(spec)
      .filter((o) => /\{\w+\}/.test(o.path))
      .map((o) => `${o.method} ${o.path}`);
    const covered = new Set(MATRIX.filter((r) => r.params).map((r) => `${r.method} ${r.path}`));
    expect(idRoutes.filter((r) => !covered.has(r))).toEqual([]);
    // And the table names no route that no longer exists.
    expect([...covered].filter((r) => !idRoutes.includes(r))).toEqual([]);
  });

  it("B gets 404 for every request with A's ids, and A's resources are unchanged", async () => {
    const snapshot = async () =>
      Promise.all(SNAPSHOT(ids).map(async (p) => [p, (await a.client.get(p)).body] as const));
    const before = await snapshot();
    const live = (await a.client.get(`/api/jobs/${ids.queuedJob}`)).body.status;
    expect(['queued', 'running']).toContain(live);

    const failures: string[] = [];
    for (const row of MATRIX) {
      const path = fill(row, ids);
      const res: Raw = await request(stack.url, row.method, path, {
        token: b.token,
        body: row.body?.(ids),
        headers: row.headers,
      });
      const want = row.expect ?? 404;
      if (res.status !== want || !hasErrorShape(res.body))
        failures.push(`${row.method} ${path} ${row.note ?? ''} → ${res.status} ${res.text.slice(0, 200)}`);
    }
    // The same through B's personal API token (the other kind of credential).
    const bApi = (await b.client.post('/api/auth/tokens', { name: 'b' })).body.token as string;
    for (const row of MATRIX.filter((r) => r.method === 'GET' || r.method === 'DELETE')) {
      const res = await request(stack.url, row.method, fill(row, ids), { token: bApi, headers: row.headers });
      if (res.status !== (row.expect ?? 404))
        failures.push(`(api token) ${row.method} ${fill(row, ids)} → ${res.status}`);
    }
    for (const list of FILTERED_LISTS) {
      const res = await request(stack.url, 'GET', list(ids), { token: b.token });
      if (res.status !== 200 || res.body.items.length !== 0)
        failures.push(`GET ${list(ids)} → ${res.status} ${res.text.slice(0, 200)}`);
    }
    const aIds = Object.entries(ids)
      .filter(([k]) => !['bSuite', 'guessedShareToken', 'shareToken'].includes(k))
      .map(([, v]) => v);
    for (const list of LISTS) {
      const res = await request(stack.url, 'GET', list, { token: b.token });
      const leaked = aIds.filter((id) => res.text.includes(id));
      if (res.status !== 200 || leaked.length)
        failures.push(`GET ${list} → ${res.status}, A's ids ${leaked}`);
    }
    expect(failures).toEqual([]);

    const after = await snapshot();
    expect(after).toEqual(before);
    expect((await request(stack.url, 'GET', `/api/shared/judge-reports/${ids.shareToken}`)).status).toBe(200);
    expect((await a.client.get(`/api/jobs/${ids.queuedJob}`)).body.status).toBe(live);
    // The owner still can: the 404s above were about B, not about the resources.
    const own = await a.client.post(`/api/jobs/${ids.queuedJob}/cancel`);
    expect(own.status).toBe(200);
    await pauseEvalWorkers(false);
  });

  it("B's WebSocket cannot replay A's job and receives none of its events", async () => {
    await pauseEvalWorkers(false);
    const url = `${stack.url.replace('http', 'ws')}/ws?token=${encodeURIComponent(b.token)}`;
    const ws = new WebSocket(url);
    await once(ws, 'open');
    const messages: any[] = [];
    const errors = new Promise<void>((resolve) => {
      ws.on('message', (raw) => {
        messages.push(JSON.parse(String(raw)));
        if (messages.filter((m) => m.type === 'error').length === 3) resolve();
      });
    });
    // A starts a new job while B listens, then B asks for A's jobs.
    const fresh = await a.client.post('/api/tool-eval', { suite_id: ids.suite, targets: [PRECISE] });
    expect(fresh.status).toBe(202);
    ws.send(JSON.stringify({ type: 'replay', job_id: ids.evalJob }));
    ws.send(JSON.stringify({ type: 'replay', job_id: ids.queuedJob, last_event_id: '0-0' }));
    await finished(a.token, fresh.body.job_id);
    ws.send(JSON.stringify({ type: 'replay', job_id: fresh.body.job_id }));
    await errors;
    ws.close();
    expect(messages.map((m) => [m.type, m.message])).toEqual([
      ['error', 'job not found'],
      ['error', 'job not found'],
      ['error', 'job not found'],
    ]);
  });

  it("a foreign id's 404 says exactly what a nonexistent id's does (no existence oracle)", async () => {
    const differ: string[] = [];
    for (const row of MATRIX.filter((r) => (r.expect ?? 404) === 404)) {
      const fake = Object.fromEntries(Object.keys(ids).map((k) => [k, randomUUID()])) as Ids;
      fake.bSuite = ids.bSuite;
      const send = (set: Ids) =>
        request(stack.url, row.method, fill(row, set), {
          token: b.token,
          body: row.body?.(set),
          headers: row.headers,
        });
      const foreign = await send(ids);
      const unknown = await send(fake);
      const norm = (r: Raw, set: Ids) =>
        Object.values(set).reduce((t, id) => t.split(id).join('<id>'), JSON.stringify(r.body?.error ?? null));
      if (foreign.status !== unknown.status || norm(foreign, ids) !== norm(unknown, fake))
        differ.push(`${row.method} ${row.path}: ${norm(foreign, ids)} vs ${norm(unknown, fake)}`);
    }
    expect(differ).toEqual([]);
  });

  it('unknown and malformed ids answer the same 404 as foreign ones', async () => {
    for (const row of MATRIX.filter((r) => r.params && (r.expect ?? 404) === 404)) {
      for (const id of [randomUUID(), 'not-a-uuid', '%00', "1' or '1'='1"]) {
        const path = row.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(id));
        const res = await request(stack.url, row.method, path, {
          token: b.token,
          body: row.body?.(ids),
          headers: row.headers,
        });
        expect([`${row.method} ${path}`, res.status, hasErrorShape(res.body)]).toEqual([
          `${row.method} ${path}`,
          404,
          true,
        ]);
      }
    }
  });
});
