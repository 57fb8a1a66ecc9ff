import { COMMON_PARAMS, type SandboxModel } from './sandbox-model.js';

/**
 * The strongest sandbox model, meant as meta-model (prompt variations) and judge (verdicts,
 * reports, A/B comparisons). As a tool caller it is nearly perfect at temperature 0, so it is a
 * good "upper bound" row in a leaderboard.
 */
export const sandboxJudge: SandboxModel = {
  id: 'sandbox-judge',
  description:
    'Strong model for the meta-model and judge roles. Best at temperature 0, top_p 1; nearly error-free tool calls.',
  standsFor: 'a frontier hosted model used as evaluator',
  contextWindow: 200_000,
  skill: { baseErrorRate: 0.02, floor: 0.005 },
  optimum: { temperature: 0, top_p: 1, presence_penalty: 0, frequency_penalty: 0 },
  sensitivity: {
    scale: 0.3,
    weights: { temperature: 1, top_p: 0.5, presence_penalty: 0.1, frequency_penalty: 0.1 },
  },
  promptFeatures: { exact_values: 0.01, irrelevance_guard: 0.01 },
  mistakes: { mangled_argument: 0.5, missing_argument: 0.3, wrong_tool: 0.2 },
  supportedParams: [...COMMON_PARAMS, 'presence_penalty', 'frequency_penalty'],
  roles: ['target', 'meta', 'judge'],
};
