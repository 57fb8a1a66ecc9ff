import { contentText, type ChatMessage } from '../schemas/chat-request.schema.js';
import { parseLenient } from './json-scan.js';

/** What the simulator needs from the message history. */
export interface Conversation {
  /** System and developer messages joined: the prompt whose features are scored. */
  systemPrompt: string;
  /** Text of the last user message: the request being answered. */
  lastUser: string;
  /** Tool names called since the last user message, in order. */
  calledTools: string[];
  /** Parsed contents of tool messages since the last user message, oldest first. */
  toolResults: unknown[];
}

/**
 * Reads a conversation. Only the turn after the last user message counts as "in progress", so a
 * long chat with earlier, finished tool calls does not suppress new ones.
 */
export function readConversation(messages: readonly ChatMessage[]): Conversation {
  const systemPrompt = messages
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => contentText(m.content))
    .join('\n\n');
  let lastUserAt = -1;
  messages.forEach((m, i) => {
    if (m.role === 'user') lastUserAt = i;
  });
  const lastUser = lastUserAt >= 0 ? contentText(messages[lastUserAt]!.content) : '';
  const calledTools: string[] = [];
  const toolResults: unknown[] = [];
  for (const m of messages.slice(lastUserAt + 1)) {
    if (m.role === 'assistant') for (const call of m.tool_calls ?? []) calledTools.push(call.function.name);
    if (m.role === 'tool') {
      const text = contentText(m.content);
      toolResults.push(parseLenient(text) ?? text);
    }
  }
  return { systemPrompt, lastUser, calledTools, toolResults };
}
