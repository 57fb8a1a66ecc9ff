import type { AuthResponse } from '@llmbench/contracts';
import { readSession, writeSession } from './session';

export type ErrorDetail = { path: string; message: string };

/** An API error as the gateway sends it: `{error: {code, message, details}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
  /** The message for one field (`body.name`), for inline form errors. */
  fieldError(path: string): string | undefined {
    return this.details.find((d) => d.path === path || d.path === `body.${path}`)?.message;
  }
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: parallel 401s wait for the same rotation (reusing a refresh token revokes it). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = readSession();
    if (!session) return false;
    const res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: session.refresh_token }),
    }).catch(() => null);
    if (!res) return false; // network down: keep the session, the caller shows the error
    if (!res.ok) {
      writeSession(null);
      return false;
    }
    const auth = (await res.json()) as AuthResponse;
    writeSession({ user: auth.user, access_token: auth.access_token, refresh_token: auth.refresh_token });
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export function authHeaders(): Record<string, string> {
  const token = readSession()?.access_token;
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function toApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: ErrorDetail[] };
  } | null;
  const error = body?.error;
  return new ApiError(
    res.status,
    error?.code ?? `http_${res.status}`,
    error?.message ?? `${res.status} ${res.statusText}`,
    error?.details ?? [],
  );
}

/** fetch with the session's token; a 401 refreshes the token once and retries. */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const send = () =>
    fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), ...authHeaders() } });
  let res = await send();
  if (res.status === 401 && readSession() && (await refreshSession())) res = await send();
  return res;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await authorizedFetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};

/** `?a=1&b=x` from an object, skipping undefined values. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined) as [string, string][];
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
