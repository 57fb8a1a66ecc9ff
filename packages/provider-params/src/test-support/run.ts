import { buildRequestParams, type BuildRequestInput, type BuildRequestResult } from '../build-request.js';

/** Runs the pipeline for a provider and model. */
export function run(
  provider: string,
  model_id: string,
  params: Record<string, unknown>,
  extra: Partial<BuildRequestInput> = {},
): BuildRequestResult {
  return buildRequestParams({ provider, model_id, params, ...extra });
}

/** `action:param` per adjustment, in order: compact enough for table-driven expectations. */
export function actions(result: BuildRequestResult): string[] {
  return result.adjustments.map((a) => `${a.action}:${a.param}`);
}
