import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Job, Queue, Worker } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  LLM_ERROR_CATEGORIES,
  type LlmClient,
  type LlmErrorCategory,
  type TokenUsage,
} from '@llmbench/eval-core';

/** The BullMQ job states whose counts `lbs_queue_jobs` reports. */
export const QUEUE_STATES = ['wait', 'active', 'delayed', 'failed', 'completed', 'waiting-children'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** What {@link Metrics.trackQueues} needs of a queue: BullMQ's `Queue` fits. */
export type CountableQueue = Pick<Queue, 'getJobCounts'>;

/** The two timestamps {@link Metrics.observeWait} reads: BullMQ's `Job` fits. */
export type WaitedJob = Pick<Job, 'timestamp' | 'processedOn'>;

/** One finished LLM call (all its attempts), as {@link Metrics.recordLlmCall} records it. */
export type LlmCallRecord = {
  /** The provider key (e.g. `openai`, `sandbox`); keep it low-cardinality. */
  provider: string;
  model: string;
  /** Wall time of the whole call, retries and backoff included. */
  ms: number;
  usage?: TokenUsage | null | undefined;
  /** The final failure's category; absent for a successful call. */
  errorCategory?: LlmErrorCategory | undefined;
};

/** `ok`, `cancelled` (the caller aborted), or `error` (every other final failure). */
export type LlmOutcome = 'ok' | 'error' | 'cancelled';

/** The listening worker metrics server. */
export type MetricsServer = { port: number; close: () => Promise<void> };

/** Options of {@link createMetrics}. */
export type MetricsOptions = {
  /** Collect the default process metrics (`lbs_process_*`, `lbs_nodejs_*`); default true. */
  defaultMetrics?: boolean;
  /** Upper bound of one queue's count call during a scrape (default 2000 ms). */
  queueCountTimeoutMs?: number;
};

/**
 * A service's metrics. An interface (not an inferred type) so that packages using it emit
 * declarations that name it, instead of spelling out prom-client types they do not depend on.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- names the inferred shape
export interface Metrics extends ReturnType<typeof buildMetrics> {}

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const WAIT_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 300, 900, 3600];
const UNIT_BUCKETS = [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];
const LLM_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300];

/** Rejects after `ms` unless `promise` settles first. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A route pattern label: the mount path joined with the route's path; `unmatched` without a route. */
function routePattern(route: unknown, baseUrl: string): string {
  const path: unknown = (route as { path?: unknown } | undefined)?.path;
  if (path === undefined || path === null) return 'unmatched';
  const pattern = typeof path === 'string' ? path : String(path);
  if (!baseUrl) return pattern || '/';
  return pattern === '/' ? baseUrl : `${baseUrl}${pattern}`;
}

/**
 * Watches the router set `req.route` and remembers the mount path (`req.baseUrl`) it had at that
 * moment: when a handler inside a mounted router fails, Express restores `baseUrl` to the parent's
 * before the error handler answers, so reading both at the end would drop the prefix.
 * @returns the request's route pattern label, read once the response is done
 */
function watchRoute(req: Request): () => string {
  let route: unknown = req.route;
  let base = route === undefined ? '' : (req.baseUrl ?? '');
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: unknown) {
      route = value;
      base = req.baseUrl ?? '';
    },
  });
  return () => routePattern(route, base);
}

/**
 * The Prometheus instruments of one service, in a registry of its own (never prom-client's
 * global one: several services can share a process, e.g. in tests). Every series carries a
 * `service` label.
 * @param service - the service name, e.g. `gateway`, `eval-worker`
 * @param options - default-metrics switch and the scrape-time queue count bound
 * @example
 * const metrics = createMetrics('gateway');
 * app.use(metrics.httpMetrics());
 * app.get('/metrics', metrics.metricsHandler());
 */
export function createMetrics(service: string, options: MetricsOptions = {}): Metrics {
  return buildMetrics(service, options);
}

