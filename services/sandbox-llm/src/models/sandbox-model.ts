import type { PromptFeature } from '../simulate/prompt-features.js';

/** Sampling parameters the error model reads. Absent values take the OpenAI defaults. */
export interface SamplingParams {
  temperature?: number | null;
  top_p?: number | null;
  top_k?: number | null;
  min_p?: number | null;
  presence_penalty?: number | null;
  frequency_penalty?: number | null;
  repetition_penalty?: number | null;
}
export type SamplingDimension = keyof SamplingParams;

/** Kinds of mistake a model can make when its error roll hits (see simulate/mistakes.ts). */
export const MISTAKE_KINDS = [
  'wrong_tool',
  'missing_argument',
  'mangled_argument',
  'text_instead_of_call',
  'call_as_text',
  'name_stuffing',
] as const;
export type MistakeKind = (typeof MISTAKE_KINDS)[number];

/** Faults the server can inject (see simulate/faults.ts). */
export const FAULT_KINDS = ['429', '500', '503', 'timeout', 'malformed', 'name_stuffing'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultRates = Record<FaultKind, number>;

/** Time to first token (ms) and streaming speed (tokens/s; 0 = instant). */
export interface LatencyProfile {
  ttftMs: number;
  tokensPerS: number;
}

/**
 * A simulated model. The numbers are the whole truth about its behaviour:
 * `p(mistake) = clamp(base + scale × smoothDistance(params, optimum) − Σ featureBonus, floor, 0.95)`.
 */
export interface SandboxModel {
  id: string;
  description: string;
  /** What the model is meant to stand for, shown in GET /sandbox/models. */
  standsFor: string;
  contextWindow: number;
  skill: {
    /** Error probability at the optimum with a bare prompt. */
    baseErrorRate: number;
    /** Lowest reachable error probability, whatever the prompt. */
    floor: number;
  };
  /** Sampling values with the lowest error probability. Dimensions absent here are not rewarded. */
  optimum: { temperature: number; top_p: number } & Partial<Record<SamplingDimension, number>>;
  sensitivity: {
    /** Error probability added per unit of (weighted, normalised) distance from the optimum. */
    scale: number;
    /** Relative weight of each dimension in the distance; 0 or absent = ignored. */
    weights: Partial<Record<SamplingDimension, number>>;
  };
  /** Error probability removed (positive) or added (negative) by each system-prompt feature. */
  promptFeatures: Partial<Record<PromptFeature, number>>;
  /** Relative frequency of each mistake kind when the error roll hits. */
  mistakes: Partial<Record<MistakeKind, number>>;
  /** Request parameters the model honours; others are accepted and ignored, like many providers do. */
  supportedParams: string[];
  /** Per-model fault rates; env and headers are merged over these. */
  faults?: Partial<FaultRates>;
  /** Per-model latency; a header overrides it, and it overrides the env default. */
  latency?: LatencyProfile;
  /** Roles the model is recommended for in the product. */
  roles: Array<'target' | 'meta' | 'judge'>;
}

/** Parameters every sandbox model accepts (they shape the response, not the error rate). */
export const COMMON_PARAMS = [
  'temperature',
  'top_p',
  'seed',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'n',
  'stream',
  'stream_options',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
];
