import type { Tool } from '@llmbench/contracts';
import type { ChatResponse } from '../llm-client.js';
import { type ExtractedCall, extractCalls } from './extract-call.js';
import type { ChainCall } from './multi-turn-score.js';
import { type ExpectedTool, isExpectedTool } from './tool-selection.js';

/**
 * Whether a multi-turn conversation ends after a round: the model called nothing, or called an
 * expected tool. The eval loop and the scorer both use this, so they agree on the chain.
 * @param calls the calls of the round
 * @param expected the case's expected tool(s)
 * @returns true when the conversation stops here
 */
export function roundEndsConversation(calls: readonly ExtractedCall[], expected: ExpectedTool): boolean {
  return calls.length === 0 || calls.some((c) => isExpectedTool(expected, c.name));
}

/** Result of {@link buildChain}. */
export interface BuiltChain {
  /** Every call, in order, as extracted (with notes). */
  calls: ExtractedCall[];
  /** The same calls with their 1-based round. */
  chain: ChainCall[];
  /** The text of the last response read. */
  content: string | null;
}

/**
 * Rebuilds the call chain of a multi-turn conversation from its responses, one per round, up to
 * the round that ends it (see {@link roundEndsConversation}).
 * @param responses the model's responses in order
 * @param expected the case's expected tool(s)
 * @param tools the offered tools (for repairs)
 * @returns the calls and the chain
 */
export function buildChain(
  responses: readonly ChatResponse[],
  expected: ExpectedTool,
  tools: readonly Tool[],
): BuiltChain {
  const out: BuiltChain = { calls: [], chain: [], content: null };
  for (const [i, response] of responses.entries()) {
    const calls = extractCalls(response, { tools });
    out.calls.push(...calls);
    out.chain.push(...calls.map((c) => ({ tool: c.name, arguments: c.arguments, round: i + 1 })));
    out.content = response.content;
    if (roundEndsConversation(calls, expected)) break;
  }
  return out;
}
