/** The provider-parameter registry (`GET /api/provider-params/registry`) as the builder needs it. */

export type RegistryParam = {
  name: string;
  tier: number;
  type: string;
  supported: boolean;
  min?: number;
  max?: number;
  default?: unknown;
  step?: number;
  values?: unknown[];
  scale?: unknown[];
  reason?: string;
  notes?: string;
};
export type RegistryProvider = {
  id: string;
  display_name: string;
  params: Record<string, RegistryParam>;
  model_overrides?: { pattern: string; params: Record<string, Partial<RegistryParam>> }[];
};
export type Registry = { version: string; providers: Record<string, RegistryProvider> };

/** Types a search dimension can sweep (lists of scalars or numeric ranges). */
const SEARCHABLE = new Set(['number', 'integer', 'enum', 'boolean', 'string']);

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
}

/** A provider's parameter with the model's overrides applied (later overrides win). */
export function modelParam(
  provider: RegistryProvider | undefined,
  modelId: string,
  name: string,
): RegistryParam | undefined {
  const base = provider?.params[name];
  if (!base) return undefined;
  let merged: RegistryParam = { ...base };
  for (const o of provider?.model_overrides ?? [])
    if (o.params[name] && globToRegExp(o.pattern).test(modelId)) merged = { ...merged, ...o.params[name] };
  return merged;
}

export type ParamOption = { name: string; tier: number | null; label: string };

/**
 * The parameters one can add: every searchable parameter of the chosen models' providers (all of
 * them when none is chosen yet), by tier, plus `tool_choice`.
 */
export function paramOptions(registry: Registry | undefined, providers: readonly string[]): ParamOption[] {
  const byName = new Map<string, ParamOption>();
  const from = providers.length > 0 ? providers : Object.keys(registry?.providers ?? {});
  for (const pid of from) {
    const p = registry?.providers[pid];
    for (const param of Object.values(p?.params ?? {})) {
      if (!SEARCHABLE.has(param.type)) continue;
      const cur = byName.get(param.name);
      if (!cur || (cur.tier ?? 9) > param.tier)
        byName.set(param.name, {
          name: param.name,
          tier: param.tier,
          label: `${param.name} (tier ${param.tier})`,
        });
    }
  }
  const list = [...byName.values()].sort(
    (a, b) => (a.tier ?? 9) - (b.tier ?? 9) || a.name.localeCompare(b.name),
  );
  if (!byName.has('seed')) list.push({ name: 'seed', tier: null, label: 'seed' });
  list.push({ name: 'tool_choice', tier: null, label: 'tool_choice (required, auto, none)' });
  return list;
}

/** "sandbox: number 0–2, step 0.1, default 1" per provider, plus models that ignore it. */
export function boundsHint(
  registry: Registry | undefined,
  name: string,
  targets: readonly { provider: string; model_id: string }[],
): string {
  if (name === 'tool_choice') return 'Values: required, auto, none.';
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const p = registry?.providers[t.provider];
    const param = modelParam(p, t.model_id, name);
    if (!param) {
      parts.push(`${t.model_id}: not in the ${t.provider} registry`);
      continue;
    }
    if (!param.supported) {
      parts.push(`${t.model_id}: unsupported${param.reason ? ` (${param.reason})` : ''}`);
      continue;
    }
    if (seen.has(t.provider)) continue;
    seen.add(t.provider);
    const range =
      param.min !== undefined || param.max !== undefined ? ` ${param.min ?? '−∞'}–${param.max ?? '∞'}` : '';
    const values = param.values?.length ? ` one of ${param.values.join(', ')}` : '';
    parts.push(
      `${p?.display_name ?? t.provider}: ${param.type}${range}${values}${param.step !== undefined ? `, step ${param.step}` : ''}${
        param.default !== undefined ? `, default ${JSON.stringify(param.default)}` : ''
      }`,
    );
  }
  return parts.join(' · ');
}

/** The first chosen provider's bounds for a new range dimension. */
export function rangeDefaults(
  registry: Registry | undefined,
  name: string,
  targets: readonly { provider: string; model_id: string }[],
): { min?: number; max?: number; step?: number } {
  for (const t of targets) {
    const p = modelParam(registry?.providers[t.provider], t.model_id, name);
    if (p && (p.type === 'number' || p.type === 'integer'))
      return { min: p.min, max: p.max, step: p.step ?? (p.type === 'integer' ? 1 : undefined) };
  }
  return {};
}
