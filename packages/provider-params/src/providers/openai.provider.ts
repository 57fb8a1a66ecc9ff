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

const REJECTED_BY_REASONING = 'rejected by OpenAI reasoning models (400 unsupported_parameter)';

/** OpenAI Chat Completions: the reference the other entries are compared with. */
export const OPENAI: ProviderEntry = {
  id: 'openai',
  display_name: 'OpenAI',
  source: [
    {
      title: 'OpenAI API reference: Create chat completion',
      url: 'https://platform.openai.com/docs/api-reference/chat/create',
    },
    { title: 'OpenAI reasoning models guide', url: 'https://platform.openai.com/docs/guides/reasoning' },
    {
      title: 'OpenAI GPT-5 / GPT-5.x model guides',
      url: 'https://platform.openai.com/docs/guides/latest-model',
    },
  ],
  notes:
    'Unknown body fields are rejected (400 "Unrecognized request argument"). max_tokens is deprecated in favour of ' +
    'max_completion_tokens and not accepted by reasoning models. Per-model output limits are lower than the ' +
    'registry maximum for most models; the endpoint rejects values above them. Which GPT-5.x variants accept ' +
    'temperature/top_p with reasoning_effort "none" is not tabulated by OpenAI; we follow the GPT-5.2 guide.',
  tier3_location: 'top_level',
  rejects_unknown: true,
  params: specsOf(
    temperature(),
    maxTokens({ max: 128000, default: 4096 }),
    stop({ max_items: 4, notes: 'Up to 4 sequences.' }),
    topP(),
    topK(unsupported('not an OpenAI parameter (400 unrecognized argument)')),
    frequencyPenalty(),
    presencePenalty(),
    seed({ notes: 'Beta: best-effort determinism; OpenAI marks it deprecated for newer models.' }),
    reasoningEffort({
      values: [],
      ...unsupported('only reasoning models (o-series, GPT-5 family) accept reasoning_effort'),
    }),
  ),
  model_overrides: [
    {
      pattern: 'o1*|o3*|o4*',
      params: {
        temperature: { locked: 1, notes: 'Only the default (1) is accepted.' },
        top_p: unsupported(REJECTED_BY_REASONING),
        frequency_penalty: unsupported(REJECTED_BY_REASONING),
        presence_penalty: unsupported(REJECTED_BY_REASONING),
        stop: unsupported('o-series models reject stop sequences'),
        reasoning_effort: { supported: true, values: ['low', 'medium', 'high'], default: 'medium' },
      },
      rename: { max_tokens: 'max_completion_tokens' },
      notes: 'o-series reasoning models: fixed sampling, max_completion_tokens, effort low/medium/high.',
    },
    {
      pattern: 'o1-mini*|o1-preview*',
      params: {
        reasoning_effort: { values: [], ...unsupported('o1-mini and o1-preview take no reasoning_effort') },
      },
      notes: 'First-generation o1 previews: no effort dial.',
    },
    {
      pattern: 'gpt-5*',
      exclude: 'gpt-5.*|gpt-5*-chat*',
      params: {
        temperature: { locked: 1, notes: 'GPT-5 accepts only temperature 1.' },
        top_p: unsupported(REJECTED_BY_REASONING),
        frequency_penalty: unsupported(REJECTED_BY_REASONING),
        presence_penalty: unsupported(REJECTED_BY_REASONING),
        stop: unsupported(REJECTED_BY_REASONING),
        reasoning_effort: {
          supported: true,
          values: ['minimal', 'low', 'medium', 'high'],
          default: 'medium',
        },
      },
      rename: { max_tokens: 'max_completion_tokens' },
      notes: 'GPT-5 (gpt-5, -mini, -nano, -codex, -pro): reasoning model with temperature locked to 1.',
    },
    {
      pattern: 'gpt-5.*',
      exclude: 'gpt-5*-chat*',
      params: {
        frequency_penalty: unsupported(REJECTED_BY_REASONING),
        presence_penalty: unsupported(REJECTED_BY_REASONING),
        stop: unsupported(REJECTED_BY_REASONING),
        reasoning_effort: {
          supported: true,
          values: ['none', 'low', 'medium', 'high', 'xhigh'],
          default: 'none',
          notes: 'xhigh from gpt-5.1-codex-max / gpt-5.2 on; earlier 5.1 models reject it.',
        },
      },
      rename: { max_tokens: 'max_completion_tokens' },
      notes:
        'GPT-5.1+: reasoning_effort defaults to none; temperature/top_p are accepted only with effort none ' +
        '(conflict rule gpt5x_sampling_needs_no_reasoning).',
    },
    {
      pattern: 'gpt-5.1*',
      exclude: 'gpt-5*-chat*|gpt-5.1-codex-max*',
      params: { reasoning_effort: { values: ['none', 'low', 'medium', 'high'] } },
      notes: 'GPT-5.1 has no xhigh effort (it maps to high).',
    },
    {
      pattern: 'gpt-5*-chat*',
      params: {
        reasoning_effort: { values: [], ...unsupported('chat-latest aliases take no reasoning_effort') },
      },
      rename: { max_tokens: 'max_completion_tokens' },
      notes: 'gpt-5-chat-latest and successors: non-reasoning chat aliases.',
    },
    {
      pattern: 'gpt-5.*-chat*',
      params: {
        temperature: { locked: 1, notes: 'Observed: gpt-5.1+/chat-latest accept only temperature 1.' },
      },
      notes: 'GPT-5.x chat aliases keep the reasoning-model sampling lock.',
    },
  ],
  conflicts: [
    {
      id: 'gpt5x_sampling_needs_no_reasoning',
      when: { model: 'gpt-5.*', present: ['reasoning_effort'], none_of: { reasoning_effort: ['none'] } },
      resolution: { action: 'drop', params: ['temperature', 'top_p'] },
      description: 'GPT-5.x accepts temperature/top_p only with reasoning_effort "none" (400 otherwise)',
    },
  ],
  passthrough_known: [
    'service_tier',
    'prediction',
    'web_search_options',
    'logit_bias',
    'logprobs',
    'top_logprobs',
    'verbosity',
    'store',
    'metadata',
    'user',
    'parallel_tool_calls',
    'response_format',
    'prompt_cache_key',
    'safety_identifier',
  ],
};
