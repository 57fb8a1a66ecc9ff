import { createHmac, randomBytes } from 'node:crypto';
import { api } from '../support/api.js';

export type Raw = { status: number; text: string; body: any; headers: Headers };

/** One HTTP request whose body may be anything (or a raw string); never throws on a non-JSON answer. */
export async function request(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Raw> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  }
  const res = await fetch(base + path, { method, headers, body });
  // An SSE answer never ends by itself: its status and headers are the answer here.
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, text: '', body: undefined, headers: res.headers };
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, text, body: parsed, headers: res.headers };
}

/** Registers a fresh account; the first account of a stack is its admin. */
export async function register(base: string, label = 'sec') {
  const email = `${label}-${randomBytes(4).toString('hex')}@test.io`;
  const reg = await api(base).post('/api/auth/register', { email, password: 'correct horse battery' });
  if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
  return {
    email,
    user: reg.body.user as { id: string; role: string },
    token: reg.body.access_token as string,
    refresh: reg.body.refresh_token as string,
    client: api(base, reg.body.access_token),
  };
}

export type OpenApi = { paths: Record<string, Record<string, any>> };

export async function openapi(base: string): Promise<OpenApi> {
  return (await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApi;
}

/** Every `METHOD /path` of the OpenAPI document. */
export function operations(spec: OpenApi): { method: string; path: string; op: any }[] {
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

const b64url = (v: unknown) =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** An HS256 JWT (or any `alg` with `secret` undefined: no signature), crafted by hand. */
export function craftJwt(header: Record<string, unknown>, payload: Record<string, unknown>, secret?: string) {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  const sig = secret === undefined ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${sig}`;
}

/** The `{"error": {code, message}}` shape every 4xx must have. */
export function hasErrorShape(body: any): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof body.error === 'object' &&
    body.error !== null &&
    typeof body.error.code === 'string' &&
    typeof body.error.message === 'string'
  );
}
