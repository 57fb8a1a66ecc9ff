import type { Tool } from '@llmbench/contracts';
import {
  type ChatMessage,
  type ChatRequest,
  type ChatResponse,
  type LlmClient,
  LlmCallError,
  type ToolChoice,
} from '../llm-client.js';

/** The note a case gets when it ran with `auto` because the provider rejected `required`. */
export const TOOL_CHOICE_FALLBACK_NOTE = 'tool_choice_fallback:auto';

/** Thrown inside the loop when a call was cancelled; such a case produces no outcome. */
export class RunCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'RunCancelled';
  }
}

/** What every call of one eval unit shares. */
export interface CallContext {
  client: LlmClient;
  model: string;
  params: Record<string, unknown>;
  signal: AbortSignal;
  /** The unit's tool_choice. */
  requestedToolChoice: ToolChoice;
  /**
   * The tool_choice in force. Starts as the unit's; becomes `auto` for the rest of the unit once
   * the provider rejected `required` and `auto` worked, so later cases skip the doomed attempt.
   */
  toolChoice: ToolChoice;
}

/** Rejects with {@link RunCancelled} as soon as `signal` aborts, whatever the client does. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new RunCancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RunCancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

function request(
  ctx: CallContext,
  messages: readonly ChatMessage[],
  tools: readonly Tool[],
  choice: ToolChoice,
): ChatRequest {
  // tool_choice without tools is a 400 at every provider; a case without tools sends neither.
  const toolFields = tools.length > 0 ? { tools: [...tools], tool_choice: choice } : {};
  return { model: ctx.model, messages: [...messages], ...toolFields, params: ctx.params };
}

/** One client call; cancellation (ours, or the client's `cancelled`) becomes {@link RunCancelled}. */
async function completeOnce(ctx: CallContext, req: ChatRequest): Promise<ChatResponse> {
  try {
    return await raceAbort(ctx.client.complete(req, { signal: ctx.signal }), ctx.signal);
  } catch (err) {
    if (err instanceof RunCancelled) throw err;
    if (err instanceof LlmCallError && err.category === 'cancelled') throw new RunCancelled();
    // A client that rejects with a plain AbortError once aborted is cancelling, not crashing.
    if (ctx.signal.aborted) throw new RunCancelled();
    throw err;
  }
}

/**
 * Calls the model. When the provider rejects `tool_choice: 'required'` as a bad request, retries
 * once with `auto` and notes it. Only `bad_request` triggers this: an auth, rate-limit or server
 * error says nothing about tool_choice (the old product retried on any error, even auth).
 * @param ctx the unit's call context (its toolChoice may switch to `auto`)
 * @param messages the conversation so far
 * @param tools the tools offered to the case
 * @param notes the case's notes; the fallback note is added once
 * @returns the response
 * @throws LlmCallError for a final failure; RunCancelled when cancelled
 */
export async function callModel(
  ctx: CallContext,
  messages: readonly ChatMessage[],
  tools: readonly Tool[],
  notes: string[],
): Promise<ChatResponse> {
  const choice = ctx.toolChoice;
  let response: ChatResponse;
  try {
    response = await completeOnce(ctx, request(ctx, messages, tools, choice));
  } catch (err) {
    const rejectedRequired =
      err instanceof LlmCallError &&
      err.category === 'bad_request' &&
      choice === 'required' &&
      tools.length > 0;
    if (!rejectedRequired) throw err;
    response = await completeOnce(ctx, request(ctx, messages, tools, 'auto'));
    ctx.toolChoice = 'auto';
  }
  const fellBack = tools.length > 0 && ctx.toolChoice !== ctx.requestedToolChoice;
  if (fellBack && !notes.includes(TOOL_CHOICE_FALLBACK_NOTE)) notes.push(TOOL_CHOICE_FALLBACK_NOTE);
  return response;
}
