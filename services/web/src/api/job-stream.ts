import type { ProgressEvent } from '@llmbench/contracts';
import { authorizedFetch } from './client';
import { createSseParser } from './sse-parser';

export type JobEvent = ProgressEvent & Record<string, unknown>;
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'error';

const TERMINAL = new Set(['job_completed', 'job_failed', 'job_cancelled']);
export const isTerminal = (type: string) => TERMINAL.has(type);

type Handlers = {
  onEvent: (event: JobEvent) => void;
  onState: (state: StreamState, detail?: string) => void;
};

/**
 * Follows a job's SSE stream (`GET /api/jobs/{id}/events`) until its terminal event. A dropped
 * connection is resumed with `Last-Event-ID`, so no event is missed or repeated; the server's
 * `retry:` hint sets the first reconnect delay, doubling up to 10 s.
 * @returns a function that stops following (never cancels the job)
 */
export function followJob(jobId: string, handlers: Handlers, fromEventId?: string): () => void {
  const stop = new AbortController();
  let lastId = fromEventId;
  let retryMs = 1000;
  let failures = 0;

  const connectOnce = async (): Promise<'ended' | 'dropped' | 'fatal'> => {
    const res = await authorizedFetch(`/api/jobs/${encodeURIComponent(jobId)}/events`, {
      headers: { accept: 'text/event-stream', ...(lastId ? { 'last-event-id': lastId } : {}) },
      signal: stop.signal,
    });
    if (res.status === 404 || res.status === 401 || res.status === 403) {
      handlers.onState(
        'error',
        res.status === 404 ? 'This job does not exist or is not yours.' : 'Sign in again.',
      );
      return 'fatal';
    }
    if (!res.ok || !res.body) return 'dropped';
    handlers.onState('live');
    failures = 0;
    const parse = createSseParser();
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'dropped';
      for (const frame of parse(value)) {
        if (frame.retry !== undefined) retryMs = frame.retry;
        if (!frame.data) continue;
        const event = JSON.parse(frame.data) as JobEvent;
        lastId = frame.id ?? event.id ?? lastId;
        handlers.onEvent(event);
        if (isTerminal(event.type)) {
          await reader.cancel().catch(() => undefined);
          return 'ended';
        }
      }
    }
  };

  void (async () => {
    handlers.onState('connecting');
    while (!stop.signal.aborted) {
      const outcome = await connectOnce().catch(() => (stop.signal.aborted ? 'fatal' : 'dropped'));
      if (outcome === 'ended') return handlers.onState('ended');
      if (outcome === 'fatal' || stop.signal.aborted) return;
      failures += 1;
      handlers.onState('reconnecting');
      const delay = Math.min(10_000, retryMs * 2 ** Math.min(failures - 1, 4));
      await new Promise((ok) => setTimeout(ok, delay));
    }
  })();
  return () => stop.abort();
}
