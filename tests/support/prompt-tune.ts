import { postSse, type SseEvent } from './sse.js';
import type { api } from './api.js';

export const META = { provider_key: 'sandbox', model_id: 'sandbox-judge' };

/** Starts a prompt tune with `Accept: text/event-stream` and reads the stream to its end. */
export async function streamPromptTune(
  base: string,
  client: ReturnType<typeof api>,
  body: Record<string, unknown>,
  onEvent?: (e: SseEvent) => void,
): Promise<SseEvent[]> {
  const res = await postSse(base, client.token, '/api/tool-eval/prompt-tune', body, undefined, onEvent);
  if (res.status !== 200) throw new Error(`prompt-tune: ${res.status} ${res.error}`);
  return res.events;
}
