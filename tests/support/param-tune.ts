import { readSse, type SseEvent } from './sse.js';
import type { api } from './api.js';

export const THREE_MODELS = ['sandbox-precise', 'sandbox-creative', 'sandbox-local-7b'].map((model_id) => ({
  provider_key: 'sandbox',
  model_id,
}));

/** Starts a tune with `Accept: text/event-stream` and reads the stream (until `until`, or its end). */
export async function streamTune(
  base: string,
  client: ReturnType<typeof api>,
  body: Record<string, unknown>,
  until?: (e: SseEvent, all: SseEvent[]) => boolean,
): Promise<{ status: number; events: SseEvent[] }> {
  const res = await fetch(`${base}/api/tool-eval/param-tune`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${client.token}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) return { status: res.status, events: [] };
  return { status: res.status, events: await readSse(res, until) };
}

export const ofType = (events: SseEvent[], type: string) =>
  events.filter((e) => e.event === type).map((e) => e.data);
