import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { DEMO_SUITE } from '../support/api.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { hasErrorShape, openapi, operations, register } from './helpers.js';

/**
 * A seeded fuzzer: ≥ 5 000 hostile requests over every route of /api/openapi.json (plus a few
 * outside it). Reproduce a run with FUZZ_SEED=<seed printed on failure>; request i is generated
 * from (seed, i) alone, so a failure names the exact request.
 *
 * Expensive jobs: valid bodies do happen (mutations of valid templates), and they start jobs.
 * Every BullMQ worker of the stack is paused while fuzzing, so accepted jobs only wait in the
 * queue (cheap); afterwards the user's unfinished jobs are cancelled and the workers resumed.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed1e55);
/** FUZZ_ONLY=<i>: send request i alone and print it (with FUZZ_SEED, reproduces one failure). */
const ONLY = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY);
const COUNT = Number(process.env.FUZZ_COUNT ?? 5000);
const CONCURRENCY = 16;
const TIMEOUT_MS = 15_000;

/** mulberry32: a tiny, good-enough PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  const uuid = () => {
    const h = Array.from({ length: 32 }, () => '0123456789abcdef'[int(16)]).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  return { next, int, pick, chance, uuid };
}
type Rng = ReturnType<typeof prng>;

const MB = 1024 * 1024;
const HUGE_STRING = 'x'.repeat(MB);
const OVERSIZED = Buffer.alloc(30 * MB, 'a'); // 30 MB: over even the import limit (25 MB)
const DEEP_ARRAY = '['.repeat(10_000) + ']'.repeat(10_000);
const DEEP_OBJECT = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);

const GARBAGE = [
  '',
  ' ',
  '..',
  '../../etc/passwd',
  '%00',
  '%ff%fe',
  "' or '1'='1",
  "'; drop table users; --",
  '__proto__',
  'constructor',
  'prototype',
  '\u0000',
  '😀',
  '%E0%A4%A',
  '-1',
  '1e999',
  'NaN',
  'null',
  'undefined',
  '{}',
  '[]',
  '$where',
  '{"$gt":""}',
  '<script>alert(1)</script>',
  'a'.repeat(2000),
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  'builtin:../../x',
  'lbs_' + 'A'.repeat(43),
];

const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  0.1,
  '',
  'x',
  '😀'.repeat(100),
  '\u0000',
  [],
  [null],
  {},
  { __proto__: null },
  [[[[[]]]]],
  { $gt: '' },
  'a'.repeat(70_000),
  Array.from({ length: 5000 }, (_, i) => i),
  Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])),
];

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=bogus',
  'application/json, text/html',
  'application/xml',
  'application/vnd.api+json',
  '*/*',
  '',
  'application/json; boundary=--',
];

type Ids = Record<string, string>;
type Op = { method: string; path: string; query: string[]; hasBody: boolean };
type Req = {
  i: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  describe: string;
};

const PRECISE = { provider_key: 'sandbox', model_id: 'sandbox-precise' };
const JUDGE = { provider_key: 'sandbox', model_id: 'sandbox-judge' };

