import type { ProviderId } from '@llmbench/contracts';
import { identifyProvider } from './identify.js';
import { normalize } from './pipeline/normalize.js';
import { createContext } from './pipeline/state.js';
import { mergeStage, renameStage } from './pipeline/wire.js';
import { REGISTRY, REGISTRY_VERSION, isProviderId } from './registry.js';
import type { Adjustment, ParamError } from './schemas/adjustment.schema.js';

/** Input of {@link buildRequestParams}; `params`, `passthrough` and `skip_params` are checked, not trusted. */
export interface BuildRequestInput {
  /** A registry provider id; when absent the provider is inferred from `base_url`/`model_id`. */
  provider?: string | null;
  model_id: string;
  /** Tier-1/2 parameters (unknown keys pass through with a warning). */
  params?: unknown;
  /** The model's `skip_params`: never sent, whether given in params or passthrough. */
  skip_params?: unknown;
  /** Tier-3 fields sent as-is (must be a JSON object). */
  passthrough?: unknown;
  base_url?: string | null;
}

/** Output of {@link buildRequestParams}. */
export interface BuildRequestResult {
  provider: ProviderId;
  /** The bare model id the overrides were matched against. */
  model: string;
  /** The final chat-completions body fields (besides model/messages/tools/tool_choice), keys sorted. */
  params: Record<string, unknown>;
  adjustments: Adjustment[];
  /** One line per `warn` adjustment, plus notes about the provider match. */
  warnings: string[];
  /** Bad input (wrong type, non-object passthrough, unknown provider): the API answers 400 naming `path`. */
  errors: ParamError[];
  /** Body fields a typed SDK (Python `openai`) must send through `extra_body`; the JS SDK sends them as-is. */
  extra_body_keys: string[];
  registry_version: string;
}

// Fields the OpenAI Chat Completions API defines: everything else is an extension field.
const OPENAI_BODY_FIELDS = new Set([
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'frequency_penalty',
  'presence_penalty',
  'seed',
  'reasoning_effort',
  'n',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'response_format',
  'service_tier',
  'user',
  'store',
  'metadata',
  'prediction',
  'modalities',
  'audio',
  'parallel_tool_calls',
  'stream',
  'stream_options',
  'web_search_options',
  'verbosity',
  'prompt_cache_key',
  'safety_identifier',
]);

function skipList(skip: unknown, errors: ParamError[]): string[] {
  if (skip === undefined || skip === null) return [];
  if (Array.isArray(skip) && skip.every((s) => typeof s === 'string')) return skip;
  errors.push({ path: 'skip_params', message: 'skip_params must be an array of strings' });
  return [];
}

function sortKeys(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(body)
      .sort()
      .map((k) => [k, body[k]]),
  );
}

/**
 * Turns user parameters into the final request body fields for one provider and model, in order: identify the
 * provider → validate types → clamp to range (model overrides first) → resolve conflicts → drop skipped and
 * unsupported → rename → merge passthrough. Deterministic and idempotent: feeding `result.params` back (same
 * provider, model and skip_params) returns the same params with no clamped/renamed/dropped adjustment.
 *
 * @example
 * buildRequestParams({ provider: 'openai', model_id: 'o3-mini', params: { temperature: 0.2, max_tokens: 500 } })
 * // params: { max_completion_tokens: 500, temperature: 1 }, adjustments: clamped temperature, renamed max_tokens
 * @param input - provider, model, params, optional skip_params and passthrough
 * @returns the body fields, every adjustment, warnings and input errors
 */
export function buildRequestParams(input: BuildRequestInput): BuildRequestResult {
  const errors: ParamError[] = [];
  const warnings: string[] = [];
  const modelId = typeof input.model_id === 'string' ? input.model_id : '';
  if (modelId.trim() === '')
    errors.push({ path: 'model_id', message: 'model_id must be a non-empty string' });
  const given = input.provider ?? undefined;
  if (given !== undefined && !isProviderId(given)) {
    const message = `unknown provider ${JSON.stringify(given)}; expected one of ${Object.keys(REGISTRY.providers).join(', ')}`;
    return emptyResult(modelId, [...errors, { path: 'provider', message }]);
  }
  const found = identifyProvider({ provider: given, model_id: modelId, base_url: input.base_url });
  if (found.matched_by === 'fallback') {
    warnings.push(`provider not identified from "${modelId}": using the generic OpenAI-compatible entry`);
  }
  const ctx = createContext(found.provider, REGISTRY.providers[found.provider], found.model);
  const skip = skipList(input.skip_params, errors);
  const state = normalize(ctx, input.params, input.passthrough, skip);
  const body = renameStage(ctx, state, new Set(skip));
  mergeStage(ctx, state, body);
  const params = sortKeys(body);
  for (const a of state.adjustments) if (a.action === 'warn') warnings.push(`${a.param}: ${a.reason}`);
  return {
    provider: found.provider,
    model: found.model,
    params,
    adjustments: state.adjustments,
    warnings,
    errors: [...errors, ...state.errors],
    extra_body_keys:
      ctx.entry.tier3_location === 'extra_body'
        ? Object.keys(params).filter((k) => !OPENAI_BODY_FIELDS.has(k))
        : [],
    registry_version: REGISTRY_VERSION,
  };
}

function emptyResult(model: string, errors: ParamError[]): BuildRequestResult {
  return {
    provider: 'openai_compatible',
    model,
    params: {},
    adjustments: [],
    warnings: [],
    errors,
    extra_body_keys: [],
    registry_version: REGISTRY_VERSION,
  };
}
