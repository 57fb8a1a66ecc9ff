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

const UNDOCUMENTED = 'not a documented Z.ai parameter';
const thinking = (type: 'enabled' | 'disabled') => ({ thinking: { type } });

/** Z.ai GLM models (`https://api.z.ai/api/paas/v4`), OpenAI-compatible. */
export const ZAI: ProviderEntry = {
  id: 'zai',
  display_name: 'Z.ai (GLM)',
  source: [
    {
      title: 'Z.ai API reference: Chat completion',
      url: 'https://docs.z.ai/api-reference/llm/chat-completion',
    },
    { title: 'Z.ai docs: Core parameters', url: 'https://docs.z.ai/guides/overview/concept-param' },
  ],
  notes:
    'temperature is [0, 1] (GLM-4.6 default 1.0, GLM-4.5 0.6); top_p is (0, 1] (default 0.95). Thinking is ' +
    'toggled with `thinking: {type}` (GLM-4.5+, on by default); we map reasoning_effort none → disabled and ' +
    'any other effort → enabled. Mirrors of the Z.ai reference list a native reasoning_effort from GLM-5.2 on. ' +
    'Penalties, seed and top_k are not documented. `do_sample: false` makes temperature/top_p ineffective.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature({ max: 1 }),
    maxTokens({ max: 131072 }),
    stop({ max_items: 4 }),
    topP({ min: 0.01, default: 0.95, step: 0.01 }),
    topK(unsupported(UNDOCUMENTED, 'warn')),
    frequencyPenalty(unsupported(UNDOCUMENTED, 'warn')),
    presencePenalty(unsupported(UNDOCUMENTED, 'warn')),
    seed(unsupported(UNDOCUMENTED, 'warn')),
    reasoningEffort({
      values: ['none', 'high'],
      wire_map: { none: thinking('disabled'), high: thinking('enabled') },
      notes: 'Mapped to thinking on/off; any effort above none means on.',
    }),
    tier3('thinking', 'object', { notes: '{type: "enabled" | "disabled"}' }),
    tier3('do_sample', 'boolean', { default: true }),
    tier3('request_id', 'string'),
    tier3('user_id', 'string'),
  ),
  model_overrides: [
    {
      pattern: 'glm-5.2*|glm-5.3*|glm-5.4*|glm-6*',
      params: {
        reasoning_effort: {
          values: ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'],
          wire_map: {},
          notes: 'Native reasoning_effort (per mirrors of the Z.ai reference).',
        },
      },
      notes: 'GLM-5.2 and later take reasoning_effort natively.',
    },
  ],
  conflicts: [
    {
      id: 'zai_greedy_ignores_sampling',
      when: { in: { do_sample: [false] } },
      resolution: { action: 'warn', params: ['temperature', 'top_p'] },
      description: 'do_sample false uses greedy decoding: temperature and top_p have no effect',
    },
  ],
  passthrough_known: ['thinking', 'do_sample', 'request_id', 'user_id', 'response_format', 'tool_stream'],
};
