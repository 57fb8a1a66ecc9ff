import { COMMON_PARAMS, type SandboxModel } from './sandbox-model.js';

/**
 * A decent model behind an unreliable endpoint: its *default* fault rates and latency are not
 * zero, so reliability features (retries, Retry-After, timeouts, error categories) can be
 * benchmarked without any header. Every other model is fault-free unless env or headers say so.
 */
export const sandboxFlaky: SandboxModel = {
  id: 'sandbox-flaky',
  description:
    'Decent tool caller behind an unreliable endpoint: 10% 429, 5% 500, 5% 503, 2% timeouts, 5% malformed arguments, 40 ms TTFT. Best at temperature 0.3, top_p 0.8.',
  standsFor: 'an overloaded provider endpoint',
  contextWindow: 32_000,
  skill: { baseErrorRate: 0.06, floor: 0.02 },
  optimum: { temperature: 0.3, top_p: 0.8 },
  sensitivity: { scale: 0.6, weights: { temperature: 1, top_p: 0.8 } },
  promptFeatures: { exact_values: 0.03, always_call_tool: 0.03, numbered_rules: 0.02 },
  mistakes: { mangled_argument: 0.4, missing_argument: 0.3, wrong_tool: 0.2, text_instead_of_call: 0.1 },
  supportedParams: [...COMMON_PARAMS],
  faults: { '429': 0.1, '500': 0.05, '503': 0.05, timeout: 0.02, malformed: 0.05 },
  latency: { ttftMs: 40, tokensPerS: 400 },
  roles: ['target'],
};
