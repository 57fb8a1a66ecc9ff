import { COMMON_PARAMS, type SandboxModel } from './sandbox-model.js';

/**
 * A weak local model (think a 7B served by llama.cpp/Ollama). It often writes the call as text or
 * stuffs the call JSON into the function name, which exercises the product's local-LLM fixes, and
 * it gains the most from a prompt that says "always call a tool".
 */
export const sandboxLocal7b: SandboxModel = {
  id: 'sandbox-local-7b',
  description:
    'Weak local 7B. Best at temperature 0.5, top_k 20 (min_p 0.05, repetition_penalty 1.1); needs "always call a tool"; often stuffs JSON into the function name.',
  standsFor: 'a small local model behind an OpenAI-compatible server (llama.cpp, Ollama, LM Studio)',
  contextWindow: 8_192,
  skill: { baseErrorRate: 0.2, floor: 0.08 },
  optimum: { temperature: 0.5, top_p: 0.95, top_k: 20, min_p: 0.05, repetition_penalty: 1.1 },
  sensitivity: {
    scale: 0.6,
    weights: { temperature: 1, top_p: 0.3, top_k: 0.5, min_p: 0.3, repetition_penalty: 0.3 },
  },
  promptFeatures: {
    always_call_tool: 0.15,
    brevity: 0.05,
    exact_values: 0.04,
    irrelevance_guard: 0.03,
    numbered_rules: 0.02,
    schema_types: -0.03,
    chatty: -0.08,
  },
  mistakes: {
    name_stuffing: 0.25,
    call_as_text: 0.2,
    text_instead_of_call: 0.15,
    wrong_tool: 0.15,
    missing_argument: 0.1,
    mangled_argument: 0.15,
  },
  supportedParams: [
    ...COMMON_PARAMS,
    'top_k',
    'min_p',
    'repetition_penalty',
    'presence_penalty',
    'frequency_penalty',
  ],
  roles: ['target'],
};
