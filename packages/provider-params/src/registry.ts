import { PROVIDER_IDS, type ProviderId } from '@llmbench/contracts';
import { matchGlob } from './glob.js';
import { ANTHROPIC } from './providers/anthropic.provider.js';
import { COHERE } from './providers/cohere.provider.js';
import { DEEPSEEK } from './providers/deepseek.provider.js';
import { GEMINI } from './providers/gemini.provider.js';
import { GROQ } from './providers/groq.provider.js';
import { LM_STUDIO } from './providers/lm-studio.provider.js';
import { MISTRAL } from './providers/mistral.provider.js';
import { OLLAMA } from './providers/ollama.provider.js';
import { OPENAI_COMPATIBLE } from './providers/openai-compatible.provider.js';
import { OPENAI } from './providers/openai.provider.js';
import { OPENROUTER } from './providers/openrouter.provider.js';
import { SANDBOX } from './providers/sandbox.provider.js';
import { TOGETHER } from './providers/together.provider.js';
import { VLLM } from './providers/vllm.provider.js';
import { XAI } from './providers/xai.provider.js';
import { ZAI } from './providers/zai.provider.js';
import type { ModelOverride, ParamSpec, ProviderEntry, Registry } from './schemas/registry.schema.js';

/** Bumped whenever an entry changes; stored with results so a run records the rules it was sent under. */
export const REGISTRY_VERSION = '2026-11-26.1';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Every provider's parameters, overrides and conflict rules (checked against the sources in each entry).
 * Frozen: copy an entry before changing it.
 */
export const REGISTRY: Registry = deepFreeze({
  version: REGISTRY_VERSION,
  providers: {
    openai: OPENAI,
    anthropic: ANTHROPIC,
    gemini: GEMINI,
    mistral: MISTRAL,
    deepseek: DEEPSEEK,
    cohere: COHERE,
    xai: XAI,
    zai: ZAI,
    together: TOGETHER,
    groq: GROQ,
    openrouter: OPENROUTER,
    ollama: OLLAMA,
    lm_studio: LM_STUDIO,
    vllm: VLLM,
    openai_compatible: OPENAI_COMPATIBLE,
    sandbox: SANDBOX,
  },
});

/** Type guard for registry provider ids. */
export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/**
 * The registry entry of a provider.
 *
 * @param id - a provider id (`openai`, `lm_studio`, ...)
 * @returns the entry, or `undefined` for an id that is not in the registry
 */
export function getProviderEntry(id: string): ProviderEntry | undefined {
  return isProviderId(id) ? REGISTRY.providers[id] : undefined;
}

/** Whether an override applies to a (bare) model id. */
export function overrideMatches(override: ModelOverride, model: string): boolean {
  return matchGlob(override.pattern, model) && !(override.exclude && matchGlob(override.exclude, model));
}

/** The parameter specs of one provider and model after its overrides, plus a key → name index. */
export interface ResolvedSpecs {
  specs: Record<string, ParamSpec>;
  /** Input key (name, wire name or alias) → parameter name. */
  keys: Map<string, string>;
  overrides: ModelOverride[];
}

/**
 * Applies every matching model override, in order, to the provider's parameter specs.
 *
 * @example
 * resolveParamSpecs(REGISTRY.providers.openai, 'o3-mini').specs.max_tokens.wire_name // 'max_completion_tokens'
 * @param entry - the provider entry
 * @param model - the bare model id (routing prefix stripped)
 * @returns the effective specs, the input-key index and the overrides that matched
 */
export function resolveParamSpecs(entry: ProviderEntry, model: string): ResolvedSpecs {
  const overrides = entry.model_overrides.filter((o) => overrideMatches(o, model));
  const specs: Record<string, ParamSpec> = {};
  for (const [name, base] of Object.entries(entry.params)) {
    let spec: ParamSpec = { ...base };
    for (const o of overrides) {
      const patch = o.params[name];
      if (patch) spec = { ...spec, ...patch };
      const wire = o.rename?.[name];
      if (wire) spec = { ...spec, wire_name: wire };
    }
    specs[name] = spec;
  }
  // Names first, then wire names, then aliases: an alias never shadows another parameter's own name.
  const keys = new Map<string, string>();
  const add = (key: string | undefined, name: string): void => {
    if (key && !keys.has(key)) keys.set(key, name);
  };
  const all = Object.values(specs);
  all.forEach((s) => add(s.name, s.name));
  all.forEach((s) => add(s.wire_name, s.name));
  all.forEach((s) => s.aliases?.forEach((a) => add(a, s.name)));
  return { specs, keys, overrides };
}

/** The key a parameter is sent under. */
export function wireKey(spec: ParamSpec): string {
  return spec.wire_name ?? spec.name;
}
