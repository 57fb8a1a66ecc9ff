import { validationError } from '../http/validate.js';
import { buildRequestParams, REGISTRY, type BuildRequestResult } from '@llmbench/provider-params';
import { AppError, type ErrorDetail, type ValidateParamsRequest } from '@llmbench/contracts';
import type { ProviderRepository } from '@llmbench/db';

/**
 * Pipeline errors (`params.temperature`, `passthrough`) as 400 details under `prefix`; with
 * `paramsAt`, errors of `params.*` are placed there instead (e.g. a model's `default_params`).
 */
export function paramErrors(result: BuildRequestResult, prefix: string, paramsAt?: string): ErrorDetail[] {
  return result.errors.map((e) => ({
    path:
      paramsAt && e.path.startsWith('params')
        ? `${paramsAt}${e.path.slice('params'.length)}`
        : `${prefix}.${e.path}`,
    message: e.message,
  }));
}

export function throwIfParamErrors(result: BuildRequestResult, prefix: string): void {
  const details = paramErrors(result, prefix);
  if (details.length > 0) throw validationError(details);
}

/** The provider-parameter registry and the pipeline, as the API offers them. */
export class ProviderParamsService {
  constructor(private readonly providers: ProviderRepository) {}

  registry() {
    return REGISTRY;
  }

  async validate(userId: string, body: ValidateParamsRequest) {
    let provider = body.provider;
    let skipParams: string[] = [];
    let baseUrl: string | null = null;
    if (body.provider_key) {
      const row = await this.providers.getByKey(userId, body.provider_key);
      if (!row)
        throw new AppError('validation_failed', `body.provider_key: no provider "${body.provider_key}"`, [
          { path: 'body.provider_key', message: 'not one of your providers' },
        ]);
      provider = row.provider;
      baseUrl = row.base_url;
      skipParams = row.models.find((m) => m.model_id === body.model_id)?.skip_params ?? [];
    }
    const result = buildRequestParams({
      provider,
      model_id: body.model_id,
      params: body.params,
      passthrough: body.passthrough,
      skip_params: skipParams,
      base_url: baseUrl,
    });
    throwIfParamErrors(result, 'body');
    return {
      // Valid = the request would be sent as given (only warnings); otherwise `params` shows what is sent instead.
      valid: result.adjustments.every((a) => a.action === 'warn'),
      provider: result.provider,
      model_id: body.model_id,
      params: result.params,
      adjustments: result.adjustments,
      warnings: result.warnings,
      registry_version: result.registry_version,
    };
  }
}
