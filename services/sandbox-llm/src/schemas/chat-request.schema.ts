import { z } from 'zod';

/**
 * The subset of the OpenAI Chat Completions request the sandbox understands. Unknown fields are
 * stripped rather than rejected (z.object's default) because real clients send vendor extras
 * (`user`, `metadata`, `store`, …) that a test double must tolerate. `null` is accepted wherever
 * OpenAI accepts it, since several SDKs serialise unset options as null.
 */

/** JSON Schema of a tool's parameters; kept loose on purpose, the simulator reads what it knows. */
export const JsonSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z.looseObject({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    description: z.string().optional(),
    enum: z.array(z.unknown()).optional(),
    format: z.string().optional(),
    properties: z.record(z.string(), JsonSchema).optional(),
    required: z.array(z.string()).optional(),
    items: JsonSchema.optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
  }),
);
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  [key: string]: unknown;
}

export const FunctionTool = z.object({
  type: z.literal('function'),
  function: z.object({
    name: z.string().min(1).max(256),
    description: z.string().optional().nullable(),
    parameters: JsonSchema.optional().nullable(),
    strict: z.boolean().optional().nullable(),
  }),
});
export type FunctionTool = z.infer<typeof FunctionTool>;

const TextPart = z.looseObject({ type: z.string(), text: z.string().optional() });
/** Message content: a string, an array of parts (only text parts are read) or null. */
export const MessageContent = z
  .union([z.string(), z.array(TextPart)])
  .nullable()
  .optional();

export const ToolCall = z.object({
  id: z.string(),
  type: z.literal('function').default('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof ToolCall>;

export const ChatMessage = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: MessageContent, name: z.string().optional() }),
  z.object({ role: z.literal('developer'), content: MessageContent, name: z.string().optional() }),
  z.object({ role: z.literal('user'), content: MessageContent, name: z.string().optional() }),
  z.object({
    role: z.literal('assistant'),
    content: MessageContent,
    tool_calls: z.array(ToolCall).optional().nullable(),
    name: z.string().optional(),
  }),
  z.object({ role: z.literal('tool'), content: MessageContent, tool_call_id: z.string() }),
]);
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ToolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.object({ type: z.literal('function'), function: z.object({ name: z.string() }) }),
]);
export type ToolChoice = z.infer<typeof ToolChoice>;

export const ResponseFormat = z.union([
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      name: z.string(),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().optional().nullable(),
    }),
  }),
]);
export type ResponseFormat = z.infer<typeof ResponseFormat>;

const optNum = (min: number, max: number) => z.number().min(min).max(max).nullable().optional();

/** POST /v1/chat/completions body. */
export const ChatCompletionRequest = z.object({
  model: z.string().min(1),
  messages: z.array(ChatMessage).min(1),
  tools: z.array(FunctionTool).optional().nullable(),
  tool_choice: ToolChoice.optional().nullable(),
  parallel_tool_calls: z.boolean().optional().nullable(),
  response_format: ResponseFormat.optional().nullable(),
  temperature: optNum(0, 2),
  top_p: optNum(0, 1),
  top_k: z.number().int().min(-1).nullable().optional(),
  min_p: optNum(0, 1),
  presence_penalty: optNum(-2, 2),
  frequency_penalty: optNum(-2, 2),
  repetition_penalty: z.number().positive().max(10).nullable().optional(),
  seed: z.number().int().nullable().optional(),
  stop: z
    .union([z.string(), z.array(z.string()).max(4)])
    .nullable()
    .optional(),
  n: z.literal(1, { message: 'the sandbox returns exactly one choice: n must be 1' }).nullable().optional(),
  max_tokens: z.number().int().positive().nullable().optional(),
  max_completion_tokens: z.number().int().positive().nullable().optional(),
  stream: z.boolean().nullable().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

/** Joins the text parts of a message content into one string. */
export function contentText(content: z.infer<typeof MessageContent>): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part) => part.text ?? '')
    .filter(Boolean)
    .join('\n');
}
