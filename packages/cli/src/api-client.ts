import { httpError, networkError } from './http-error.js';
import { usageError } from './errors.js';

/** Parses and normalises a server URL (no trailing slash), rejecting anything but http(s). */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw usageError(`not a server URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw usageError(`--url: not http(s): ${url}`);
  return parsed.href.replace(/\/+$/, '');
}

/** The gateway's JSON API with a bearer token; every failure becomes a {@link CliError}. */
export class ApiClient {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly token?: string,
  ) {
    this.baseUrl = normalizeUrl(baseUrl);
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** Opens a job's SSE stream, resuming after `lastEventId`; answers only a 200. */
  async openEvents(jobId: string, lastEventId: string | undefined, signal: AbortSignal): Promise<Response> {
    const res = await this.fetch(`/api/jobs/${encodeURIComponent(jobId)}/events`, {
      headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      signal,
    });
    if (res.status !== 200) throw httpError(res.status, await readJson(res).catch(() => undefined));
    return res;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = await readJson(res).catch((err: unknown) => {
      throw networkError(this.baseUrl, err);
    });
    if (!res.ok) throw httpError(res.status, parsed);
    return parsed as T;
  }

  private async fetch(path: string, init: RequestInit & { headers: Record<string, string> }) {
    const url = this.baseUrl + path;
    try {
      return await fetch(url, {
        ...init,
        headers: { ...init.headers, ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      });
    } catch (err) {
      throw networkError(this.baseUrl, err);
    }
  }
}

/** The body as JSON, or undefined when it is empty or not JSON (a proxy's HTML error page). */
async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
