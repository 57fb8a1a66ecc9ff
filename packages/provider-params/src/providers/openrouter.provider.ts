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

const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const;

/** OpenRouter (`https://openrouter.ai/api/v1`): a router, so support ultimately depends on the upstream. */
export const OPENROUTER: ProviderEntry = {
  id: 'openrouter',
  display_name: 'OpenRouter',
  source: [
    { title: 'OpenRouter docs: API parameters', url: 'https://openrouter.ai/docs/api-reference/parameters' },
    {
      title: 'OpenRouter docs: Reasoning tokens',
      url: 'https://openrouter.ai/docs/use-cases/reasoning-tokens',
    },
  ],
  notes:
    'OpenRouter accepts the union of sampling parameters and forwards those the chosen upstream supports ' +
    '(others are ignored unless provider.require_parameters is set). Reasoning is the unified ' +
    '`reasoning: {effort}` object, so reasoning_effort is sent in that form. Model ids are vendor/model and are ' +
    'never stripped.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature(),
    maxTokens(),
    stop(),
    topP(),
    topK({ min: 0, default: 0, notes: '0 disables top-k.' }),
    frequencyPenalty(),
    presencePenalty(),
    seed(),
    reasoningEffort({
      values: [...EFFORTS],
      wire_map: Object.fromEntries(EFFORTS.map((e) => [e, { reasoning: { effort: e } }])),
    }),
    tier3('repetition_penalty', 'number', { min: 0, max: 2, default: 1 }),
    tier3('min_p', 'number', { min: 0, max: 1, default: 0 }),
    tier3('top_a', 'number', { min: 0, max: 1, default: 0 }),
    tier3('reasoning', 'object', { notes: '{effort | max_tokens, exclude, enabled}' }),
    tier3('provider', 'object', { notes: 'Routing preferences (order, require_parameters, ...).' }),
  ),
  model_overrides: [],
  conflicts: [],
  passthrough_known: [
    'repetition_penalty',
    'min_p',
    'top_a',
    'reasoning',
    'provider',
    'models',
    'route',
    'transforms',
    'logit_bias',
    'logprobs',
    'top_logprobs',
    'response_format',
    'usage',
    'verbosity',
  ],
};
