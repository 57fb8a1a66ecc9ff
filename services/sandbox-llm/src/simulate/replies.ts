import type { FunctionTool } from '../schemas/chat-request.schema.js';
import { truncate } from './text.js';

/**
 * Canned assistant prose. Every reply says it comes from a simulated model, so a transcript
 * pasted out of context can never be mistaken for a real model's answer.
 */

/** The model answered in prose instead of calling the tool (a "text instead of call" mistake). */
export function proseInsteadOfCall(tool: FunctionTool, args: Record<string, unknown>): string {
  const what = tool.function.description?.replace(/\.$/, '').toLowerCase() ?? tool.function.name;
  const detail = Object.values(args)
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .join(', ');
  return `Sure! I would ${what}${detail ? ` (${detail})` : ''}. Let me know if you want me to go ahead. [simulated reply]`;
}

/** Nothing in the toolbox fits the request (correct behaviour for an irrelevance case). */
export function irrelevantReply(prompt: string): string {
  return `None of my tools can help with "${truncate(prompt.trim(), 80)}", so I am answering directly: this is a simulated model and has no knowledge to share. [simulated reply]`;
}

/** Every planned step has been called; summarise what the tools returned. */
export function doneReply(toolResults: readonly unknown[]): string {
  const last = toolResults[toolResults.length - 1];
  const summary = last === undefined ? 'ok' : truncate(JSON.stringify(last), 160);
  return `Done. The last tool returned ${summary}. [simulated reply]`;
}

/** A plain chat request (no tools, or tool_choice none). */
export function chatReply(prompt: string): string {
  return `This is a simulated reply from the sandbox LLM to: "${truncate(prompt.trim(), 120)}". [simulated reply]`;
}
