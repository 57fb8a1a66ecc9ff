import { COMMON_PARAMS, type SandboxModel } from './sandbox-model.js';

/**
 * A strong, "API-class" model that likes low temperature and rule-like prompts. Mistakes are
 * mostly subtle argument errors, the kind only parameter accuracy catches.
 */
export const sandboxPrecise: SandboxModel = {
  id: 'sandbox-precise',
  description:
    'Precise tool caller. Best at temperature 0.2, top_p 0.9; rewards numbered rules, exact-value and schema instructions.',
  standsFor: 'a large hosted model with OpenAI-style parameters (no top_k)',
  contextWindow: 128_000,
  skill: { baseErrorRate: 0.04, floor: 0.01 },
  optimum: { temperature: 0.2, top_p: 0.9, presence_penalty: 0, frequency_penalty: 0 },
  sensitivity: {
    scale: 0.7,
    weights: { temperature: 1, top_p: 0.8, presence_penalty: 0.2, frequency_penalty: 0.2 },
  },
  promptFeatures: {
    numbered_rules: 0.06,
    exact_values: 0.05,
    schema_types: 0.04,
    always_call_tool: 0.02,
    irrelevance_guard: 0.02,
    chatty: -0.04,
  },
  mistakes: { mangled_argument: 0.45, missing_argument: 0.3, wrong_tool: 0.2, text_instead_of_call: 0.05 },
  supportedParams: [...COMMON_PARAMS, 'presence_penalty', 'frequency_penalty'],
  roles: ['target'],
};
