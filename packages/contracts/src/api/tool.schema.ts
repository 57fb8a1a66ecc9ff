import { z } from 'zod';
import { collectSchemaIssues } from './json-schema-issues.js';
import { TOOL_NAME_PATTERN } from './suite.constants.js';

export { collectSchemaIssues };

/** Tool parameters: a JSON Schema whose top level is an object schema. */
export const ToolParameters = z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
  if (schema.type !== 'object')
    ctx.addIssue({
      code: 'custom',
      path: ['type'],
      message: 'tool parameters must be a JSON Schema with type "object"',
    });
  for (const issue of collectSchemaIssues(schema, [])) ctx.addIssue({ code: 'custom', ...issue });
});

/** OpenAI function names: what the chat-completions API accepts. */
export const ToolName = z
  .string()
  .regex(TOOL_NAME_PATTERN, 'tool names use letters, digits, _ and - (at most 64)');

/** A tool in OpenAI function-calling format. */
export const Tool = z.strictObject({
  type: z.literal('function'),
  function: z.strictObject({
    name: ToolName,
    description: z.string().max(10_000).default(''),
    parameters: ToolParameters.default({ type: 'object', properties: {} }),
    strict: z.boolean().optional(),
  }),
});
export type Tool = z.infer<typeof Tool>;

/** A list of tools with unique names (case-insensitive, as scoring compares names that way). */
export const ToolList = z
  .array(Tool)
  .max(5000)
  .superRefine((tools, ctx) => {
    const seen = new Set<string>();
    tools.forEach((t, i) => {
      const key = t.function.name.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'function', 'name'],
          message: `duplicate tool name "${t.function.name}"`,
        });
      seen.add(key);
    });
  });
