import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { Router } from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClient } from '@llmbench/llm';
import { createSandboxApp, loadConfig } from '@llmbench/sandbox-llm';
import type { ChatRequest } from '@llmbench/eval-core';
import { createMetrics, QUEUE_STATES, type Metrics } from './index.js';

/** The value of one series in the text exposition, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return undefined;
}

async function listen(server: Server): Promise<string> {
  if (!server.listening) await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('createMetrics', () => {
  it('gives each instance its own registry: values are not shared', async () => {
    const a = createMetrics('svc-a');
    const b = createMetrics('svc-b');
    a.jobsFinished.inc({ type: 'eval-unit', status: 'completed' }, 3);
    b.jobsFinished.inc({ type: 'eval-unit', status: 'completed' });

    const textA = await a.registry.metrics();
    const textB = await b.registry.metrics();
    expect(sample(textA, 'lbs_jobs_total', { type: 'eval-unit', service: 'svc-a' })).toBe(3);
    expect(sample(textB, 'lbs_jobs_total', { type: 'eval-unit', service: 'svc-b' })).toBe(1);
    expect(textA).not.toContain('svc-b');
    expect(textB).not.toContain('svc-a');
  });

  it('collects default process metrics with the lbs_ prefix', async () => {
    const text = await createMetrics('proc').registry.metrics();
    expect(text).toMatch(/^lbs_process_cpu_user_seconds_total\{service="proc"\} /m);
    expect(text).toContain('lbs_nodejs_heap_size_used_bytes');
  });

  it('reports every instrument by name once it has been used', async () => {
    const m = createMetrics('all');
    m.httpRequests.observe({ method: 'GET', route: '/x', status: '200' }, 0.01);
    m.jobsFinished.inc({ type: 'tool-eval', status: 'failed' });
    m.trackQueues({ 'eval-units': { getJobCounts: async () => ({ wait: 1 }) } });
    m.observeWait('eval-units', { timestamp: 1_000, processedOn: 3_500 });
    m.unitDuration.observe({ kind: 'eval' }, 12);
    m.recordLlmCall({
      provider: 'sandbox',
      model: 'sandbox-precise',
      ms: 800,
      usage: { prompt_tokens: 120, completion_tokens: 30 },
    });
    m.recordLlmCall({ provider: 'sandbox', model: 'sandbox-precise', ms: 50, errorCategory: 'rate_limit' });
    const releaseSse = m.trackConnection('sse');
    m.trackConnection('ws');
    m.eventsRelayed.inc({ type: 'case_result' });

    const text = await m.registry.metrics();
    for (const name of [
      'lbs_http_request_duration_seconds',
      'lbs_jobs_total',
      'lbs_queue_jobs',
      'lbs_job_wait_seconds',
      'lbs_eval_unit_duration_seconds',
      'lbs_llm_call_duration_seconds',
      'lbs_llm_tokens_total',
      'lbs_llm_errors_total',
      'lbs_sse_connections',
      'lbs_ws_connections',
      'lbs_events_relayed_total',
    ]) {
      expect(text, name).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    }
    expect(sample(text, 'lbs_job_wait_seconds_sum', { queue: 'eval-units' })).toBe(2.5);
    expect(sample(text, 'lbs_llm_tokens_total', { direction: 'prompt' })).toBe(120);
    expect(sample(text, 'lbs_llm_tokens_total', { direction: 'completion' })).toBe(30);
    expect(sample(text, 'lbs_llm_call_duration_seconds_count', { outcome: 'ok' })).toBe(1);
    expect(sample(text, 'lbs_llm_call_duration_seconds_count', { outcome: 'error' })).toBe(1);
    expect(sample(text, 'lbs_llm_errors_total', { category: 'rate_limit' })).toBe(1);
    expect(sample(text, 'lbs_sse_connections')).toBe(1);
    expect(sample(text, 'lbs_ws_connections')).toBe(1);

    releaseSse();
    releaseSse();
    expect(sample(await m.registry.metrics(), 'lbs_sse_connections')).toBe(0);
  });

  it('ignores a job that has not started when observing waits', async () => {
    const m = createMetrics('wait');
    m.observeWait('eval-runs', { timestamp: 1_000, processedOn: undefined });
    expect(sample(await m.registry.metrics(), 'lbs_job_wait_seconds_count', { queue: 'eval-runs' })).toBe(
      undefined,
    );
  });
});

describe('trackQueues', () => {
  it('reads every state of every queue at scrape time', async () => {
    const m = createMetrics('queues', { defaultMetrics: false });
    const asked: string[][] = [];
    let waiting = 4;
    m.trackQueues({
      'eval-runs': {
        getJobCounts: async (...types: string[]) => {
          asked.push(types);
          return { wait: waiting, active: 2, delayed: 0, failed: 1, completed: 9, 'waiting-children': 3 };
        },
      },
    });

    let text = await m.registry.metrics();
    expect(asked).toEqual([[...QUEUE_STATES]]);
    expect(sample(text, 'lbs_queue_jobs', { queue: 'eval-runs', state: 'wait' })).toBe(4);
    expect(sample(text, 'lbs_queue_jobs', { queue: 'eval-runs', state: 'active' })).toBe(2);
    expect(sample(text, 'lbs_queue_jobs', { queue: 'eval-runs', state: 'waiting-children' })).toBe(3);
    expect(sample(text, 'lbs_queue_jobs', { queue: 'eval-runs', state: 'completed' })).toBe(9);

    waiting = 0;
    text = await m.registry.metrics();
    expect(sample(text, 'lbs_queue_jobs', { queue: 'eval-runs', state: 'wait' })).toBe(0);
  });

  it('leaves out a queue whose count fails or hangs, without failing the scrape', async () => {
    const m = createMetrics('queues-down', { defaultMetrics: false, queueCountTimeoutMs: 50 });
    m.trackQueues({
      ok: { getJobCounts: async () => ({ wait: 1, active: 0 }) },
      broken: {
        getJobCounts: async () => {
          throw new Error('Connection is closed.');
        },
      },
      hung: { getJobCounts: () => new Promise(() => {}) },
    });
    const text = await m.registry.metrics();
    expect(sample(text, 'lbs_queue_jobs', { queue: 'ok', state: 'wait' })).toBe(1);
    // A state missing from the answer counts as 0.
    expect(sample(text, 'lbs_queue_jobs', { queue: 'ok', state: 'delayed' })).toBe(0);
    expect(sample(text, 'lbs_queue_jobs', { queue: 'broken' })).toBeUndefined();
    expect(sample(text, 'lbs_queue_jobs', { queue: 'hung' })).toBeUndefined();
  });
});

describe('httpMetrics and metricsHandler on a real express app', () => {
  let metrics: Metrics;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    metrics = createMetrics('gateway-test');
    const app = express();
    app.use(metrics.httpMetrics());
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    const api = Router();
    api.get('/api/jobs/:id', (req, res) => {
      if (req.params.id === 'missing') res.status(404).json({ error: 'not found' });
      else res.json({ id: req.params.id });
    });
    app.use(api);
    const nested = Router();
    nested.get('/runs/:run_id/results', (_req, res) => {
      res.json([]);
    });
    nested.get('/runs/:run_id/fail', () => {
      throw new Error('fails inside a mounted router');
    });
    app.use('/api/v2', nested);
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.get('/metrics', metrics.metricsHandler());
    app.use((_req, res) => {
      res.status(404).json({ error: 'no route' });
    });
    app.use((_err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).json({ error: 'internal' });
    });
    server = app.listen(0, '127.0.0.1');
    base = await listen(server);
  });

  afterAll(() => closeServer(server));

  it('records requests by route pattern, never by raw URL', async () => {
    for (const id of ['a1', 'b2', 'c3']) expect((await fetch(`${base}/api/jobs/${id}`)).status).toBe(200);
    expect((await fetch(`${base}/api/jobs/missing`)).status).toBe(404);
    expect((await fetch(`${base}/api/v2/runs/r9/results`)).status).toBe(200);
    expect((await fetch(`${base}/api/v2/runs/r8/fail`)).status).toBe(500);
    expect((await fetch(`${base}/no/such/path/123`)).status).toBe(404);
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const count = (labels: Record<string, string>) =>
      sample(text, 'lbs_http_request_duration_seconds_count', { service: 'gateway-test', ...labels });

    expect(count({ method: 'GET', route: '/api/jobs/:id', status: '200' })).toBe(3);
    expect(count({ method: 'GET', route: '/api/jobs/:id', status: '404' })).toBe(1);
    expect(count({ method: 'GET', route: '/api/v2/runs/:run_id/results', status: '200' })).toBe(1);
    // The error handler answers after Express has left the mounted router: the prefix is kept.
    expect(count({ method: 'GET', route: '/api/v2/runs/:run_id/fail', status: '500' })).toBe(1);
    expect(count({ method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(count({ method: 'GET', route: '/boom', status: '500' })).toBe(1);
    expect(count({ method: 'GET', route: '/healthz', status: '200' })).toBe(1);
    for (const raw of ['a1', 'b2', 'c3', 'r8', 'r9', '/no/such/path']) expect(text).not.toContain(raw);
  });
});

describe('startMetricsServer', () => {
  let closeIt: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await closeIt?.();
    closeIt = undefined;
  });

  it('serves /metrics and /healthz on an ephemeral port', async () => {
    const m = createMetrics('eval-worker');
    m.unitDuration.observe({ kind: 'combo' }, 3);
    const { port, close } = await m.startMetricsServer(0, '127.0.0.1');
    closeIt = close;
    expect(port).toBeGreaterThan(0);
    const base = `http://127.0.0.1:${port}`;

    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(
      sample(text, 'lbs_eval_unit_duration_seconds_count', { kind: 'combo', service: 'eval-worker' }),
    ).toBe(1);
    expect(text).toContain('lbs_process_resident_memory_bytes');

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('closes even with a keep-alive connection open', async () => {
    const m = createMetrics('closer', { defaultMetrics: false });
    const { port, close } = await m.startMetricsServer(0, '127.0.0.1');
    await (await fetch(`http://127.0.0.1:${port}/healthz`)).text();
    await close();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});

describe('instrumentLlmClient around the real client and the sandbox LLM', () => {
  let sandbox: Server;
  let baseUrl: string;
  const request: ChatRequest = {
    model: 'sandbox-precise',
    messages: [{ role: 'user', content: 'Say hello.' }],
    params: { temperature: 0, seed: 1, max_tokens: 32 },
  };

  beforeAll(async () => {
    sandbox = createSandboxApp(loadConfig({ LOG_LEVEL: 'silent' })).listen(0, '127.0.0.1');
    baseUrl = `${await listen(sandbox)}/v1`;
  });
  afterAll(() => closeServer(sandbox));

  it('records duration, tokens and the error category of a failed call', async () => {
    const m = createMetrics('llm', { defaultMetrics: false });
    const ok = m.instrumentLlmClient(createLlmClient({ baseUrl, maxAttempts: 1 }), 'sandbox');
    const res = await ok.complete(request, {});
    const failing = m.instrumentLlmClient(
      createLlmClient({ baseUrl, maxAttempts: 1, defaultHeaders: { 'x-sandbox-fault': '500' } }),
      'sandbox',
    );
    await expect(failing.complete(request, {})).rejects.toMatchObject({ category: 'server_error' });

    const text = await m.registry.metrics();
    const labels = { provider: 'sandbox', model: 'sandbox-precise' };
    expect(sample(text, 'lbs_llm_call_duration_seconds_count', { ...labels, outcome: 'ok' })).toBe(1);
    expect(sample(text, 'lbs_llm_call_duration_seconds_count', { ...labels, outcome: 'error' })).toBe(1);
    expect(sample(text, 'lbs_llm_tokens_total', { ...labels, direction: 'prompt' })).toBe(
      res.usage?.prompt_tokens,
    );
    expect(sample(text, 'lbs_llm_tokens_total', { ...labels, direction: 'completion' })).toBe(
      res.usage?.completion_tokens,
    );
    expect(sample(text, 'lbs_llm_errors_total', { provider: 'sandbox', category: 'server_error' })).toBe(1);
  });

  it('counts a call the caller aborted as cancelled, not as an error', async () => {
    const m = createMetrics('llm-cancel', { defaultMetrics: false });
    const client = m.instrumentLlmClient(
      createLlmClient({ baseUrl, maxAttempts: 1, defaultHeaders: { 'x-sandbox-latency-ms': '5000' } }),
      'sandbox',
    );
    const controller = new AbortController();
    const call = client.complete(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toMatchObject({ category: 'cancelled' });
    const text = await m.registry.metrics();
    expect(sample(text, 'lbs_llm_call_duration_seconds_count', { outcome: 'cancelled' })).toBe(1);
    expect(sample(text, 'lbs_llm_errors_total', { category: 'cancelled' })).toBe(1);
  });
});
