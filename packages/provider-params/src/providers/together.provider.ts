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
} from './common.js';

/** Together AI chat completions (`https://api.together.xyz/v1`). */
export const TOGETHER: ProviderEntry = {
  id: 'together',
  display_name: 'Together AI',
  source: [
    {
      title: 'Together docs: Chat completion parameters',
      url: 'https://docs.together.ai/docs/inference/chat/parameters',
    },
    {
      title: 'Together API reference: Create chat completion',
      url: 'https://docs.together.ai/reference/chat-completions-1',
    },
  ],
  notes:
    "Open-weights models; defaults come from each model's generation_config.json. top_k, repetition_penalty " +
    'and min_p are native top-level fields (extra_body in Python). reasoning_effort is honoured by gpt-oss-style ' +
    'models; hybrid models use `reasoning: {enabled}` instead. Older reference pages describe temperature as ' +
    '0–1; the parameters guide and SDK accept up to 2.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature({ default: undefined }),
    maxTokens({ max: 131072 }),
    stop(),
    topP({ default: undefined }),
    topK(),
    frequencyPenalty(),
    presencePenalty(),
    seed(),
    reasoningEffort({
      values: ['low', 'medium', 'high'],
      notes: 'Ignored by models without an effort dial.',
    }),
    tier3('repetition_penalty', 'number', {
      min: 0,
      default: 1,
      notes: 'Multiplicative; about 1.1 stops loops.',
    }),
    tier3('min_p', 'number', { min: 0, max: 1 }),
    tier3('reasoning', 'object', { notes: '{enabled: boolean} for hybrid reasoning models.' }),
    tier3('safety_model', 'string'),
  ),
  model_overrides: [],
  conflicts: [],
  passthrough_known: [
    'repetition_penalty',
    'min_p',
    'reasoning',
    'safety_model',
    'logit_bias',
    'logprobs',
    'echo',
    'n',
    'response_format',
    'context_length_exceeded_behavior',
  ],
};
