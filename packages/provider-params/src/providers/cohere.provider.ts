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

/** Cohere through its Compatibility API (`https://api.cohere.ai/compatibility/v1`). */
export const COHERE: ProviderEntry = {
  id: 'cohere',
  display_name: 'Cohere',
  source: [
    {
      title: 'Cohere docs: Using Cohere models via the OpenAI SDK',
      url: 'https://docs.cohere.com/docs/compatibility-api',
    },
    { title: 'Cohere API reference: Chat (v2)', url: 'https://docs.cohere.com/reference/chat' },
  ],
  notes:
    'Ranges are the native v2 Chat ranges (p 0.01–0.99, penalties 0–1, temperature default 0.3); the ' +
    'Compatibility API page does not restate them. The native `k` (top_k) and `thinking` fields are not listed ' +
    'for the Compatibility API, nor is reasoning_effort: they are sent with a warning. Command A Reasoning ' +
    'produces up to 32K output tokens; older Command models 4K–8K.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature({ max: 1, default: 0.3 }),
    maxTokens({ max: 32000 }),
    stop({ max_items: 5 }),
    topP({ min: 0.01, max: 0.99, default: 0.75, step: 0.01 }),
    topK({ min: 0, max: 500, ...unsupported('native `k` is not listed for the Compatibility API', 'warn') }),
    frequencyPenalty({ min: 0, max: 1 }),
    presencePenalty({ min: 0, max: 1 }),
    seed(),
    reasoningEffort({
      values: ['none', 'high'],
      ...unsupported('not documented for the Compatibility API (native API uses `thinking`)', 'warn'),
    }),
    tier3('safety_mode', 'enum', { values: ['CONTEXTUAL', 'STRICT', 'OFF'] }),
    tier3('documents', 'object'),
    tier3('citation_options', 'object'),
    tier3('thinking', 'object', { notes: 'Native v2: {type: "enabled" | "disabled", token_budget}.' }),
  ),
  model_overrides: [],
  conflicts: [],
  passthrough_known: ['safety_mode', 'documents', 'citation_options', 'thinking', 'response_format'],
};
