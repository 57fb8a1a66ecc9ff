/**
 * The provider-parameter registry as `GET /api/provider-params/registry` sends it, and what the provider views
 * make of it. A model's effective specs come from packages/provider-params' own rules (bundled, without the
 * registry data): the routing prefix stripped and every matching override applied, as the server does.
 */
import {
  bareModelId,
  resolveParamSpecs,
  type Adjustment,
  type ModelOverride,
  type ParamSpec,
  type ParamType,
  type ProviderEntry,
  type Registry,
} from '@llmbench/provider-params/rules';

export type {
  Adjustment,
  ModelOverride,
  ParamSpec,
  ParamType,
  ProviderEntry,
  Registry,
} from '@llmbench/provider-params/rules';

export type ValidateResponse = {
  valid: boolean;
  provider: string;
  model_id: string;
  params: Record<string, unknown>;
  adjustments: Adjustment[];
  warnings: string[];
  registry_version: string;
};

/** The entry of a registry provider id (any string: a form's value), or undefined. */
export function providerEntry(registry: Registry | undefined, id: string): ProviderEntry | undefined {
  return Object.values(registry?.providers ?? {}).find((e) => e.id === id);
}

/** A model's specs (registry order), its matching overrides, and the keys the generated controls edit. */
export type ResolvedSpecs = {
  specs: ParamSpec[];
  overrides: ModelOverride[];
  /** Tier-1/2 input keys (name, wire name, aliases) → parameter name; tier-3 keys belong to the passthrough. */
  structuredKeys: Map<string, string>;
};

/** The effective specs of a provider's parameters for one model. */
export function resolveSpecs(entry: ProviderEntry, modelId: string): ResolvedSpecs {
  const resolved = resolveParamSpecs(entry, bareModelId(entry.id, modelId));
  const structuredKeys = new Map(
    [...resolved.keys].filter(([, name]) => (resolved.specs[name]?.tier ?? 3) < 3),
  );
  return { specs: Object.values(resolved.specs), overrides: resolved.overrides, structuredKeys };
}

/** Why a parameter cannot be set for this model (unsupported or skipped), or undefined when it can. */
export function disabledReason(spec: ParamSpec, skipParams: readonly string[]): string | undefined {
  const keys = [spec.name, spec.wire_name, ...(spec.aliases ?? [])].filter(Boolean);
  if (keys.some((k) => skipParams.includes(k as string))) return `in this model's skip_params: never sent`;
  if (!spec.supported)
    return `${spec.reason ?? 'not supported by this provider'}${
      spec.unsupported_action === 'warn' ? ' (sent as-is with a warning)' : ''
    }`;
  return undefined;
}

/**
 * Splits stored `default_params` into values the generated controls edit (tier 1/2, by parameter name) and the
 * rest (tier-3 and unknown keys), which the JSON passthrough editor edits.
 */
export function splitParams(
  defaults: Record<string, unknown> | undefined,
  keys: ReadonlyMap<string, string>,
): { structured: Record<string, unknown>; passthrough: Record<string, unknown> } {
  const structured: Record<string, unknown> = {};
  const passthrough: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(defaults ?? {})) {
    const name = keys.get(key);
    if (name && !(name in structured)) structured[name] = value;
    else passthrough[key] = value;
  }
  return { structured, passthrough };
}

/** The `default_params` to store: set structured values first, then passthrough keys; undefined when empty. */
export function joinParams(
  structured: Record<string, unknown>,
  passthrough: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(structured)) if (v !== undefined && v !== null) out[k] = v;
  for (const [k, v] of Object.entries(passthrough)) if (!(k in out)) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Adjustments grouped by the parameter they name (`passthrough.x` counts for `x`), resolving aliases. */
export function adjustmentsByParam(
  adjustments: readonly Adjustment[],
  keys: ReadonlyMap<string, string>,
): Map<string, Adjustment[]> {
  const out = new Map<string, Adjustment[]>();
  for (const a of adjustments) {
    const raw = a.param.replace(/^passthrough\./, '');
    const name = keys.get(raw) ?? raw;
    out.set(name, [...(out.get(name) ?? []), a]);
  }
  return out;
}

