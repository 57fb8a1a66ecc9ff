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
  topK,
  topP,
  unsupported,
} from './common.js';

const NOT_YET = 'documented by Groq as "not yet supported by any of our models" (no effect)';

/** GroqCloud (`https://api.groq.com/openai/v1`). */
export const GROQ: ProviderEntry = {
  id: 'groq',
  display_name: 'Groq',
  source: [
    { title: 'GroqCloud docs: OpenAI compatibility', url: 'https://console.groq.com/docs/openai' },
    {
      title: 'GroqCloud API reference: Chat',
      url: 'https://console.groq.com/docs/api-reference#chat-create',
    },
    { title: 'GroqCloud docs: Reasoning', url: 'https://console.groq.com/docs/reasoning' },
  ],
  notes:
    'temperature 0 is converted to 1e-8 by Groq. logprobs, logit_bias and top_logprobs are not supported; n ' +
    'must be 1. reasoning_effort: gpt-oss models take low|medium|high, Qwen3 takes none|default (we map any ' +
    'effort above none to "default"); other models reject it.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature(),
    maxTokens({ max: 131072 }),
    stop({ max_items: 4 }),
    topP(),
    topK(unsupported('not a Groq parameter')),
    frequencyPenalty(unsupported(NOT_YET)),
    presencePenalty(unsupported(NOT_YET)),
    seed(),
    reasoningEffort({
      values: [],
      ...unsupported('only reasoning models (gpt-oss, Qwen3) accept reasoning_effort'),
    }),
  ),
  model_overrides: [
    {
      pattern: 'openai/gpt-oss*|gpt-oss*',
      params: { reasoning_effort: { supported: true, values: ['low', 'medium', 'high'], default: 'medium' } },
      notes: 'gpt-oss: low/medium/high.',
    },
    {
      pattern: 'qwen/qwen3*|qwen3*',
      params: {
        reasoning_effort: {
          supported: true,
          values: ['none', 'default'],
          value_map: {
            minimal: 'default',
            low: 'default',
            medium: 'default',
            high: 'default',
            xhigh: 'default',
            max: 'default',
          },
          default: 'default',
        },
      },
      notes: 'Qwen3: thinking on ("default") or off ("none").',
    },
  ],
  conflicts: [],
  passthrough_known: [
    'reasoning_format',
    'include_reasoning',
    'service_tier',
    'response_format',
    'parallel_tool_calls',
  ],
};
