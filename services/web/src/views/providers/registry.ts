/**
 * The provider-parameter registry as `GET /api/provider-params/registry` sends it, and the client-side
 * resolution of a model's effective specs (the same rules as packages/provider-params: every matching
 * override applies in order, later ones win field by field). Pure: no DOM, no runtime imports.
 */

export type ParamType = 'number' | 'integer' | 'string' | 'string_array' | 'boolean' | 'enum' | 'object';

export type ParamSpec = {
  name: string;
  tier: 1 | 2 | 3;
  type: ParamType;
  min?: number;
  max?: number;
  default?: unknown;
  step?: number;
  values?: string[];
  supported: boolean;
  reason?: string;
  notes?: string;
  wire_name?: string;
  aliases?: string[];
  locked?: number | string | boolean;
  unsupported_action?: 'drop' | 'warn';
  max_items?: number;
  scale?: string[];
  value_map?: Record<string, string>;
  wire_map?: Record<string, Record<string, unknown>>;
};

export type ModelOverride = {
  pattern: string;
  exclude?: string;
  params: Record<string, Partial<Omit<ParamSpec, 'name' | 'tier'>>>;
  rename?: Record<string, string>;
  notes: string;
};

export type ConflictRule = {
  id: string;
  when: Record<string, unknown>;
  resolution: { action: string; params?: string[]; param?: string; min?: number; max?: number };
  description: string;
};

export type ProviderEntry = {
  id: string;
  display_name: string;
  source: { title: string; url: string }[];
  notes: string;
  tier3_location: 'top_level' | 'extra_body';
  rejects_unknown: boolean;
  params: Record<string, ParamSpec>;
  model_overrides: ModelOverride[];
  conflicts: ConflictRule[];
  passthrough_known: string[];
};

export type Registry = { version: string; providers: Record<string, ProviderEntry> };

export type Adjustment = {
  param: string;
  action: 'clamped' | 'dropped' | 'renamed' | 'warn';
  original: unknown;
  value: unknown;
  reason: string;
  to?: string;
};

export type ValidateResponse = {
  valid: boolean;
  provider: string;
  model_id: string;
  params: Record<string, unknown>;
  adjustments: Adjustment[];
  warnings: string[];
  registry_version: string;
};

/** Whole-string, case-insensitive glob: `*` any run of characters, `|` alternatives. */
export function matchGlob(pattern: string, text: string): boolean {
  const alternatives = pattern
    .split('|')
    .map((alt) => alt.trim().toLowerCase())
    .filter((alt) => alt.length > 0)
    .map((alt) =>
      alt
        .split('*')
        .map((part) => part.replace(/[.+?^${}()[\]\\]/g, '\\$&'))
        .join('.*'),
    );
  return new RegExp(`^(?:${alternatives.join('|')})$`).test(text.toLowerCase());
}

// LiteLLM-style routing prefixes: stripped when they name the same provider (packages/provider-params identify.ts).
const PREFIXES: Record<string, string> = {
  'openai/': 'openai',
  'anthropic/': 'anthropic',
  'gemini/': 'gemini',
  'vertex_ai/': 'gemini',
  'mistral/': 'mistral',
  'deepseek/': 'deepseek',
  'cohere/': 'cohere',
  'cohere_chat/': 'cohere',
  'xai/': 'xai',
  'zai/': 'zai',
  'together_ai/': 'together',
  'groq/': 'groq',
  'openrouter/': 'openrouter',
  'ollama/': 'ollama',
  'ollama_chat/': 'ollama',
  'lm_studio/': 'lm_studio',
  'vllm/': 'vllm',
  'hosted_vllm/': 'vllm',
  'sandbox/': 'sandbox',
};

/** The model id overrides are matched against: a routing prefix of the same provider is removed. */
export function bareModel(provider: string, modelId: string): string {
  const id = modelId.trim();
  const lower = id.toLowerCase();
  const prefix = Object.keys(PREFIXES).find((p) => lower.startsWith(p));
  return prefix && PREFIXES[prefix] === provider ? id.slice(prefix.length) : id;
}

export type ResolvedSpecs = { specs: ParamSpec[]; overrides: ModelOverride[] };

/** The effective specs of a provider's parameters for one model, in registry order. */
export function resolveSpecs(entry: ProviderEntry, modelId: string): ResolvedSpecs {
  const model = bareModel(entry.id, modelId);
  const overrides = entry.model_overrides.filter(
    (o) => matchGlob(o.pattern, model) && !(o.exclude && matchGlob(o.exclude, model)),
  );
  const specs = Object.entries(entry.params).map(([name, base]) => {
    let spec: ParamSpec = { ...base };
    for (const o of overrides) {
      const patch = o.params[name];
      if (patch) spec = { ...spec, ...patch };
      const wire = o.rename?.[name];
      if (wire) spec = { ...spec, wire_name: wire };
    }
    return spec;
  });
  return { specs, overrides };
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

/** The registry keys (name, wire name, aliases) of the tier-1/2 specs, mapped to the parameter name. */
export function structuredKeys(specs: readonly ParamSpec[]): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (k: string | undefined, name: string) => {
    if (k && !keys.has(k)) keys.set(k, name);
  };
  const structured = specs.filter((s) => s.tier < 3);
  structured.forEach((s) => add(s.name, s.name));
  structured.forEach((s) => add(s.wire_name, s.name));
  structured.forEach((s) => s.aliases?.forEach((a) => add(a, s.name)));
  return keys;
}

/**
 * Splits stored `default_params` into values the generated controls edit (tier 1/2, by parameter name) and the
 * rest (tier-3 and unknown keys), which the JSON passthrough editor edits.
 */
export function splitParams(
  defaults: Record<string, unknown> | undefined,
  specs: readonly ParamSpec[],
): { structured: Record<string, unknown>; passthrough: Record<string, unknown> } {
  const keys = structuredKeys(specs);
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
  specs: readonly ParamSpec[],
): Map<string, Adjustment[]> {
  const keys = structuredKeys(specs);
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
