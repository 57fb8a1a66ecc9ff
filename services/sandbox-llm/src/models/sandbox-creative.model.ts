import { COMMON_PARAMS, type SandboxModel } from './sandbox-model.js';

/**
 * A mid-skill model tuned for open-ended text: it calls tools best when it is *not* at
 * temperature 0 and with a narrowed nucleus. Its optimum sits far from sandbox-precise's, so a
 * parameter sweep over both models must report different winners.
 */
export const sandboxCreative: SandboxModel = {
  id: 'sandbox-creative',
  description:
    'Creative generalist. Best at temperature 0.8, top_p 0.7, top_k 40; rewards short prompts and exact-value instructions.',
  standsFor: 'a chat-tuned open-weights model served with top_k support',
  contextWindow: 32_000,
  skill: { baseErrorRate: 0.08, floor: 0.03 },
  optimum: { temperature: 0.8, top_p: 0.7, top_k: 40, presence_penalty: 0, frequency_penalty: 0 },
  sensitivity: {
    scale: 0.6,
    weights: { temperature: 1, top_p: 1, top_k: 0.6, presence_penalty: 0.15, frequency_penalty: 0.15 },
  },
  promptFeatures: {
    exact_values: 0.06,
    brevity: 0.05,
    always_call_tool: 0.03,
    irrelevance_guard: 0.02,
    numbered_rules: -0.02,
    chatty: -0.03,
  },
  mistakes: { mangled_argument: 0.4, wrong_tool: 0.3, missing_argument: 0.2, text_instead_of_call: 0.1 },
  supportedParams: [...COMMON_PARAMS, 'top_k', 'presence_penalty', 'frequency_penalty'],
  roles: ['target'],
};
