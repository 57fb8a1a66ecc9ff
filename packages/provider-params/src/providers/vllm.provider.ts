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

/** vLLM's OpenAI-compatible server (self-hosted). */
export const VLLM: ProviderEntry = {
  id: 'vllm',
  display_name: 'vLLM (self-hosted)',
  source: [
    {
      title: 'vLLM docs: OpenAI-compatible server (extra parameters)',
      url: 'https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html',
    },
    {
      title: 'vLLM docs: SamplingParams',
      url: 'https://docs.vllm.ai/en/latest/api/vllm/sampling_params.html',
    },
  ],
  notes:
    'Extra sampling parameters (top_k, min_p, repetition_penalty, guided_*) are top-level JSON fields; the ' +
    "Python SDK sends them through extra_body. Defaults come from the model's generation_config.json unless the " +
    'server runs with --generation-config vllm. top_k -1 (or 0) disables it. guided_* are deprecated in recent ' +
    'vLLM in favour of structured_outputs. reasoning_effort is read only by models whose chat template uses it ' +
    '(gpt-oss); temperature has no documented upper bound (0–2 kept).',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature(),
    maxTokens(),
    stop(),
    topP({ notes: 'Must be in (0, 1].' }),
    topK({ min: -1, default: -1, notes: '-1 or 0 disables top-k.' }),
    frequencyPenalty(),
    presencePenalty(),
    seed(),
    reasoningEffort({ values: ['low', 'medium', 'high'], notes: 'gpt-oss-style chat templates only.' }),
    tier3('repetition_penalty', 'number', { min: 0, default: 1, notes: 'Multiplicative; > 0.' }),
    tier3('min_p', 'number', { min: 0, max: 1, default: 0 }),
    tier3('typical_p', 'number', { min: 0, max: 1, default: 1 }),
    tier3('length_penalty', 'number', { default: 1 }),
    tier3('min_tokens', 'integer', { min: 0, default: 0 }),
    tier3('ignore_eos', 'boolean', { default: false }),
    tier3('best_of', 'integer', { min: 1 }),
    tier3('guided_json', 'object'),
    tier3('guided_choice', 'string_array'),
    tier3('guided_regex', 'string'),
    tier3('structured_outputs', 'object'),
    tier3('chat_template_kwargs', 'object', { notes: 'e.g. {enable_thinking: false} for Qwen3.' }),
  ),
  model_overrides: [],
  conflicts: [],
  passthrough_known: [
    'repetition_penalty',
    'min_p',
    'typical_p',
    'length_penalty',
    'min_tokens',
    'ignore_eos',
    'best_of',
    'use_beam_search',
    'guided_json',
    'guided_choice',
    'guided_regex',
    'guided_grammar',
    'structured_outputs',
    'chat_template_kwargs',
    'skip_special_tokens',
    'spaces_between_special_tokens',
    'logit_bias',
    'response_format',
  ],
};
