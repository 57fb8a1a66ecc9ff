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

const IGNORED = 'ignored by the OpenAI-compatibility layer (no effect)';
const THINKING_ON = ['enabled', 'adaptive'];
// Models whose Messages API rejects temperature and top_p together (Claude 4.5 migration guide, "breaking change").
const BOTH_SAMPLING_REJECTED =
  'claude-opus-4-1*|claude-opus-4-5*|claude-sonnet-4-5*|claude-haiku-4-5*|claude-*-4-6*|claude-*-4-7*|' +
  'claude-opus-5*|claude-sonnet-5*|claude-haiku-5*';

const thinking = (budget: number) => ({ thinking: { type: 'enabled', budget_tokens: budget } });

/** Anthropic through its OpenAI SDK compatibility layer (`https://api.anthropic.com/v1/`). */
export const ANTHROPIC: ProviderEntry = {
  id: 'anthropic',
  display_name: 'Anthropic',
  source: [
    { title: 'Claude docs: OpenAI SDK compatibility', url: 'https://docs.claude.com/en/api/openai-sdk' },
    {
      title: 'Claude docs: Migrating to Claude 4.5',
      url: 'https://docs.claude.com/en/docs/about-claude/models/migrating-to-claude-4',
    },
    {
      title: 'Claude docs: Extended thinking',
      url: 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking',
    },
  ],
  notes:
    'The compatibility layer caps temperature at 1, ignores presence/frequency penalties, seed and ' +
    'reasoning_effort, and enables extended thinking through a `thinking` field (extra_body in Python). ' +
    'top_k is not in its field table; the native Messages API has it. We map reasoning_effort to a thinking ' +
    'budget (2000/5000/10000 tokens) because the layer ignores it; max_tokens must exceed the budget. ' +
    'Whether the layer requires max_tokens (the native API does) is not stated.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature({ max: 1, notes: 'Values above 1 are capped at 1 by the layer; we clamp ourselves.' }),
    maxTokens({ max: 128000, default: 4096 }),
    stop({ notes: 'All non-whitespace stop sequences work.' }),
    topP({ default: undefined }),
    topK(
      unsupported(
        'not in the compatibility layer field table (native Messages API only); may be ignored',
        'warn',
      ),
    ),
    frequencyPenalty(unsupported(IGNORED)),
    presencePenalty(unsupported(IGNORED)),
    seed(unsupported(IGNORED)),
    reasoningEffort({
      values: ['none', 'low', 'medium', 'high'],
      notes: 'Ignored by the layer, so mapped to `thinking` budgets (minimum budget is 1024 tokens).',
      wire_map: { none: {}, low: thinking(2000), medium: thinking(5000), high: thinking(10000) },
    }),
    tier3('thinking', 'object', {
      notes: '{type: "enabled", budget_tokens >= 1024} or {type: "adaptive"} on models that support it.',
    }),
  ),
  model_overrides: [],
  conflicts: [
    {
      id: 'anthropic_thinking_drops_temperature_top_k',
      when: { in: { 'thinking.type': THINKING_ON } },
      resolution: { action: 'drop', params: ['temperature', 'top_k'] },
      description: 'extended thinking is not compatible with temperature or top_k changes',
    },
    {
      id: 'anthropic_thinking_top_p_range',
      when: { in: { 'thinking.type': THINKING_ON } },
      resolution: { action: 'clamp', param: 'top_p', min: 0.95, max: 1 },
      description: 'with extended thinking, top_p must be between 0.95 and 1',
    },
    {
      id: 'anthropic_thinking_needs_max_tokens',
      when: { in: { 'thinking.type': ['enabled'] }, present: ['max_tokens'] },
      resolution: { action: 'warn', params: ['max_tokens'] },
      description: 'max_tokens must be greater than thinking.budget_tokens',
    },
    {
      id: 'anthropic_thinking_max_tokens_missing',
      when: { in: { 'thinking.type': ['enabled'] }, absent: ['max_tokens'] },
      resolution: { action: 'warn', params: ['reasoning_effort', 'thinking'] },
      description: 'extended thinking needs an explicit max_tokens above thinking.budget_tokens',
    },
    {
      id: 'anthropic_temperature_top_p_exclusive',
      when: { model: BOTH_SAMPLING_REJECTED, present: ['temperature', 'top_p'] },
      resolution: { action: 'drop', params: ['top_p'] },
      description:
        'Claude 4.5-generation and newer models reject temperature and top_p together; top_p dropped',
    },
    {
      id: 'anthropic_temperature_top_p_advice',
      when: { present: ['temperature', 'top_p'] },
      resolution: { action: 'warn', params: ['top_p'] },
      description: 'Anthropic recommends altering temperature or top_p, not both',
    },
  ],
  passthrough_known: [
    'thinking',
    'metadata',
    'user',
    'parallel_tool_calls',
    'response_format',
    'stream_options',
  ],
};
