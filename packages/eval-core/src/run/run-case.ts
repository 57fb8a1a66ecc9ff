import type { TestCaseData, Tool } from '@llmbench/contracts';
import { type ChatMessage, type ChatResponse, LlmCallError, type TokenUsage } from '../llm-client.js';
import type { CaseScore } from '../score/case-score.schema.js';
import { roundEndsConversation } from '../score/chain.js';
import { extractCalls } from '../score/extract-call.js';
import { scoreCase } from '../score/score-case.js';
import { type CallContext, callModel } from './call-model.js';
import {
  type RawRequest,
  assistantMessage,
  describeRequest,
  initialMessages,
  toolMessages,
} from './messages.js';

/** One test case of an eval unit, with the tools it is offered (its own, else the suite's). */
export interface EvalCase {
  id: string;
  data: TestCaseData;
  tools: Tool[];
}

/** The result of one run of one case. */
export interface CaseOutcome {
  case_id: string;
  /** 0-based repeat. `${case_id}:${repeat_index}` is the idempotency key. */
  repeat_index: number;
  score: CaseScore;
  /** Sum over the rounds of the successful attempts' latency. */
  latency_ms: number;
  /** Summed over the rounds; null when the provider reported none. */
  usage: TokenUsage | null;
  /** Attempts made by the client, summed over the rounds (retries included). */
  attempts: number;
  raw_request: RawRequest;
  /** The provider's raw response (multi-turn: one per round). */
  raw_response: unknown;
  /** The whole conversation, for multi-turn cases. */
  transcript?: ChatMessage[];
}

interface Exchange {
  responses: ChatResponse[];
  transcript: ChatMessage[];
  notes: string[];
  error: LlmCallError | null;
}

/**
 * Talks to the model: one round for a single-turn case; for a multi-turn case, up to max_rounds,
 * answering every call that does not end the conversation with its mock response.
 */
async function converse(ctx: CallContext, c: EvalCase, initial: ChatMessage[]): Promise<Exchange> {
  const ex: Exchange = { responses: [], transcript: [...initial], notes: [], error: null };
  const rounds = c.data.multi_turn ? c.data.max_rounds : 1;
  for (let round = 1; round <= rounds; round++) {
    let response: ChatResponse;
    try {
      response = await callModel(ctx, ex.transcript, c.tools, ex.notes);
    } catch (err) {
      if (!(err instanceof LlmCallError)) throw err;
      ex.error = err;
      break;
    }
    ex.responses.push(response);
    const calls = extractCalls(response, { tools: c.tools });
    ex.transcript.push(assistantMessage(response, calls, round));
    if (!c.data.multi_turn || roundEndsConversation(calls, c.data.expected_tool)) break;
    ex.transcript.push(...toolMessages(calls, c.data.mock_responses, round));
  }
  return ex;
}

function sumUsage(responses: readonly ChatResponse[]): TokenUsage | null {
  const reported = responses.map((r) => r.usage).filter((u): u is TokenUsage => u !== null);
  if (reported.length === 0) return null;
  return {
    prompt_tokens: reported.reduce((s, u) => s + u.prompt_tokens, 0),
    completion_tokens: reported.reduce((s, u) => s + u.completion_tokens, 0),
  };
}

/**
 * Runs and scores one repeat of one case. A final API failure becomes a failed outcome.
 * @param ctx the unit's call context
 * @param systemPrompt the unit's system prompt
 * @param c the case
 * @param repeatIndex 0-based repeat
 * @returns the outcome
 * @throws RunCancelled when cancelled (no outcome); any non-LlmCallError from the client
 */
export async function runCase(
  ctx: CallContext,
  systemPrompt: string | null,
  c: EvalCase,
  repeatIndex: number,
): Promise<CaseOutcome> {
  const initial = initialMessages(systemPrompt, c.data);
  const ex = await converse(ctx, c, initial);
  const score = scoreCase({
    testCase: c.data,
    offeredTools: c.tools,
    responses: ex.responses,
    error: ex.error,
    notes: ex.notes,
  });
  const multi = c.data.multi_turn;
  return {
    case_id: c.id,
    repeat_index: repeatIndex,
    score,
    latency_ms: ex.responses.reduce((s, r) => s + r.latency_ms, 0),
    usage: sumUsage(ex.responses),
    attempts: ex.responses.reduce((s, r) => s + r.attempts, 0) + (ex.error?.attempts ?? 0),
    raw_request: describeRequest(ctx.model, initial, c.tools, ctx.toolChoice, ctx.params),
    raw_response: multi ? ex.responses.map((r) => r.raw_response) : (ex.responses[0]?.raw_response ?? null),
    ...(multi ? { transcript: ex.transcript } : {}),
  };
}
