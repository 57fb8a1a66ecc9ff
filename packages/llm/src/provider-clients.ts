import type { Redis } from 'ioredis';
import { LlmCallError, type LlmClient } from '@llmbench/eval-core';
import { createLlmClient } from './openai-client.js';
import { ProviderLimiter } from './provider-limiter.js';
import type { Target } from '@llmbench/contracts';
import type { ProviderRepository } from '@llmbench/db';
import type { SecretBox } from '@llmbench/runtime';

type Options = {
  providers: ProviderRepository;
  box: SecretBox;
  limiter: ProviderLimiter;
  llm: { timeoutMs: number; maxAttempts: number; extraHeaders?: Record<string, string> | undefined };
  /** Wraps every client (metrics instrumentation). */
  wrap?: ((client: LlmClient, target: Target) => LlmClient) | undefined;
};

/** A client whose every call fails with the same error: a target that cannot be reached at all. */
function failingClient(message: string): LlmClient {
  return {
    complete: async () => {
      throw new LlmCallError(message, { category: 'bad_request', retryable: false });
    },
  };
}

/**
 * LLM clients for a user's targets: the provider row is read when the unit runs and its key
 * decrypted in memory only (keys never travel through Redis job payloads).
 */
export class ProviderClients {
  constructor(private readonly options: Options) {}

  async forTarget(userId: string, target: Target): Promise<LlmClient> {
    const provider = await this.options.providers.getByKey(userId, target.provider_key);
    if (!provider) return failingClient(`provider "${target.provider_key}" no longer exists`);
    if (!provider.base_url) return failingClient(`provider "${target.provider_key}" has no base_url`);
    const client = createLlmClient({
      baseUrl: provider.base_url,
      apiKey: provider.api_key_ciphertext
        ? this.options.box.decrypt(provider.api_key_ciphertext, userId)
        : undefined,
      timeoutMs: this.options.llm.timeoutMs,
      maxAttempts: this.options.llm.maxAttempts,
      limiter: {
        limiter: this.options.limiter,
        userId,
        providerKey: provider.provider_key,
        limit: provider.max_concurrency,
      },
      ...(this.options.llm.extraHeaders ? { defaultHeaders: this.options.llm.extraHeaders } : {}),
    });
    return this.options.wrap ? this.options.wrap(client, target) : client;
  }
}

/**
 * The limiter and provider clients of a service that calls LLMs (eval and judge workers): one
 * Redis-backed limiter, so every process shares each provider's in-flight cap.
 */
export function openProviderClients(
  deps: { redis: Redis; providers: ProviderRepository; box: SecretBox },
  config: { prefix: string; llm: Options['llm']; wrap?: Options['wrap'] },
) {
  const limiter = new ProviderLimiter({ redis: deps.redis, prefix: config.prefix });
  return {
    limiter,
    clients: new ProviderClients({
      providers: deps.providers,
      box: deps.box,
      limiter,
      llm: config.llm,
      wrap: config.wrap,
    }),
  };
}
