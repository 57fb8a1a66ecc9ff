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

const NOT_IN_V1 =
  'not a documented field of Ollama /v1/chat/completions; likely ignored (set it in a Modelfile or use /api/chat)';

/** Ollama's OpenAI-compatible endpoint (`http://localhost:11434/v1`). */
export const OLLAMA: ProviderEntry = {
  id: 'ollama',
  display_name: 'Ollama',
  source: [
    { title: 'Ollama docs: OpenAI compatibility', url: 'https://docs.ollama.com/api/openai-compatibility' },
    {
      title: 'Ollama docs: Modelfile parameters',
      url: 'https://docs.ollama.com/modelfile#valid-parameters-and-values',
    },
  ],
  notes:
    '/v1/chat/completions documents temperature, top_p, max_tokens, stop, seed, the penalties and ' +
    'reasoning_effort (high|medium|low|none toggles thinking). Native options (top_k, num_ctx, mirostat, min_p, ' +
    'repeat_penalty, keep_alive) are not documented there: they are passed through with a warning because ' +
    "Ollama may ignore them. Defaults are Ollama's Modelfile defaults.",
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature({ default: 0.8 }),
    maxTokens({ notes: 'Maps to num_predict; Ollama caps it at the model setting.' }),
    stop(),
    topP({ default: 0.9 }),
    topK({ default: 40, ...unsupported(NOT_IN_V1, 'warn') }),
    frequencyPenalty(),
    presencePenalty(),
    seed(),
    reasoningEffort({ values: ['none', 'low', 'medium', 'high'], notes: 'Thinking-capable models only.' }),
    tier3('num_ctx', 'integer', { min: 1, default: 2048, ...unsupported(NOT_IN_V1, 'warn') }),
    tier3('mirostat', 'integer', { min: 0, max: 2, default: 0, ...unsupported(NOT_IN_V1, 'warn') }),
    tier3('mirostat_eta', 'number', { min: 0, default: 0.1, ...unsupported(NOT_IN_V1, 'warn') }),
    tier3('mirostat_tau', 'number', { min: 0, default: 5, ...unsupported(NOT_IN_V1, 'warn') }),
    tier3('min_p', 'number', { min: 0, max: 1, default: 0, ...unsupported(NOT_IN_V1, 'warn') }),
    tier3('repeat_penalty', 'number', { min: 0, default: 1.1, ...unsupported(NOT_IN_V1, 'warn') }),
    tier3('repeat_last_n', 'integer', { min: -1, default: 64, ...unsupported(NOT_IN_V1, 'warn') }),
    tier3('keep_alive', 'string', { default: '5m', ...unsupported(NOT_IN_V1, 'warn') }),
  ),
  model_overrides: [],
  conflicts: [],
  passthrough_known: [
    'num_ctx',
    'mirostat',
    'mirostat_eta',
    'mirostat_tau',
    'min_p',
    'repeat_penalty',
    'repeat_last_n',
    'keep_alive',
    'response_format',
    'logit_bias',
    'n',
    'user',
    'stream_options',
  ],
};
