import type { ProviderEntry } from '../schemas/registry.schema.js';
import {
  frequencyPenalty,
  maxTokens,
  presencePenalty,
  reasoningEffort,
  seed,
  specsOf,
  stop,
  temperature,
  tier3,
  topK,
  topP,
  unsupported,
} from './common.js';

const MLX = 'not available on MLX backends (LM Studio reports compatibility_type "mlx" in /v1/models)';

/** LM Studio's OpenAI-compatible server (`http://localhost:1234/v1`). */
export const LM_STUDIO: ProviderEntry = {
  id: 'lm_studio',
  display_name: 'LM Studio',
  source: [
    {
      title: 'LM Studio docs: OpenAI compatibility API',
      url: 'https://lmstudio.ai/docs/app/api/endpoints/openai',
    },
  ],
  notes:
    'Supported payload fields: model, messages, temperature, top_p, top_k, max_tokens, stop, presence_penalty, ' +
    'frequency_penalty, logit_bias, repeat_penalty, seed. Its repetition field is `repeat_penalty`. ' +
    'reasoning_effort is documented for /v1/responses (`reasoning.effort`), not for chat completions. ' +
    MLX +
    ' applies to mirostat*, typical_p.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature({ default: 0.8 }),
    maxTokens({ notes: '-1 (unlimited) is LM Studio specific and not accepted here.' }),
    stop(),
    topP({ default: 0.95 }),
    topK({ default: 40 }),
    frequencyPenalty(),
    presencePenalty(),
    seed(),
    reasoningEffort({ values: [], ...unsupported('not documented for LM Studio chat completions', 'warn') }),
    tier3('repeat_penalty', 'number', { min: 0, default: 1.1 }),
    tier3('min_p', 'number', { min: 0, max: 1, default: 0.05 }),
    tier3('mirostat', 'integer', { min: 0, max: 2, notes: MLX }),
    tier3('mirostat_eta', 'number', { min: 0, notes: MLX }),
    tier3('mirostat_tau', 'number', { min: 0, notes: MLX }),
    tier3('typical_p', 'number', { min: 0, max: 1, notes: MLX }),
    tier3('ttl', 'integer', { min: 1, notes: 'Seconds before an idle JIT-loaded model is unloaded.' }),
  ),
  model_overrides: [],
  conflicts: [],
  passthrough_known: [
    'repeat_penalty',
    'min_p',
    'mirostat',
    'mirostat_eta',
    'mirostat_tau',
    'typical_p',
    'ttl',
    'draft_model',
    'logit_bias',
    'response_format',
  ],
};
