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

/** Google Gemini through its OpenAI compatibility endpoint (`/v1beta/openai/`). */
export const GEMINI: ProviderEntry = {
  id: 'gemini',
  display_name: 'Google Gemini',
  source: [
    { title: 'Gemini API: OpenAI compatibility', url: 'https://ai.google.dev/gemini-api/docs/openai' },
    { title: 'Gemini API: Thinking', url: 'https://ai.google.dev/gemini-api/docs/thinking' },
    { title: 'Gemini API: Gemini 3 developer guide', url: 'https://ai.google.dev/gemini-api/docs/gemini-3' },
  ],
  notes:
    'reasoning_effort maps to thinking budgets (2.5) or thinking levels (3); "none" disables thinking only on ' +
    'models that allow it. Gemini-specific options go in a JSON field named `extra_body` holding a `google` ' +
    'object (Python: extra_body={"extra_body": {"google": {...}}}); pass that object as passthrough ' +
    '`extra_body`. Gemini 3 docs recommend keeping temperature at its default 1.0: lower values can cause ' +
    'looping or degraded reasoning. top_k is not among the documented compatibility fields; penalties are ' +
    'accepted by the compatibility layer but not honoured by every model (not documented per model).',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature(),
    maxTokens({ max: 65536 }),
    stop({ max_items: 5, notes: 'Gemini accepts up to 5 stop sequences.' }),
    topP({ default: 0.95 }),
    topK({ max: 100, ...unsupported('not a documented field of the OpenAI compatibility layer', 'warn') }),
    frequencyPenalty({ notes: 'Not honoured by every Gemini model.' }),
    presencePenalty({ notes: 'Not honoured by every Gemini model.' }),
    seed(),
    reasoningEffort({ values: ['none', 'minimal', 'low', 'medium', 'high'] }),
    tier3('extra_body', 'object', { notes: '{"google": {"thinking_config": {...}, "cached_content": ...}}' }),
    tier3('safety_settings', 'object', {
      notes: 'Native field; through compat put it under extra_body.google.',
    }),
  ),
  model_overrides: [
    {
      pattern: 'gemini-2.5-pro*|gemini-3*pro*',
      params: {
        reasoning_effort: {
          values: ['low', 'medium', 'high'],
          notes: 'Thinking cannot be turned off on Pro models.',
        },
      },
      notes: 'Pro models always think.',
    },
    {
      pattern: 'gemini-3*',
      params: { temperature: { default: 1, notes: 'Keep at 1.0 (Gemini 3 guide).' } },
      notes: 'Gemini 3 family.',
    },
  ],
  conflicts: [
    {
      id: 'gemini3_temperature_floor',
      when: { model: 'gemini-3*', lt: { temperature: 1 } },
      resolution: { action: 'clamp', param: 'temperature', min: 1 },
      description: 'Gemini 3 degrades (loops, weaker reasoning) below temperature 1.0; clamped up to 1.0',
    },
  ],
  passthrough_known: ['extra_body', 'safety_settings', 'response_format', 'n', 'stream_options'],
};
