import { z } from 'zod';
import { Slug, Timestamp, Uuid } from './common.schema.js';

/** Provider ids of the parameter registry. Every provider is reached through its OpenAI-compatible endpoint. */
export const PROVIDER_IDS = [
  'openai',
  'anthropic',
  'gemini',
  'mistral',
  'deepseek',
  'cohere',
  'xai',
  'zai',
  'together',
  'groq',
  'openrouter',
  'ollama',
  'lm_studio',
  'vllm',
  'openai_compatible',
  'sandbox',
] as const;
export const ProviderId = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof ProviderId>;

const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2048)
  .transform((u) => u.replace(/\/+$/, ''));

const Price = z.number().min(0).max(100_000);

export const ProviderModel = z.strictObject({
  model_id: z.string().trim().min(1).max(256),
  display_name: z.string().trim().min(1).max(256).optional(),
  context_window: z.number().int().min(1).max(100_000_000).optional(),
  input_price_per_mtok: Price.optional(),
  output_price_per_mtok: Price.optional(),
  skip_params: z.array(z.string().min(1).max(64)).max(64).default([]),
  default_params: z.record(z.string().max(64), z.unknown()).optional(),
});
export type ProviderModel = z.infer<typeof ProviderModel>;

const Models = z
  .array(ProviderModel)
  .max(500)
  .superRefine((models, ctx) => {
    const seen = new Set<string>();
    models.forEach((m, i) => {
      if (seen.has(m.model_id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'model_id'],
          message: `duplicate model_id "${m.model_id}"`,
        });
      seen.add(m.model_id);
    });
  });

const providerFields = {
  provider: ProviderId,
  name: z.string().trim().min(1).max(128).optional(),
  base_url: HttpUrl.optional(),
  api_key: z.string().min(1).max(4096).nullable().optional().describe('write-only; null clears it'),
  models: Models.default([]),
  max_concurrency: z
    .number()
    .int()
    .min(1)
    .max(256)
    .optional()
    .describe('in-flight calls to this provider, cluster-wide'),
};

export const CreateProviderRequest = z.strictObject({ provider_key: Slug, ...providerFields });
export type CreateProviderRequest = z.infer<typeof CreateProviderRequest>;

/** PUT replaces the config; an absent `api_key` keeps the stored key, `null` removes it. */
export const UpdateProviderRequest = z.strictObject(providerFields);
export type UpdateProviderRequest = z.infer<typeof UpdateProviderRequest>;

export const ProviderView = z.object({
  id: Uuid,
  provider_key: z.string(),
  provider: ProviderId,
  name: z.string(),
  base_url: z.string().nullable(),
  has_api_key: z.boolean(),
  models: z.array(ProviderModel),
  max_concurrency: z.number().int(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type ProviderView = z.infer<typeof ProviderView>;

/** The models every new user's `sandbox` provider lists (the simulated models of services/sandbox-llm). */
export const DEFAULT_SANDBOX_MODELS: ProviderModel[] = [
  { model_id: 'sandbox-precise', display_name: 'Sandbox Precise (simulated)', skip_params: [] },
  { model_id: 'sandbox-creative', display_name: 'Sandbox Creative (simulated)', skip_params: [] },
  { model_id: 'sandbox-local-7b', display_name: 'Sandbox Local 7B (simulated)', skip_params: [] },
  { model_id: 'sandbox-judge', display_name: 'Sandbox Judge (simulated)', skip_params: [] },
  { model_id: 'sandbox-flaky', display_name: 'Sandbox Flaky (simulated)', skip_params: [] },
];