/** A valid body per route, which the fuzzer then breaks (or not). */
function template(op: Op, ids: Ids, email: string): Record<string, unknown> {
  const key = `${op.method} ${op.path}`;
  const tune = {
    suite_id: ids.suite,
    targets: [PRECISE],
    search_space: { temperature: [0, 1] },
    case_ids: [ids.case],
  };
  const t: Record<string, Record<string, unknown>> = {
    'POST /api/auth/register': { email: `f-${ids.n}@test.io`, password: 'correct horse battery' },
    'POST /api/auth/login': { email, password: 'not the password' },
    'POST /api/auth/refresh': { refresh_token: 'lbr_x' },
    'PATCH /api/auth/me/budget': { budget_usd_monthly: 10 },
    'POST /api/auth/tokens': { name: 't', expires_in_days: 1 },
    'POST /api/providers': { provider_key: 'p1', provider: 'sandbox', models: [] },
    'PUT /api/providers/{id}': { provider: 'sandbox', models: [{ model_id: 'sandbox-precise' }] },
    'POST /api/tool-suites': { name: 's', tools: [] },
    'PUT /api/tool-suites/{id}': { name: 's', tools: [] },
    'PATCH /api/tool-suites/{id}': { name: 's2' },
    'POST /api/tool-suites/{id}/cases': { prompt: 'p', expected_tool: null },
    'PUT /api/tool-suites/{id}/cases/{case_id}': { prompt: 'p', expected_tool: null },
    'POST /api/tool-eval/import': { ...DEMO_SUITE, test_cases: DEMO_SUITE.test_cases.slice(0, 1) },
    'POST /api/tool-eval/import/bfcl': { file_name: 'BFCL_v4_simple_python.json', questions: '{}' },
    'POST /api/tool-eval': { suite_id: ids.suite, targets: [PRECISE], case_ids: [ids.case] },
    'POST /api/tool-eval/cancel': { job_id: ids.job },
    'POST /api/provider-params/validate': {
      provider_key: 'sandbox',
      model_id: 'sandbox-precise',
      params: {},
    },
    'POST /api/tool-eval/param-tune': tune,
    'POST /api/tool-eval/param-tune/preview': tune,
    'POST /api/tool-eval/param-tune/cancel': { job_id: ids.job },
    'POST /api/tool-eval/param-tune/presets': { name: 'p', search_space: { temperature: [0.1] } },
    'POST /api/tool-eval/prompt-tune': {
      suite_id: ids.suite,
      mode: 'quick',
      targets: [PRECISE],
      meta_target: JUDGE,
      case_ids: [ids.case],
    },
    'POST /api/tool-eval/prompt-tune/cancel': { job_id: ids.job },
    'POST /api/prompt-library': { name: 'n', prompt: 'p' },
    'POST /api/tool-eval/judge': { eval_run_id: ids.evalRun, judge_target: JUDGE },
    'POST /api/tool-eval/judge/compare': {
      eval_run_id_a: ids.evalRun,
      eval_run_id_b: ids.evalRun,
      judge_target: JUDGE,
    },
    'POST /api/tool-eval/judge/cancel': { job_id: ids.job },
    'PATCH /api/admin/users/{id}': { max_concurrent_jobs: 2 },
  };
  return structuredClone(t[key] ?? {});
}

/** The user's own id for a path parameter, by route. */
function ownId(path: string, param: string, ids: Ids): string {
  if (param === 'case_id') return ids.case!;
  if (param === 'preset') return ids.preset!;
  if (param === 'token') return ids.shareToken!;
  const table: [RegExp, string][] = [
    [/^\/api\/auth\/tokens/, 'apiToken'],
    [/^\/api\/providers/, 'provider'],
    [/^\/api\/tool-suites/, 'suite'],
    [/^\/api\/tool-eval\/history/, 'evalRun'],
    [/^\/api\/jobs/, 'job'],
    [/^\/api\/tool-eval\/param-tune/, 'paramTune'],
    [/^\/api\/tool-eval\/prompt-tune/, 'promptTune'],
    [/^\/api\/prompt-library/, 'prompt'],
    [/^\/api\/tool-eval\/judge/, 'judgeReport'],
    [/^\/api\/admin\/users/, 'victim'],
    [/^\/api\/admin\/jobs/, 'job'],
  ];
  return ids[table.find(([re]) => re.test(path))?.[1] ?? 'suite']!;
}

/** Replaces, removes or adds a field somewhere in the object (one level of nesting). */
const hostile = (rng: Rng): unknown => structuredClone(rng.pick(HOSTILE_VALUES));

function mutate(rng: Rng, body: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(body);
  const target =
    keys.length && rng.chance(0.3)
      ? (() => {
          const k = rng.pick(keys);
          const v = body[k];
          if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
          if (Array.isArray(v) && v[0] && typeof v[0] === 'object') return v[0] as Record<string, unknown>;
          return body;
        })()
      : body;
  const tKeys = Object.keys(target);
  const r = rng.int(4);
  if (r === 0 && tKeys.length) delete target[rng.pick(tKeys)];
  else if (r === 1) target[rng.pick(['extra', 'admin', 'user_id', 'role', 'id', '$where'])] = hostile(rng);
  else if (tKeys.length) target[rng.pick(tKeys)] = hostile(rng);
  return body;
}

