import { postSse, type SseEvent } from './sse.js';
import type { api } from './api.js';

export const THREE_MODELS = ['sandbox-precise', 'sandbox-creative', 'sandbox-local-7b'].map((model_id) => ({
  provider_key: 'sandbox',
  model_id,
}));

/** Starts a tune with `Accept: text/event-stream` and reads the stream (until `until`, or its end). */
export function streamTune(
  base: string,
  client: ReturnType<typeof api>,
  body: Record<string, unknown>,
  until?: (e: SseEvent, all: SseEvent[]) => boolean,
): Promise<{ status: number; events: SseEvent[] }> {
  return postSse(base, client.token, '/api/tool-eval/param-tune', body, until);
}

export const ofType = (events: SseEvent[], type: string) =>
  events.filter((e) => e.event === type).map((e) => e.data);
