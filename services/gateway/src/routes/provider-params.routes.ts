import { ValidateParamsRequest } from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import type { ProviderParamsService } from '../services/provider-params.service.js';

const tag = 'provider-params';

export function registerProviderParamsRoutes(route: RouteFn, service: ProviderParamsService): void {
  route(
    {
      method: 'get',
      path: '/api/provider-params/registry',
      summary: 'The provider-parameter registry (3 tiers, ranges, overrides, conflicts), with its version',
      tag,
    },
    () => service.registry(),
  );
  route(
    {
      method: 'post',
      path: '/api/provider-params/validate',
      summary: 'Final request params and the adjustments the pipeline makes for a provider and model',
      tag,
      body: ValidateParamsRequest,
    },
    ({ body, user }) => service.validate(user.id, body),
  );
}
