import { CONTROL_HEADERS, DIAGNOSTIC_HEADERS } from '../http/control-headers.js';
import { FEATURE_RULES, type PromptFeature } from '../simulate/prompt-features.js';
import type { SandboxModel } from './sandbox-model.js';

/** What GET /sandbox/models says about every model, and about the sandbox itself. */
export const SANDBOX_NOTICE =
  'These are SIMULATED models: a documented test double for OpenAI-compatible providers. Answers are derived from the prompt and tool schemas by simple rules, with mistakes drawn from the error model below. They are not real LLMs.';

export const ERROR_FORMULA =
  'p(mistake) = clamp(base_error_rate + scale * (sqrt(d^2 + 0.05^2) - 0.05) - sum(prompt feature bonus), floor, 0.95), where d = sqrt(sum(weight_i * (norm(param_i) - norm(optimum_i))^2)) over the supported, weighted sampling parameters. norm: temperature/top_p as is, top_k = k/100 (unset/0/>=100 = 1), penalties /2, min_p *2, (repetition_penalty - 1) *2. Missing params take OpenAI defaults (temperature 1, top_p 1, top_k unset).';

function featureDocs(model: SandboxModel, sign: 1 | -1) {
  return (Object.entries(model.promptFeatures) as [PromptFeature, number][])
    .filter(([, bonus]) => Math.sign(bonus) === sign)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([feature, bonus]) => ({
      feature,
      error_reduction: bonus,
      description: FEATURE_RULES[feature].description,
      example_phrases: FEATURE_RULES[feature].examples,
    }));
}

/** Documentation object of one model. */
export function describeModel(model: SandboxModel) {
  return {
    id: model.id,
    object: 'model',
    simulated: true,
    description: model.description,
    stands_for: model.standsFor,
    roles: model.roles,
    context_window: model.contextWindow,
    skill: { base_error_rate: model.skill.baseErrorRate, floor: model.skill.floor },
    optimum: model.optimum,
    sensitivity: { scale: model.sensitivity.scale, weights: model.sensitivity.weights },
    rewarded_prompt_features: featureDocs(model, 1),
    penalised_prompt_features: featureDocs(model, -1),
    mistakes: model.mistakes,
    supported_params: model.supportedParams,
    default_faults: model.faults ?? {},
    default_latency: model.latency ?? null,
  };
}

/** The full GET /sandbox/models document. */
export function describeSandbox(models: readonly SandboxModel[]) {
  return {
    object: 'list',
    notice: SANDBOX_NOTICE,
    error_formula: ERROR_FORMULA,
    determinism:
      'The same request with a seed, or with temperature 0, returns the same answer. Faults are always fresh random draws so retries can succeed.',
    control_headers: CONTROL_HEADERS,
    diagnostic_headers: DIAGNOSTIC_HEADERS,
    data: models.map(describeModel),
  };
}
