import type { Metrics } from '@llmbench/metrics';
import type { Request, Response } from 'express';
import type { ProgressEvent } from '@llmbench/contracts';
import { compareEventIds, isTerminalEvent, type EventBus } from '@llmbench/queue';
import type { EventRelay } from './event-relay.js';

const HEARTBEAT_MS = 15_000;

function frame(event: ProgressEvent): string {
  const { user_id: _u, ...data } = event;
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Streams one job's events as SSE: first the log after `Last-Event-ID` (or all of it), then
 * live events, with no gap and no duplicate (live events that arrive during the replay are
 * buffered and de-duplicated by id). One abort chain ends everything: client close, the
 * terminal event, a write error or shutdown. Closing the stream never cancels the job.
 */
export async function streamJobEvents(
  req: Request,
  res: Response,
  deps: { relay: EventRelay; bus: EventBus; shutdown: AbortSignal; metrics: Metrics },
  job: EndedOrNot,
): Promise<void> {
  const lastEventId =
    req.get('last-event-id') ??
    (typeof req.query.last_event_id === 'string' ? req.query.last_event_id : undefined);
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  const releaseConnection = deps.metrics.trackConnection('sse');
  res.write('retry: 2000\n\n');

  const done = new AbortController();
  let last = lastEventId && /^\d+-\d+$/.test(lastEventId) ? lastEventId : undefined;
  let buffer: ProgressEvent[] | null = [];
  const send = (event: ProgressEvent) => {
    if (done.signal.aborted || (last && compareEventIds(event.id, last) <= 0)) return;
    res.write(frame(event));
    deps.metrics.eventsRelayed.inc({ type: event.type });
    last = event.id;
    if (isTerminalEvent(event.type)) done.abort('terminal event');
  };
  const unsubscribe = deps.relay.subscribe(job.user_id, (event) => {
    if (event.job_id !== job.id) return;
    if (buffer) buffer.push(event);
    else send(event);
  });
  const stopResync = deps.relay.onResync(() => {
    deps.bus.replay(job.id, last).then(
      (events) => events.forEach(send),
      () => undefined,
    );
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  const cleanup = () => {
    releaseConnection();
    unsubscribe();
    stopResync();
    clearInterval(heartbeat);
    deps.shutdown.removeEventListener('abort', onShutdown);
    res.end();
  };
  // A gateway going down tells the client to come back soon (another replica will replay from its last id).
  const onShutdown = () => {
    if (!res.writableEnded) res.write(': server shutting down, reconnect\nretry: 500\n\n');
    done.abort('shutdown');
  };
  done.signal.addEventListener('abort', cleanup, { once: true });
  deps.shutdown.addEventListener('abort', onShutdown, { once: true });
  req.on('close', () => done.abort('client closed'));
  res.on('error', () => done.abort('write error'));

  try {
    for (const event of await deps.bus.replay(job.id, last)) send(event);
  } finally {
    const pending = buffer ?? [];
    buffer = null;
    for (const event of pending) send(event);
  }
  // An ended job whose log lost its terminal event (expired, or Redis lost it) still ends the stream.
  const terminal = terminalFromRow(job);
  if (terminal) send(terminal);
}

type EndedOrNot = {
  id: string;
  user_id: string;
  status: string;
  run_id: string | null;
  error: { code: string; message: string } | null;
};

function terminalFromRow(job: EndedOrNot): ProgressEvent | undefined {
  const base = { id: `${Date.now()}-0`, job_id: job.id, ts: new Date().toISOString() };
  if (job.status === 'completed') return { ...base, type: 'job_completed', result_ref: job.run_id };
  if (job.status === 'failed')
    return { ...base, type: 'job_failed', error: job.error ?? { code: 'failed', message: 'job failed' } };
  if (job.status === 'cancelled') return { ...base, type: 'job_cancelled', reason: 'cancelled' };
  return undefined;
}
