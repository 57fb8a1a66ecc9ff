import { LlmCallError, type ChatResponse, type LlmClient } from '../llm-client.js';

/** A JSON-answer request: one user message and the schema the answer should follow. */
export interface StructuredCall {
  model: string;
  prompt: string;
  schema: { name: string; schema: object };
  params?: Record<string, unknown>;
  signal?: AbortSignal | undefined;
}

/**
 * Asks for a JSON answer via `response_format` json_schema; when the provider refuses it (a 400, or
 * the server error some local servers give instead) the same request is sent once more without it.
 * Transient errors are retried with backoff by the client itself.
 * @returns the response, how many calls it took, and a note when the fallback was used
 * @throws LlmCallError when the call fails for good
 */
export async function completeStructured(
  client: LlmClient,
  call: StructuredCall,
): Promise<{ response: ChatResponse; calls: number; note: string | null }> {
  const send = (withFormat: boolean) =>
    client.complete(
      {
        model: call.model,
        messages: [{ role: 'user', content: call.prompt }],
        params: {
          ...call.params,
          ...(withFormat ? { response_format: { type: 'json_schema', json_schema: call.schema } } : {}),
        },
      },
      call.signal ? { signal: call.signal } : {},
    );
  try {
    return { response: await send(true), calls: 1, note: null };
  } catch (err) {
    if (!(err instanceof LlmCallError) || err.category === 'cancelled') throw err;
    if (err.category !== 'bad_request' && !err.retryable) throw err;
    const response = await send(false);
    return { response, calls: 2, note: `retried without response_format (${err.message.slice(0, 120)})` };
  }
}