function generate(
  i: number,
  ops: Op[],
  ids: Ids,
  tokens: { user: string; admin: string },
  email: string,
): Req {
  const rng = prng((SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const op = rng.pick(ops);
  const notes: string[] = [];
  // Path parameters: own id, random uuid, or garbage (usually URL-encoded).
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const kind = rng.int(3);
    const value =
      kind === 0
        ? ownId(op.path, name, { ...ids, n: String(i) })
        : kind === 1
          ? rng.uuid()
          : rng.pick(GARBAGE);
    return rng.chance(0.9) ? encodeURIComponent(value) : value.replace(/[/?#]/g, '');
  });
  // Query: the route's own parameters with hostile values, or hostile names.
  const query: string[] = [];
  if (rng.chance(0.5)) {
    const names = [
      ...op.query,
      '__proto__',
      'constructor[prototype][x]',
      'limit',
      'offset',
      'token',
      'a[b][c]',
    ];
    for (let k = rng.int(4); k >= 0; k--) {
      const name = rng.pick(names);
      const value = rng.pick([
        ...GARBAGE.slice(0, 25),
        '10',
        '0',
        '201',
        '-5',
        '1.5',
        'true',
        rng.uuid(),
        ids.suite!,
      ]);
      query.push(
        `${encodeURIComponent(name)}=${rng.chance(0.8) ? encodeURIComponent(value) : value.replace(/[#&\s]/g, '')}`,
      );
      if (rng.chance(0.2)) query.push(`${encodeURIComponent(name)}=1`); // repeated: an array
    }
    if (rng.chance(0.02)) query.push(`q=${'z'.repeat(8_000)}`);
  }
  const headers: Record<string, string> = {};
  const auth = rng.next();
  const adminRoute = op.path.startsWith('/api/admin') || op.path.startsWith('/admin');
  if (auth < 0.86)
    headers.authorization = `Bearer ${adminRoute && rng.chance(0.7) ? tokens.admin : tokens.user}`;
  else if (auth < 0.9)
    headers.authorization = rng.pick([
      'Bearer',
      'Bearer x.y.z',
      `Basic ${'a'.repeat(100)}`,
      'Bearer ' + 'a'.repeat(4000),
      'Bearer lbs_x',
    ]);
  else if (auth < 0.93) notes.push('anonymous');
  else headers.authorization = `Bearer ${tokens.user}`;
  if (rng.chance(0.1))
    headers.accept = rng.pick(['text/event-stream', 'application/xml', '*/*', 'text/html', '']);
  if (rng.chance(0.05)) headers['last-event-id'] = rng.pick(GARBAGE.slice(0, 20));
  if (rng.chance(0.05)) headers['x-request-id'] = rng.pick(['../x', 'a'.repeat(300), '\t', 'ok-id']);
  if (rng.chance(0.05)) headers['x-forwarded-for'] = rng.pick(['1.2.3.4', 'garbage', '::1, 10.0.0.1']);
  if (rng.chance(0.03))
    headers.cookie = `lbs_admin=${rng.pick(GARBAGE.slice(0, 20)).replace(/[^\x21-\x7e]/g, '')}`;

  // Body.
  let body: string | Uint8Array | undefined;
  const sendBody = op.hasBody ? rng.chance(0.95) : rng.chance(0.15);
  if (sendBody) {
    headers['content-type'] = 'application/json';
    const kind = rng.next();
    const valid = template(op, { ...ids, n: `${SEED}-${i}` }, email);
    if (kind < 0.08) {
      body = JSON.stringify(valid);
      notes.push('valid template');
    } else if (kind < 0.55) {
      let b = valid;
      for (let k = rng.int(3); k >= 0; k--) b = mutate(rng, b);
      body = JSON.stringify(b);
      notes.push('mutated template');
    } else if (kind < 0.63) {
      body = JSON.stringify(rng.pick([null, 1, 'string', true, [], [valid], '']));
      notes.push('wrong top-level type');
    } else if (kind < 0.7) {
      const text = JSON.stringify(valid);
      const inject = rng.pick([
        '"__proto__":{"role":"admin","polluted":true}',
        '"constructor":{"prototype":{"polluted":true}}',
        '"prototype":{"x":1}',
        '"__proto__":null',
      ]);
      body = text === '{}' ? `{${inject}}` : `{${inject},${text.slice(1)}`;
      notes.push('prototype keys');
    } else if (kind < 0.74) {
      body = rng.chance(0.5) ? DEEP_ARRAY : `{"name":${DEEP_OBJECT},"search_space":${DEEP_OBJECT}}`;
      notes.push('depth 10000');
    } else if (kind < 0.77) {
      const k = rng.pick(Object.keys(valid).length ? Object.keys(valid) : ['name']);
      body = JSON.stringify({ ...valid, [k]: HUGE_STRING });
      notes.push(`1 MB string in ${k}`);
    } else if (kind < 0.82) {
      const text = Buffer.from(JSON.stringify({ ...valid, name: 'AB' }));
      const bytes = Buffer.concat([
        text.subarray(0, text.length - 4),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
        text.subarray(text.length - 4),
      ]);
      body = new Uint8Array(bytes);
      notes.push('invalid UTF-8');
    } else if (kind < 0.88) {
      headers['content-type'] = rng.pick(CONTENT_TYPES);
      body = rng.chance(0.5) ? JSON.stringify(valid) : 'a=1&b=2';
      notes.push(`content-type ${headers['content-type']}`);
    } else if (kind < 0.92) {
      body = rng.pick([
        '{',
        '{"a":}',
        '[1,2',
        'nul',
        '"unterminated',
        '{"a":1}{"b":2}',
        '\u0000',
        '{"a":NaN}',
        '{"a":1e99999}',
        "{'a':1}",
        ' ',
      ]);
      notes.push('malformed JSON');
    } else if (kind < 0.95) {
      headers['content-encoding'] = rng.pick(['gzip', 'deflate', 'br', 'bogus', 'identity, gzip']);
      body = JSON.stringify(valid);
      notes.push(`content-encoding ${headers['content-encoding']}`);
    } else {
      body = JSON.stringify(hostile(rng));
      notes.push('hostile value as body');
    }
  }
  const method = rng.chance(0.02) ? rng.pick(['OPTIONS', 'HEAD', 'PROPFIND']) : op.method;
  const url = path + (query.length ? `?${query.join('&')}` : '');
  // Only what an HTTP client can send at all: visible ASCII header values.
  for (const [k, v] of Object.entries(headers)) {
    const clean = v.replace(/[^\x20-\x7e]/g, '').trim();
    if (clean) headers[k] = clean;
    else delete headers[k];
  }
  return { i, method, url, headers, body, describe: `${method} ${url.slice(0, 300)} [${notes.join(', ')}]` };
}

let stack: Stack;
let ids: Ids;
let user: Awaited<ReturnType<typeof register>>;
let adminUser: Awaited<ReturnType<typeof register>>;

async function setWorkersPaused(paused: boolean) {
  const all = [
    ...(stack.worker?.worker.workers ?? []),
    ...(stack.tuner ? [stack.tuner.worker.worker] : []),
    ...(stack.judge ? [stack.judge.worker.worker] : []),
  ];
  for (const w of all) {
    if (paused) await w.pause(true);
    else w.resume();
  }
  return all.length;
}

beforeAll(async () => {
  stack = await startStack();
  adminUser = await register(stack.url, 'fuzz-admin');
  user = await register(stack.url, 'fuzz');
  const victim = await register(stack.url, 'victim');
  const c = user.client;
  const ok = (r: { status: number; body: any }, what: string) => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const suite = ok(await c.post('/api/tool-eval/import', DEMO_SUITE), 'suite');
  const caseId = ok(await c.get(`/api/tool-suites/${suite.id}/cases`), 'cases').items[0].id;
  const run = ok(
    await c.post('/api/tool-eval', { suite_id: suite.id, targets: [PRECISE], case_ids: [caseId] }),
    'eval',
  );
  await readSse(await openEvents(stack.url, user.token, run.job_id), isTerminal);
  const judge = ok(
    await c.post('/api/tool-eval/judge', { eval_run_id: run.run_id, judge_target: JUDGE }),
    'judge',
  );
  await readSse(await openEvents(stack.url, user.token, judge.job_id), isTerminal);
  const tune = ok(
    await c.post('/api/tool-eval/param-tune', {
      suite_id: suite.id,
      targets: [PRECISE],
      search_space: { temperature: [0] },
      case_ids: [caseId],
    }),
    'tune',
  );
  await readSse(await openEvents(stack.url, user.token, tune.job_id), isTerminal);
  const share = ok(await c.post(`/api/tool-eval/judge/reports/${judge.run_id}/share`), 'share');
  ids = {
    suite: suite.id,
    case: caseId,
    evalRun: run.run_id,
    job: run.job_id,
    judgeReport: judge.run_id,
    paramTune: tune.run_id,
    promptTune: tune.run_id, // a run id of the wrong kind: must be a 404 too
    provider: ok(await c.get('/api/providers'), 'providers').items[0].id,
    preset: ok(
      await c.post('/api/tool-eval/param-tune/presets', { name: 'p', search_space: { temperature: [0] } }),
      'preset',
    ).id,
    prompt: ok(await c.post('/api/prompt-library', { name: 'n', prompt: 'p' }), 'prompt').id,
    apiToken: ok(await c.post('/api/auth/tokens', { name: 'x' }), 'token').id,
    shareToken: share.token,
    victim: victim.user.id,
  };
});
afterAll(async () => stack?.close());

describe('fuzzing every route', () => {
  it(`${COUNT} hostile requests: no 5xx, every 4xx in the error shape, the gateway stays up`, async () => {
    const spec = await openapi(stack.url);
    const ops: Op[] = operations(spec).map(({ method, path, op }) => ({
      method,
      path,
      query: (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name),
      hasBody: Boolean(op.requestBody),
    }));
    // Outside the OpenAPI document: the dashboard, docs, metrics, unknown routes.
    for (const [method, path] of [
      ['GET', '/admin/queues/api/queues'],
      ['PUT', '/admin/queues/api/queues/{id}/pause'],
      ['GET', '/api/docs'],
      ['GET', '/api/nope/{id}'],
      ['POST', '/healthz'],
      ['GET', '/ws'],
    ] as const)
      ops.push({ method, path, query: [], hasBody: false });
    expect(await setWorkersPaused(true)).toBeGreaterThan(0);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let oversizedSent = 0;
    let next = 0;
    const adminToken = adminUser.token;
    async function send(req: Req) {
      const started = Date.now();
      try {
        const res = await fetch(stack.url + req.url, {
          method: req.method,
          headers: req.headers,
          body: req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
          redirect: 'manual',
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
          await res.body?.cancel();
          return;
        }
        const text = await res.text();
        if (res.status >= 500)
          failures.push(`#${req.i} ${req.describe} → ${res.status} ${text.slice(0, 200)}`);
        else if (res.status >= 400 && req.method !== 'HEAD') {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          // bull-board's own API (behind the admin check) answers in its own shape.
          const bullBoard =
            req.url.startsWith('/admin/queues/api/') && req.headers.authorization?.includes(adminToken);
          if (!hasErrorShape(body) && !bullBoard)
            failures.push(
              `#${req.i} ${req.describe} → ${res.status} not the error shape: ${text.slice(0, 200)}`,
            );
        }
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        failures.push(
          `#${req.i} ${req.describe} → no answer after ${Date.now() - started} ms (${e.name}: ${e.cause?.code ?? e.message})`,
        );
      }
    }
    if (ONLY !== undefined) {
      const req = generate(ONLY, ops, ids, { user: user.token, admin: adminUser.token }, user.email);
      const body =
        typeof req.body === 'string' ? req.body : req.body ? Buffer.from(req.body).toString('latin1') : '';
      console.error(JSON.stringify({ ...req, body: body.slice(0, 4000), body_length: body.length }, null, 1));
      next = COUNT;
      await send(req);
    }
    async function lane() {
      while (next < COUNT) {
        const i = next++;
        const req = generate(i, ops, ids, { user: user.token, admin: adminUser.token }, user.email);
        // A few 30 MB bodies (over every limit): a handful is enough, each costs 30 MB of upload.
        if (i % 1000 === 7 && req.method !== 'GET') {
          req.body = new Uint8Array(OVERSIZED);
          req.headers['content-type'] = 'application/json';
          req.describe += ' [30 MB body]';
          oversizedSent++;
        }
        await send(req);
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));

    // Unfinished jobs the fuzzer started: cancel them, then let the workers wind them down.
    const open = await user.client.get('/api/jobs?limit=200&status=queued');
    const running = await user.client.get('/api/jobs?limit=200&status=running');
    for (const job of [...(open.body?.items ?? []), ...(running.body?.items ?? [])])
      await user.client.post(`/api/jobs/${job.id}/cancel`);
    await setWorkersPaused(false);

    const health = await fetch(`${stack.url}/healthz`);
    const summary = [...statuses.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([s, n]) => `${s}:${n}`)
      .join(' ');
    if (failures.length)
      console.error(
        `fuzz seed ${SEED} (FUZZ_SEED=${SEED}); statuses ${summary}\n${failures.slice(0, 60).join('\n')}`,
      );
    if (ONLY === undefined) expect(oversizedSent).toBeGreaterThan(0);
    if (ONLY === undefined)
      expect([...statuses.values()].reduce((s, n) => s + n, 0)).toBeGreaterThan(COUNT * 0.95);
    // The process is up and still serves this user, whatever else failed.
    expect(health.status).toBe(200);
    expect((await user.client.get('/api/auth/me')).status).toBe(200);
    expect(failures).toEqual([]);
    // No prototype pollution reached the process.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** The fuzzer's findings, pinned down one by one (each must be a 4xx in the error shape). */
describe('hostile inputs found by the fuzzer', () => {
  const send = (
    method: string,
    path: string,
    body?: string | Uint8Array,
    headers: Record<string, string> = {},
  ) =>
    fetch(stack.url + path, {
      method,
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json', ...headers },
      body,
    }).then(async (res) => ({ status: res.status, body: await res.json().catch(() => undefined) }));

  it('a path parameter with broken percent-encoding is a 4xx, not a 500', async () => {
    const results: unknown[][] = [];
    for (const path of [
      '/api/tool-suites/%E0%A4%A/export',
      '/api/tool-eval/prompt-tune/history/%ff%fe',
      '/api/providers/%',
    ]) {
      const res = await send(path.includes('history') ? 'DELETE' : 'GET', path);
      results.push([
        path,
        res.status < 500 && res.status >= 400 ? '4xx' : res.status,
        hasErrorShape(res.body),
      ]);
    }
    expect(results).toEqual(results.map(([path]) => [path, '4xx', true]));
  });

  it('a Content-Encoding the body does not have is a 4xx, not a 500', async () => {
    const results: unknown[][] = [];
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await send('POST', '/api/tool-eval/cancel', JSON.stringify({ job_id: ids.job }), {
        'content-encoding': encoding,
      });
      results.push([encoding, res.status, hasErrorShape(res.body)]);
    }
    expect(results).toEqual(results.map(([encoding]) => [encoding, 400, true]));
  });

  it('a NUL character in stored text or JSON keys is a 400 (Postgres cannot store it), not a 500', async () => {
    // A suite of its own: the fuzzer may have deleted the shared one.
    const suite = await user.client.post('/api/tool-suites', { name: 'nul' });
    expect(suite.status).toBe(201);
    const cases: [string, string, unknown][] = [
      ['POST', '/api/tool-suites', { name: 'a\u0000b' }],
      ['PATCH', `/api/tool-suites/${suite.body.id}`, { system_prompt: '\u0000' }],
      [
        'POST',
        `/api/tool-suites/${suite.body.id}/cases`,
        { prompt: 'p', expected_tool: null, expected_params: { 'k\u0000': 1 } },
      ],
      ['POST', '/api/prompt-library', { name: 'n', prompt: 'x\u0000y' }],
    ];
    const results: unknown[][] = [];
    for (const [method, path, body] of cases) {
      const res = await send(method, path, JSON.stringify(body));
      results.push([method, path, res.status, hasErrorShape(res.body)]);
    }
    expect(results).toEqual(results.map(([method, path]) => [method, path, 400, true]));
  });
});
