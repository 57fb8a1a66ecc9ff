import { validationError } from '../http/validate.js';
import {
  AppError,
  type CreateProviderRequest,
  type ProviderView,
  type UpdateProviderRequest,
} from '@llmbench/contracts';
import { json, type Provider, type ProviderRepository } from '@llmbench/db';
import { buildRequestParams } from '@llmbench/provider-params';
import { paramErrors } from './provider-params.service.js';
import type { SecretBox } from '@llmbench/runtime';
import { toProviderView } from './views.js';
import type { OutboundPolicy } from '../security/outbound-policy.js';

const notFound = () => new AppError('not_found', 'provider not found');

/** Per-model default parameters must be valid for the provider (types; ranges are clamped at call time). */
function checkDefaultParams(input: UpdateProviderRequest): void {
  const details = input.models.flatMap((m, i) =>
    m.default_params
      ? paramErrors(
          buildRequestParams({ provider: input.provider, model_id: m.model_id, params: m.default_params }),
          'body',
          `body.models.${i}.default_params`,
        )
      : [],
  );
  if (details.length > 0) throw validationError(details);
}

/** A user's provider configs; API keys are sealed on the way in and never leave again. */
export class ProviderService {
  constructor(
    private readonly providers: ProviderRepository,
    private readonly box: SecretBox,
    private readonly outbound?: OutboundPolicy,
  ) {}

  async list(userId: string): Promise<ProviderView[]> {
    return (await this.providers.listByUser(userId)).map(toProviderView);
  }

  async get(userId: string, id: string): Promise<ProviderView> {
    const row = await this.providers.get(userId, id);
    if (!row) throw notFound();
    return toProviderView(row);
  }

  /** A base URL that points at the service's own network is a 400 naming the field. */
  private async checkBaseUrl(url: string | null | undefined): Promise<void> {
    if (!url || !this.outbound) return;
    const refused = await this.outbound.check(url);
    if (refused) throw validationError([{ path: 'body.base_url', message: refused }]);
  }

  async create(userId: string, input: CreateProviderRequest): Promise<ProviderView> {
    checkDefaultParams(input);
    await this.checkBaseUrl(input.base_url);
    const row = await this.providers.create({
      user_id: userId,
      provider_key: input.provider_key,
      provider: input.provider,
      name: input.name ?? input.provider_key,
      base_url: input.base_url ?? null,
      api_key_ciphertext: input.api_key ? this.box.encrypt(input.api_key, userId) : null,
      models: json(input.models),
      ...(input.max_concurrency ? { max_concurrency: input.max_concurrency } : {}),
    });
    if (!row) {
      throw new AppError('conflict', `provider_key: "${input.provider_key}" already exists`, [
        { path: 'body.provider_key', message: 'already exists' },
      ]);
    }
    return toProviderView(row);
  }

  async update(userId: string, id: string, input: UpdateProviderRequest): Promise<ProviderView> {
    checkDefaultParams(input);
    await this.checkBaseUrl(input.base_url);
    const row = await this.providers.update(userId, id, {
      provider: input.provider,
      name: input.name,
      base_url: input.base_url ?? null,
      models: json(input.models),
      ...(input.max_concurrency ? { max_concurrency: input.max_concurrency } : {}),
      ...(input.api_key === undefined
        ? {}
        : { api_key_ciphertext: input.api_key === null ? null : this.box.encrypt(input.api_key, userId) }),
    });
    if (!row) throw notFound();
    return toProviderView(row);
  }

  async delete(userId: string, id: string): Promise<void> {
    if (!(await this.providers.delete(userId, id))) throw notFound();
  }

  /** The decrypted key of a provider row, for workers that call it (never for responses). */
  revealKey(row: Provider): string | null {
    return row.api_key_ciphertext ? this.box.decrypt(row.api_key_ciphertext, row.user_id) : null;
  }
}