function buildMetrics(service: string, options: MetricsOptions) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'lbs_' });
  const registers = [registry];
  const queueCountTimeoutMs = options.queueCountTimeoutMs ?? 2000;

  const httpRequests = new Histogram<'method' | 'route' | 'status'>({
    name: 'lbs_http_request_duration_seconds',
    help: 'HTTP request duration by method, matched route pattern and status code.',
    labelNames: ['method', 'route', 'status'],
    buckets: HTTP_BUCKETS,
    registers,
  });

  const jobsFinished = new Counter<'type' | 'status'>({
    name: 'lbs_jobs_total',
    help: 'Jobs finished by this process, by job name and status (completed, failed, retried).',
    labelNames: ['type', 'status'],
    registers,
  });

  const trackedQueues = new Map<string, CountableQueue>();
  const queueDepth = new Gauge<'queue' | 'state'>({
    name: 'lbs_queue_jobs',
    help: 'Jobs in each BullMQ queue by state, read at scrape time.',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      // Counts are read first and the gauge rewritten in one synchronous step, so a scrape
      // never sees a half-updated set; a queue whose count fails or hangs (Redis down) is left
      // out rather than shown with stale numbers.
      const results = await Promise.all(
        [...trackedQueues].map(async ([name, queue]) => {
          try {
            return {
              name,
              counts: await withTimeout(queue.getJobCounts(...QUEUE_STATES), queueCountTimeoutMs),
            };
          } catch {
            return { name, counts: undefined };
          }
        }),
      );
      this.reset();
      for (const { name, counts } of results) {
        if (!counts) continue;
        for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      }
    },
  });

  const jobWait = new Histogram<'queue'>({
    name: 'lbs_job_wait_seconds',
    help: 'Time from a job being added to a worker picking it up, by queue.',
    labelNames: ['queue'],
    buckets: WAIT_BUCKETS,
    registers,
  });

  const unitDuration = new Histogram<'kind'>({
    name: 'lbs_eval_unit_duration_seconds',
    help: 'Wall time of one eval unit, by kind (eval, combo, prompt, meta).',
    labelNames: ['kind'],
    buckets: UNIT_BUCKETS,
    registers,
  });

  const llmCalls = new Histogram<'provider' | 'model' | 'outcome'>({
    name: 'lbs_llm_call_duration_seconds',
    help: 'Wall time of one LLM call (all attempts and backoff), by provider, model and outcome.',
    labelNames: ['provider', 'model', 'outcome'],
    buckets: LLM_BUCKETS,
    registers,
  });

  const llmTokens = new Counter<'provider' | 'model' | 'direction'>({
    name: 'lbs_llm_tokens_total',
    help: 'Tokens reported by providers, by direction (prompt, completion).',
    labelNames: ['provider', 'model', 'direction'],
    registers,
  });

  const llmErrors = new Counter<'provider' | 'category'>({
    name: 'lbs_llm_errors_total',
    help: 'LLM calls that finally failed, by provider and error category.',
    labelNames: ['provider', 'category'],
    registers,
  });

  const sseConnections = new Gauge({
    name: 'lbs_sse_connections',
    help: 'Open SSE job streams.',
    registers,
  });

  const wsConnections = new Gauge({
    name: 'lbs_ws_connections',
    help: 'Open WebSocket relay connections.',
    registers,
  });

  const eventsRelayed = new Counter<'type'>({
    name: 'lbs_events_relayed_total',
    help: 'Progress events delivered to SSE and WebSocket clients, by event type.',
    labelNames: ['type'],
    registers,
  });

  /** Records an LLM call's duration, tokens and (when it failed) its error category. */
  function recordLlmCall({ provider, model, ms, usage, errorCategory }: LlmCallRecord): void {
    const outcome: LlmOutcome = !errorCategory ? 'ok' : errorCategory === 'cancelled' ? 'cancelled' : 'error';
    llmCalls.observe({ provider, model, outcome }, Math.max(0, ms) / 1000);
    if (errorCategory) llmErrors.inc({ provider, category: errorCategory });
    if (usage) {
      if (usage.prompt_tokens > 0)
        llmTokens.inc({ provider, model, direction: 'prompt' }, usage.prompt_tokens);
      if (usage.completion_tokens > 0)
        llmTokens.inc({ provider, model, direction: 'completion' }, usage.completion_tokens);
    }
  }

  /**
   * Observes how long a job waited, from being added (`timestamp`) to being picked up
   * (`processedOn`). For a retried or delayed job this includes the earlier attempts and the delay.
   */
  function observeWait(queue: string, job: WaitedJob): void {
    if (!job.processedOn || !job.timestamp) return;
    const seconds = (job.processedOn - job.timestamp) / 1000;
    if (seconds >= 0) jobWait.observe({ queue }, seconds);
  }

  /** Serves the registry's text exposition. */
  async function render(): Promise<{ contentType: string; body: string }> {
    return { contentType: registry.contentType, body: await registry.metrics() };
  }

  return {
    service,
    registry,
    httpRequests,
    jobsFinished,
    queueDepth,
    jobWait,
    unitDuration,
    llmCalls,
    llmTokens,
    llmErrors,
    sseConnections,
    wsConnections,
    eventsRelayed,
    recordLlmCall,

    /**
     * Express middleware timing every request into `lbs_http_request_duration_seconds`, labelled
     * with the matched route pattern (`unmatched` when no route matched). Mount it before the
     * routers.
     */
    httpMetrics(): RequestHandler {
      return (req: Request, res: Response, next: NextFunction) => {
        const started = process.hrtime.bigint();
        const routeOf = watchRoute(req);
        // `close` fires for finished and aborted responses alike, after routing is done.
        res.once('close', () => {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          httpRequests.observe(
            { method: req.method, route: routeOf(), status: String(res.statusCode) },
            seconds,
          );
        });
        next();
      };
    },

    /** Express handler for `GET /metrics`. */
    metricsHandler(): RequestHandler {
      return (_req: Request, res: Response, next: NextFunction) => {
        render().then(({ contentType, body }) => {
          res.set('Content-Type', contentType).send(body);
        }, next);
      };
    },

    /**
     * Reports the job counts of these queues (keyed by the queue label) on every scrape. Calling
     * it again adds queues (a same-named one replaces the earlier).
     */
    trackQueues(queues: Record<string, CountableQueue>): void {
      for (const [name, queue] of Object.entries(queues)) trackedQueues.set(name, queue);
    },

    observeWait,

    /**
     * Wires a BullMQ worker: `active` observes the job's wait, `completed` counts
     * `{type: job.name, status: 'completed'}`, `failed` counts `failed` when the job has no
     * attempts left and `retried` otherwise.
     */
    instrumentWorker(queue: string, worker: Pick<Worker, 'on'>): void {
      worker.on('active', (job) => observeWait(queue, job));
      worker.on('completed', (job) => jobsFinished.inc({ type: job.name, status: 'completed' }));
      worker.on('failed', (job) => {
        if (!job) return jobsFinished.inc({ type: 'unknown', status: 'failed' });
        const willRetry = job.attemptsMade < (job.opts.attempts ?? 1);
        jobsFinished.inc({ type: job.name, status: willRetry ? 'retried' : 'failed' });
      });
    },

    /**
     * Wraps an LLM client so each `complete` call is recorded with {@link recordLlmCall}: its wall
     * time, token usage and, when it rejects, the `category` of the `LlmCallError`.
     */
    instrumentLlmClient(client: LlmClient, provider: string): LlmClient {
      return {
        complete: async (req, opts) => {
          const started = performance.now();
          try {
            const res = await client.complete(req, opts);
            recordLlmCall({ provider, model: req.model, ms: performance.now() - started, usage: res.usage });
            return res;
          } catch (error) {
            recordLlmCall({
              provider,
              model: req.model,
              ms: performance.now() - started,
              errorCategory: categoryOf(error),
            });
            throw error;
          }
        },
      };
    },

    /**
     * Counts one open connection in `lbs_sse_connections` or `lbs_ws_connections`.
     * @returns the release function; calling it more than once is harmless
     */
    trackConnection(kind: 'sse' | 'ws'): () => void {
      const gauge = kind === 'sse' ? sseConnections : wsConnections;
      gauge.inc();
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        gauge.dec();
      };
    },

    /**
     * A tiny HTTP server for workers: `GET /metrics` and `GET /healthz`.
     * @param port - 0 picks a free port
     * @param host - defaults to `0.0.0.0`
     */
    async startMetricsServer(port: number, host = '0.0.0.0'): Promise<MetricsServer> {
      const server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        } else if (path === '/healthz') {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
        } else if (path === '/metrics') {
          render().then(
            ({ contentType, body }) => res.writeHead(200, { 'Content-Type': contentType }).end(body),
            (err: unknown) =>
              res
                .writeHead(500, { 'Content-Type': 'text/plain' })
                .end(err instanceof Error ? err.message : String(err)),
          );
        } else {
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        }
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return {
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((resolve, reject) => {
            server.close((err) => (err ? reject(err) : resolve()));
            server.closeAllConnections();
          }),
      };
    },
  };
}

const CATEGORIES = new Set<string>(LLM_ERROR_CATEGORIES);

/** The category of an `LlmCallError` (read structurally); anything else counts as `network`. */
function categoryOf(error: unknown): LlmErrorCategory {
  const category = (error as { category?: unknown } | null)?.category;
  return typeof category === 'string' && CATEGORIES.has(category)
    ? (category as LlmErrorCategory)
    : 'network';
}