/** A compact text form of a JSON value for badges (`2`, `"high"`, `["a","b"]`). */
export function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value);
}

/** The badge text of one adjustment. */
export function adjustmentLabel(a: Adjustment): string {
  switch (a.action) {
    case 'clamped':
      return `clamped → ${show(a.value)}`;
    case 'dropped':
      return 'dropped';
    case 'renamed':
      return a.to ? `sent as ${a.to}` : 'renamed';
    default:
      return 'warning';
  }
}

/** A range's description: `0 – 2, step 0.1, default 1`. */
export function describeRange(spec: ParamSpec): string {
  const parts: string[] = [];
  if (spec.type === 'enum' && spec.values)
    parts.push(spec.values.length ? spec.values.join(' | ') : 'no values');
  else if (spec.min !== undefined || spec.max !== undefined)
    parts.push(`${spec.min ?? '−∞'} – ${spec.max ?? '∞'}`);
  if (spec.step !== undefined && spec.type !== 'enum') parts.push(`step ${spec.step}`);
  if (spec.default !== undefined) parts.push(`default ${show(spec.default)}`);
  if (spec.max_items !== undefined) parts.push(`at most ${spec.max_items}`);
  if (spec.locked !== undefined) parts.push(`locked to ${show(spec.locked)}`);
  return parts.join(', ');
}

/**
 * Parses what the user typed into a number control: empty = unset, otherwise a finite number (integers for
 * `integer` specs, else an error message).
 */
export function parseNumberInput(
  text: string,
  type: ParamType,
): { value: number | undefined } | { error: string } {
  const t = text.trim();
  if (t === '') return { value: undefined };
  const n = Number(t);
  if (!Number.isFinite(n)) return { error: 'not a number' };
  if (type === 'integer' && !Number.isInteger(n)) return { error: 'must be a whole number' };
  return { value: n };
}

/** A suggested base URL per registry provider (their OpenAI-compatible endpoints). */
export const SUGGESTED_BASE_URLS: Record<string, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  gemini: 'https://generativelanguage.googleapis.com/v1beta/openai',
  mistral: 'https://api.mistral.ai/v1',
  deepseek: 'https://api.deepseek.com/v1',
  cohere: 'https://api.cohere.ai/compatibility/v1',
  xai: 'https://api.x.ai/v1',
  zai: 'https://api.z.ai/api/paas/v4',
  together: 'https://api.together.xyz/v1',
  groq: 'https://api.groq.com/openai/v1',
  openrouter: 'https://openrouter.ai/api/v1',
  ollama: 'http://localhost:11434/v1',
  lm_studio: 'http://localhost:1234/v1',
  vllm: 'http://localhost:8000/v1',
};

/**
 * The validate endpoint (called by registry provider id, so it works on unsaved forms) does not know the
 * form's skip_params: apply them to its answer as the pipeline would (dropped, whether a registry parameter
 * under any of its spellings or a passthrough key).
 */
export function applySkipParams(
  result: ValidateResponse,
  skipParams: readonly string[],
  specs: readonly ParamSpec[],
  given: Record<string, unknown>,
): ValidateResponse {
  if (skipParams.length === 0) return result;
  const skipped = new Set<string>();
  for (const key of skipParams) {
    skipped.add(key);
    const spec = specs.find((s) => s.name === key || s.wire_name === key || s.aliases?.includes(key));
    if (spec) [spec.name, spec.wire_name, ...(spec.aliases ?? [])].forEach((k) => k && skipped.add(k));
  }
  const params = Object.fromEntries(Object.entries(result.params).filter(([k]) => !skipped.has(k)));
  const adjustments = result.adjustments.filter((a) => !skipped.has(a.param.replace(/^passthrough\./, '')));
  for (const [key, value] of Object.entries(given)) {
    if (!skipped.has(key) || value === undefined || value === null) continue;
    const reason = `${key} is in the model's skip_params`;
    adjustments.push({ param: key, action: 'dropped', original: value, value: null, reason });
  }
  return {
    ...result,
    params,
    adjustments,
    valid: adjustments.every((a) => a.action === 'warn'),
  };
}
