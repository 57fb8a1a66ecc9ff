import { type Adjustment, clampSearchSpace } from '@llmbench/provider-params';
import type { ExpandedDimension, JsonScalar } from './search-space.js';

/** Input of {@link clampDimensions}. */
export interface ClampDimensionsInput {
  provider?: string | null;
  model_id: string;
  dimensions: readonly ExpandedDimension[];
  /** Parameters sent with every combination (profile parameters, for instance). */
  base_params?: Record<string, unknown>;
}

/** Output of {@link clampDimensions}. */
export interface ClampDimensionsResult {
  /** Dimensions with values the model accepts; a dimension left with no value is removed. */
  dimensions: ExpandedDimension[];
  adjustments: Adjustment[];
}

/**
 * Fits each dimension to one model's limits with `clampSearchSpace` from provider-params, so the grid
 * for that model is built from values it really receives (Anthropic temperatures 1, 1.5, 2 collapse to
 * one). `tool_choice` is not a provider parameter and passes through unchanged.
 *
 * @throws Error when `provider` is given but unknown (from `clampSearchSpace`)
 */
export function clampDimensions(input: ClampDimensionsInput): ClampDimensionsResult {
  const dimensions: ExpandedDimension[] = [];
  const adjustments: Adjustment[] = [];
  for (const dim of input.dimensions) {
    if (dim.name === 'tool_choice') {
      dimensions.push(dim);
      continue;
    }
    const out = clampSearchSpace({
      provider: input.provider,
      model_id: input.model_id,
      dimension: dim.name,
      values: dim.values,
      base_params: input.base_params,
    });
    adjustments.push(...out.adjustments);
    // clampSearchSpace keeps the JSON scalars it is given (clamping numbers, mapping aliases).
    if (out.values.length > 0) dimensions.push({ name: dim.name, values: out.values as JsonScalar[] });
  }
  return { dimensions, adjustments };
}
