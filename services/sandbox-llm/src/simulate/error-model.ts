import type { SamplingDimension, SamplingParams, SandboxModel } from '../models/sandbox-model.js';
import type { PromptFeature } from './prompt-features.js';

/** Values assumed for parameters a request leaves out: the OpenAI defaults, top_k/min_p disabled. */
export const PARAM_DEFAULTS: Required<{ [K in SamplingDimension]: number }> = {
  temperature: 1,
  top_p: 1,
  top_k: 0,
  min_p: 0,
  presence_penalty: 0,
  frequency_penalty: 0,
  repetition_penalty: 1,
};

/** Highest error probability: even a terrible setting occasionally gets a call right. */
export const MAX_ERROR = 0.95;
/** Rounds the cone's tip so the minimum is smooth, while staying nearly linear around it. */
const SMOOTHING = 0.05;

/**
 * Maps a parameter onto a comparable [0, ~1] scale. top_k is linear in k/100 with "disabled"
 * (0, -1 or ≥ 100) at 1, because a disabled top_k samples from the whole vocabulary.
 */
function normalise(dim: SamplingDimension, value: number): number {
  switch (dim) {
    case 'top_k':
      return value <= 0 || value >= 100 ? 1 : value / 100;
    case 'presence_penalty':
    case 'frequency_penalty':
      return value / 2;
    case 'repetition_penalty':
      return (value - 1) * 2;
    case 'min_p':
      return value * 2;
    default:
      return value;
  }
}

/**
 * Weighted Euclidean distance between the request's sampling parameters and the model's optimum,
 * counting only dimensions the model both weighs and supports. Unsupported parameters are ignored,
 * as real providers often silently ignore them, so sweeping them shows a flat response.
 * @returns 0 at the optimum, growing with every step away
 */
export function paramDistance(model: SandboxModel, params: SamplingParams): number {
  let sum = 0;
  for (const [dim, weight] of Object.entries(model.sensitivity.weights) as [SamplingDimension, number][]) {
    if (!weight || !model.supportedParams.includes(dim)) continue;
    const value = params[dim] ?? PARAM_DEFAULTS[dim];
    const best = model.optimum[dim] ?? PARAM_DEFAULTS[dim];
    const delta = normalise(dim, value) - normalise(dim, best);
    sum += weight * delta * delta;
  }
  return Math.sqrt(sum);
}

/** Breakdown of an error probability, returned so tests and debug headers can explain it. */
export interface ErrorEstimate {
  probability: number;
  distance: number;
  featureBonus: number;
}

/**
 * Probability that the model makes a mistake on one call.
 *
 * `p = clamp(base + scale × (√(d² + ε²) − ε) − Σ bonus(feature), floor, 0.95)`: a smooth cone
 * whose single minimum is the model's optimum, so a grid or Bayesian search converges on it with
 * a handful of cases, and prompt features shift the whole surface down (or up, for penalties).
 * @param model - the simulated model
 * @param params - sampling parameters of the request
 * @param features - features detected in the system prompt
 * @returns the probability and its parts
 */
export function errorProbability(
  model: SandboxModel,
  params: SamplingParams,
  features: ReadonlySet<PromptFeature>,
): ErrorEstimate {
  const distance = paramDistance(model, params);
  const smooth = Math.sqrt(distance * distance + SMOOTHING * SMOOTHING) - SMOOTHING;
  let featureBonus = 0;
  for (const feature of features) featureBonus += model.promptFeatures[feature] ?? 0;
  const raw = model.skill.baseErrorRate + model.sensitivity.scale * smooth - featureBonus;
  const probability = Math.min(MAX_ERROR, Math.max(model.skill.floor, raw));
  return { probability, distance, featureBonus };
}

/**
 * Probability of calling some tool on a request no tool fits (under tool_choice auto). An
 * "always call a tool" prompt doubles the urge, an explicit irrelevance guard cuts it: the prompt
 * tuner then faces the same trade-off people face with real models.
 */
export function irrelevanceCallProbability(errorP: number, features: ReadonlySet<PromptFeature>): number {
  let p = errorP;
  if (features.has('always_call_tool')) p *= 2;
  if (features.has('irrelevance_guard')) p *= 0.3;
  return Math.min(MAX_ERROR, p);
}
