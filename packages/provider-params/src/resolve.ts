/**
 * How a provider entry applies to one model: its matching overrides, in order. Free of the registry data
 * and of zod (types only), so the web app bundles these very rules.
 */
import { matchGlob } from './glob.js';
import type { ModelOverride, ParamSpec, ProviderEntry } from './schemas/registry.schema.js';

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
