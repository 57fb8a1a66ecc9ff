/**
 * Helpers shared by the benches written on top of `support.ts`: percentiles, case ids, a
 * non-retaining SSE consumer (so a bench that measures memory does not hold every event), a
 * provider whose in-flight cap never binds, and RSS readings.
 */
import { readFileSync } from 'node:fs';
import type { api } from '../tests/support/api.js';
import { forEachSseEvent } from '../tests/support/sse.js';

export type Client = ReturnType<typeof api>;

/** The q-quantile (0..1) of `xs` by nearest rank; NaN for no values. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = Float64Array.from(xs).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (x: number, digits = 2) => +x.toFixed(digits);

/** p50 / p95 / p99 / max of `xs`, rounded. */
export function distribution(xs: readonly number[], digits = 1) {
  return {
    p50: round(quantile(xs, 0.5), digits),
    p95: round(quantile(xs, 0.95), digits),
    p99: round(quantile(xs, 0.99), digits),
    max: round(quantile(xs, 1), digits),
  };
}

/** Largest / smallest of many values (no spread: arrays of any length). */
export const maxOf = (xs: readonly number[]) => xs.reduce((m, x) => (x > m ? x : m), -Infinity);
export const minOf = (xs: readonly number[]) => xs.reduce((m, x) => (x < m ? x : m), Infinity);

/** The ids of a suite's cases, in suite order. */
export async function caseIds(client: Client, suiteId: string): Promise<string[]> {
  const res = await client.get(`/api/tool-suites/${suiteId}/cases`);
  if (res.status !== 200) throw new Error(`cases: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.items as { id: string }[]).map((c) => c.id);
}

/** Adds a sandbox provider `wide` whose in-flight cap (64) never binds, with the given models. */
export async function wideProvider(client: Client, sandboxUrl: string, models: readonly string[]) {
  const res = await client.post('/api/providers', {
    provider_key: 'wide',
    provider: 'sandbox',
    base_url: sandboxUrl,
    max_concurrency: 64,
    models: models.map((model_id) => ({ model_id })),
  });
  if (res.status >= 300) throw new Error(`provider: ${res.status} ${JSON.stringify(res.body)}`);
  return models.map((model_id) => ({ provider_key: 'wide', model_id }));
}

export const SANDBOX_MODELS = [
  'sandbox-precise',
  'sandbox-creative',
  'sandbox-local-7b',
  'sandbox-judge',
] as const;

/** Reads an SSE body without keeping events (see tests/support/sse.ts). */
export const consumeSse = forEachSseEvent;

/** Resident set size of a process in MB, from /proc/<pid>/status (VmRSS). */
export function procRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  if (!line) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/** Polls `check` every `everyMs` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function until<T>(check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Compares two event-log ids (`<ms>-<seq>`); negative when `a` is older. */
export function compareEventIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}
