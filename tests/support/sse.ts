export type SseEvent = { id: string; event: string; data: any };

/**
 * Reads an SSE body frame by frame, handing each event (with the time it arrived) to `onEvent`
 * without keeping it, until the stream ends or `onEvent` returns true. Returns the number of events.
 */
export async function forEachSseEvent(
  res: Response,
  onEvent: (e: SseEvent, receivedAt: number) => boolean | void,
): Promise<number> {
  if (!res.body) throw new Error(`no body (status ${res.status})`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let count = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return count;
    const receivedAt = Date.now();
    buffer += decoder.decode(value, { stream: true });
    let sep: number;
    while ((sep = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, sep);
      buffer = buffer.slice(sep + 2);
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':') || !line.includes(':')) continue;
        const i = line.indexOf(':');
        fields[line.slice(0, i)] = (fields[line.slice(0, i)] ?? '') + line.slice(i + 1).trimStart();
      }
      if (!fields.data || !fields.event) continue;
      count++;
      if (onEvent({ id: fields.id ?? '', event: fields.event, data: JSON.parse(fields.data) }, receivedAt)) {
        await reader.cancel();
        return count;
      }
    }
  }
}

/**
 * Reads an SSE response body into events until the stream ends or `until` says stop. Used by
 * tests as a client would: over HTTP, frame by frame.
 */
export async function readSse(
  res: Response,
  until: (e: SseEvent, all: SseEvent[]) => boolean = () => false,
  onEvent?: (e: SseEvent) => void,
): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  await forEachSseEvent(res, (event) => {
    events.push(event);
    onEvent?.(event);
    return until(event, events);
  });
  return events;
}

/** Opens a job's SSE stream, optionally resuming after `lastEventId`. */
export function openEvents(
  base: string,
  token: string,
  jobId: string,
  lastEventId?: string,
): Promise<Response> {
  return fetch(`${base}/api/jobs/${jobId}/events`, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
  });
}

export const TERMINAL = ['job_completed', 'job_failed', 'job_cancelled'];
export const isTerminal = (e: SseEvent) => TERMINAL.includes(e.event);

/** POSTs with `Accept: text/event-stream` and reads the stream (until `until`, or its end). */
export async function postSse(
  base: string,
  token: string,
  path: string,
  body: unknown,
  until?: (e: SseEvent, all: SseEvent[]) => boolean,
  onEvent?: (e: SseEvent) => void,
): Promise<{ status: number; events: SseEvent[]; error?: string }> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) return { status: res.status, events: [], error: await res.text() };
  return { status: res.status, events: await readSse(res, until, onEvent) };
}
