import { z } from 'zod';
import { Target, targetKey, Uuid } from './common.schema.js';
import { EvalJudgeOptions } from './judge.schema.js';

export const ToolChoice = z.enum(['required', 'auto', 'none']);
export type ToolChoice = z.infer<typeof ToolChoice>;

export const Targets = z
  .array(Target)
  .min(1, 'name at least one target')
  .max(50)
  .superRefine((targets, ctx) => {
    const seen = new Set<string>();
    targets.forEach((t, i) => {
      if (seen.has(targetKey(t)))
        ctx.addIssue({ code: 'custom', path: [i], message: `duplicate target ${targetKey(t)}` });
      seen.add(targetKey(t));
    });
  });

/** `POST /api/tool-eval`. A target is always `{provider_key, model_id}`. */
export const CreateEvalRequest = z.strictObject({
  suite_id: Uuid,
  targets: Targets,
  /** Default: the model's default_params temperature, else 0 (tool calling wants determinism). */
  temperature: z.number().min(0).max(2).optional(),
  tool_choice: ToolChoice.default('required'),
  params: z
    .record(z.string().max(64), z.unknown())
    .default({})
    .describe('extra provider parameters (top_p, seed, max_tokens, …); clamped/renamed per provider'),
  passthrough: z.unknown().optional().describe('tier-3 provider-specific fields sent as-is (a JSON object)'),
  system_prompt: z
    .union([
      z.string().max(50_000),
      z.record(z.string().regex(/^[^:]+::.+$/, 'keys are "provider_key::model_id"'), z.string().max(50_000)),
    ])
    .nullable()
    .default(null)
    .describe("null = the suite's system prompt; an object sets one per target"),
  case_ids: z
    .array(Uuid)
    .min(1)
    .max(10_000)
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: 'duplicate case id' });
        seen.add(id);
      });
    })
    .optional(),
  repeats: z.number().int().min(1).max(20).default(1),
  concurrency: z
    .number()
    .int()
    .min(1)
    .max(64)
    .optional()
    .describe('parallel cases within one target (bounded by the provider limit)'),
  experiment_id: Uuid.optional(),
  /** LLM judge: verdicts live in this stream (live_inline) or a report job when the eval ends (post_eval). */
  judge: EvalJudgeOptions.optional(),
});
export type CreateEvalRequest = z.infer<typeof CreateEvalRequest>;

export const EvalHistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  suite_id: Uuid.optional(),
});
