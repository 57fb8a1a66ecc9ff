import {
  type ChatRequest,
  type ChatResponse,
  type CompleteOptions,
  LlmCallError,
  type LlmClient,
} from '../llm-client.js';

/** Decides the answer to one request: a response, or an error to reject with. */
export type Script = (
  req: ChatRequest,
  index: number,
  opts: CompleteOptions,
) => ChatResponse | Error | Promise<ChatResponse>;

/**
 * An in-memory LlmClient that answers from a script and records every request. eval-core is a
 * pure package: this is the interface it is given, not a stand-in for a real provider.
 */
export class ScriptedClient implements LlmClient {
  readonly requests: ChatRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(private readonly script: Script) {}

  async complete(req: ChatRequest, opts: CompleteOptions): Promise<ChatResponse> {
    const index = this.requests.length;
    this.requests.push(structuredClone(req));
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await Promise.resolve(); // answer asynchronously, like a real client
      const answer = await this.script(req, index, opts);
      if (answer instanceof Error) throw answer;
      return answer;
    } finally {
      this.inFlight -= 1;
    }
  }
}

/** The text of the last user message of a request. */
export function lastUserText(req: ChatRequest): string {
  const user = req.messages.filter((m) => m.role === 'user').pop();
  return user?.content ?? '';
}

/** A promise that never settles (a client that ignores the abort signal). */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/** A promise that rejects with a `cancelled` LlmCallError once the signal aborts (a well-behaved client). */
export function untilAborted<T>(signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((_, reject) => {
    signal?.addEventListener(
      'abort',
      () => reject(new LlmCallError('cancelled', { category: 'cancelled' })),
      { once: true },
    );
  });
}
