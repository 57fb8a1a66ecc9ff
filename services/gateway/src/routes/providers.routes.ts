import { CreateProviderRequest, listOf, ProviderView, UpdateProviderRequest } from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import type { ProviderService } from '../services/provider.service.js';

const tag = 'providers';

export function registerProviderRoutes(route: RouteFn, providers: ProviderService): void {
  route(
    {
      method: 'get',
      path: '/api/providers',
      summary: "The user's provider configs (API keys are never returned)",
      tag,
      response: listOf(ProviderView),
    },
    async ({ user }) => {
      const items = await providers.list(user.id);
      return { items, total: items.length };
    },
  );
  route(
    {
      method: 'post',
      path: '/api/providers',
      summary: 'Add a provider config; api_key is write-only',
      tag,
      body: CreateProviderRequest,
      response: ProviderView,
      status: 201,
    },
    ({ body, user }) => providers.create(user.id, body),
  );
  route(
    {
      method: 'get',
      path: '/api/providers/:id',
      summary: 'One provider config',
      tag,
      response: ProviderView,
    },
    ({ params, user }) => providers.get(user.id, params.id ?? ''),
  );
  route(
    {
      method: 'put',
      path: '/api/providers/:id',
      summary: 'Replace a provider config (absent api_key keeps it, null clears it)',
      tag,
      body: UpdateProviderRequest,
      response: ProviderView,
    },
    ({ body, params, user }) => providers.update(user.id, params.id ?? '', body),
  );
  route(
    {
      method: 'delete',
      path: '/api/providers/:id',
      summary: 'Delete a provider config (run history keeps its snapshot)',
      tag,
    },
    ({ params, user }) => providers.delete(user.id, params.id ?? ''),
  );
}
