import { targetKey, type ErrorDetail, type ProviderModel, type Target } from '@llmbench/contracts';
import type { Provider } from '@llmbench/db';

export type FoundTarget = { target: Target; provider: Provider; model: ProviderModel };

/**
 * Finds each target's provider config and model among the user's providers.
 * @returns the found targets (in order, missing ones left out) and a 400 detail per miss
 */
export function lookupTargets(
  providers: Provider[],
  targets: Target[],
): { found: FoundTarget[]; details: ErrorDetail[] } {
  const byKey = new Map(providers.map((p) => [p.provider_key, p]));
  const details: ErrorDetail[] = [];
  const found = targets.flatMap((target, i): FoundTarget[] => {
    const provider = byKey.get(target.provider_key);
    const model = provider?.models.find((m) => m.model_id === target.model_id);
    if (!provider)
      details.push({
        path: `body.targets.${i}.provider_key`,
        message: `no provider "${target.provider_key}"; yours: ${[...byKey.keys()].join(', ')}`,
      });
    else if (!model)
      details.push({
        path: `body.targets.${i}.model_id`,
        message: `provider "${target.provider_key}" has no model "${target.model_id}"; it lists: ${provider.models.map((m) => m.model_id).join(', ')}`,
      });
    return provider && model ? [{ target, provider, model }] : [];
  });
  return { found, details };
}

/** A detail for each key of a per-target map (`provider_key::model_id`) that names no target. */
export function unknownTargetKeys(
  map: Record<string, unknown> | null | undefined,
  targets: Target[],
  path: string,
): ErrorDetail[] {
  const keys = new Set(targets.map(targetKey));
  return Object.keys(map ?? {}).flatMap((key) =>
    keys.has(key) ? [] : [{ path: `${path}.${key}`, message: 'not one of the targets' }],
  );
}

/** The model's per-million-token prices, or null when it has none. */
export function modelPrices(
  model: ProviderModel,
): { input_per_mtok: number; output_per_mtok: number } | null {
  if (model.input_price_per_mtok === undefined && model.output_price_per_mtok === undefined) return null;
  return {
    input_per_mtok: model.input_price_per_mtok ?? 0,
    output_per_mtok: model.output_price_per_mtok ?? 0,
  };
}
