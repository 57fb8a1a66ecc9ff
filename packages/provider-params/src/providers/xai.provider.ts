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

const REASONING_REJECTS =
  'xAI reasoning models reject presence/frequency penalties and stop (error response)';
const REASONING_MODELS = 'grok-4*|grok-3-mini*|grok-code-fast*';

/** xAI Grok (`https://api.x.ai/v1`). */
export const XAI: ProviderEntry = {
  id: 'xai',
  display_name: 'xAI (Grok)',
  source: [
    { title: 'xAI docs: Reasoning', url: 'https://docs.x.ai/docs/guides/reasoning' },
    {
      title: 'xAI API reference: Chat completions',
      url: 'https://docs.x.ai/docs/api-reference#chat-completions',
    },
  ],
  notes:
    'Reasoning models (grok-4 family except *-non-reasoning, grok-3-mini, grok-code-fast) reject ' +
    'presencePenalty, frequencyPenalty and stop. reasoning_effort is rejected by every model except grok-3-mini ' +
    '(low|high) and grok-4.20-multi-agent (where it selects the agent count). top_k is not documented.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature(),
    maxTokens({ max: 131072 }),
    stop(),
    topP(),
    topK(unsupported('not a documented xAI parameter', 'warn')),
    frequencyPenalty(),
    presencePenalty(),
    seed(),
    reasoningEffort({
      values: [],
      ...unsupported('rejected (error) by grok-3, grok-4 and grok-4-fast models'),
    }),
  ),
  model_overrides: [
    {
      pattern: REASONING_MODELS,
      exclude: '*non-reasoning*',
      params: {
        frequency_penalty: unsupported(REASONING_REJECTS),
        presence_penalty: unsupported(REASONING_REJECTS),
        stop: unsupported(REASONING_REJECTS),
      },
      notes: 'Reasoning models.',
    },
    {
      pattern: 'grok-3-mini*',
      params: { reasoning_effort: { supported: true, values: ['low', 'high'], default: 'low' } },
      notes: 'The only model with a thinking-effort dial.',
    },
    {
      pattern: 'grok-4.20-multi-agent*',
      params: {
        reasoning_effort: {
          supported: true,
          values: ['low', 'medium', 'high', 'xhigh'],
          notes: 'Selects 4 agents (low/medium) or 16 agents (high/xhigh), not thinking depth.',
        },
      },
      notes: 'Multi-agent model.',
    },
  ],
  conflicts: [],
  passthrough_known: [
    'search_parameters',
    'response_format',
    'logprobs',
    'top_logprobs',
    'parallel_tool_calls',
  ],
};
