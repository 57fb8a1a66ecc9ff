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

const REJECTS = 'Mistral rejects unknown fields (422 extra_forbidden)';

/** Mistral La Plateforme chat completions (OpenAI-shaped, strict schema). */
export const MISTRAL: ProviderEntry = {
  id: 'mistral',
  display_name: 'Mistral',
  source: [
    {
      title: 'Mistral API: Chat completion',
      url: 'https://docs.mistral.ai/api/#tag/chat/operation/chat_completion_v1_chat_completions_post',
    },
    {
      title: 'Mistral client-ts: ChatCompletionRequest',
      url: 'https://github.com/mistralai/client-ts/blob/main/docs/models/components/chatcompletionrequest.md',
    },
  ],
  notes:
    'The seed field is `random_seed` (we rename it; the old product left that to LiteLLM). Mistral recommends ' +
    'temperature 0.0–0.7 and says the default depends on the model; the hard maximum is not stated in the ' +
    'reference (1.5 kept from the previous registry). Magistral reasoning is selected with `prompt_mode` ' +
    '(tier 3); a `reasoning_effort` field is mentioned by third-party wrappers only, so it is not sent. ' +
    REJECTS +
    ', so unsupported fields are dropped.',
  tier3_location: 'extra_body',
  rejects_unknown: true,
  params: specsOf(
    temperature({ max: 1.5, default: 0.7, notes: 'Recommended 0.0–0.7; default varies by model.' }),
    maxTokens({ max: 32768 }),
    stop(),
    topP(),
    topK(unsupported(`not a Mistral parameter; ${REJECTS}`)),
    frequencyPenalty(),
    presencePenalty(),
    seed({ wire_name: 'random_seed' }),
    reasoningEffort({ values: [], ...unsupported(`not a documented Mistral field; ${REJECTS}`) }),
    tier3('safe_prompt', 'boolean', { default: false }),
    tier3('prompt_mode', 'enum', { values: ['reasoning'], notes: 'Magistral system prompt mode.' }),
  ),
  model_overrides: [],
  conflicts: [],
  passthrough_known: [
    'safe_prompt',
    'prompt_mode',
    'response_format',
    'n',
    'parallel_tool_calls',
    'prediction',
  ],
};
