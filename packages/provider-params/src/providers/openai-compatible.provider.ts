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
} from './common.js';
import { REASONING_EFFORT_SCALE } from '../values.js';

/** Any other OpenAI-compatible server: permissive, OpenAI's ranges, everything sent. */
export const OPENAI_COMPATIBLE: ProviderEntry = {
  id: 'openai_compatible',
  display_name: 'OpenAI-compatible (generic)',
  source: [
    {
      title: 'OpenAI API reference: Create chat completion',
      url: 'https://platform.openai.com/docs/api-reference/chat/create',
    },
  ],
  notes:
    "Unknown server: OpenAI's documented ranges are used and every common parameter is sent; the server " +
    'decides what it honours. top_k accepts -1 (disabled) as llama.cpp and vLLM do.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature(),
    maxTokens(),
    stop(),
    topP(),
    topK({ min: -1 }),
    frequencyPenalty(),
    presencePenalty(),
    seed(),
    reasoningEffort({ values: [...REASONING_EFFORT_SCALE] }),
  ),
  model_overrides: [],
  conflicts: [],
  passthrough_known: [],
};
