import type { ConflictRule, ProviderEntry } from '../schemas/registry.schema.js';
import {
  SAMPLING_PARAMS,
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

const NO_EFFECT = 'DeepSeek thinking mode accepts but ignores temperature, top_p and the penalties; dropped';

const conflicts: ConflictRule[] = [
  {
    id: 'deepseek_reasoner_ignores_sampling',
    when: { model: 'deepseek-reasoner*' },
    resolution: { action: 'drop', params: [...SAMPLING_PARAMS] },
    description: `deepseek-reasoner always thinks: ${NO_EFFECT}`,
  },
  {
    id: 'deepseek_thinking_ignores_sampling',
    when: { in: { 'thinking.type': ['enabled'] } },
    resolution: { action: 'drop', params: [...SAMPLING_PARAMS] },
    description: `thinking enabled: ${NO_EFFECT}`,
  },
  {
    id: 'deepseek_v4_default_thinking_ignores_sampling',
    when: { model: 'deepseek-v4*', none_of: { 'thinking.type': ['disabled'] } },
    resolution: { action: 'drop', params: [...SAMPLING_PARAMS] },
    description: `DeepSeek V4 thinks unless thinking.type is "disabled": ${NO_EFFECT}`,
  },
];

/** DeepSeek API (`https://api.deepseek.com`), OpenAI format. */
export const DEEPSEEK: ProviderEntry = {
  id: 'deepseek',
  display_name: 'DeepSeek',
  source: [
    {
      title: 'DeepSeek API docs: Create chat completion',
      url: 'https://api-docs.deepseek.com/api/create-chat-completion',
    },
    { title: 'DeepSeek API docs: Thinking mode', url: 'https://api-docs.deepseek.com/guides/thinking_mode' },
    {
      title: 'DeepSeek API docs: Models & pricing',
      url: 'https://api-docs.deepseek.com/quick_start/pricing',
    },
  ],
  notes:
    'Thinking is toggled with `thinking: {type: enabled|disabled}` (extra_body in Python) and its intensity ' +
    'with reasoning_effort high|max (DeepSeek maps low/medium to high and xhigh to max). deepseek-chat is the ' +
    'non-thinking alias (max output 8K), deepseek-reasoner the thinking alias (max 64K); V4 models think by ' +
    'default. seed and top_k are not documented; they are sent with a warning.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature(),
    maxTokens({ max: 65536, default: 4096 }),
    stop({ max_items: 16 }),
    topP(),
    topK(unsupported('not a documented DeepSeek parameter', 'warn')),
    frequencyPenalty(),
    presencePenalty(),
    seed(unsupported('not a documented DeepSeek parameter', 'warn')),
    reasoningEffort({
      values: ['none', 'high', 'max'],
      notes: '"none" turns thinking off; high/max also switch thinking on (needed on deepseek-chat).',
      wire_map: {
        none: { thinking: { type: 'disabled' } },
        high: { reasoning_effort: 'high', thinking: { type: 'enabled' } },
        max: { reasoning_effort: 'max', thinking: { type: 'enabled' } },
      },
    }),
    tier3('thinking', 'object', { notes: '{type: "enabled" | "disabled"}' }),
  ),
  model_overrides: [
    {
      pattern: 'deepseek-chat*',
      params: { max_tokens: { max: 8192 } },
      notes: 'Non-thinking alias: 8K output.',
    },
    {
      pattern: 'deepseek-v4*',
      params: { max_tokens: { max: 393216 } },
      notes: 'V4 models: up to 384K output tokens.',
    },
  ],
  conflicts,
  passthrough_known: ['thinking', 'response_format', 'logprobs', 'top_logprobs', 'stream_options'],
};
