import { Redis } from 'ioredis';
import {
  createDb,
  ProviderRepository,
  SuiteRepository,
  TokenRepository,
  UserRepository,
  type Db,
} from '@llmbench/db';
import type { Logger } from '@llmbench/runtime';
import type { Config } from './config.js';
import { SecretBox } from '@llmbench/runtime';
import { AccessTokens } from './security/tokens.js';
import { RateLimiter } from './security/rate-limiter.js';
import { AuthService } from './services/auth.service.js';
import { ApiTokenService } from './services/api-token.service.js';
import { ProviderService } from './services/provider.service.js';
import { SuiteService } from './services/suite.service.js';
import { BfclImportService } from './services/bfcl-import.service.js';

export type Deps = ReturnType<typeof createDeps>;

/** Builds every adapter and service of the gateway from its config. */
export function createDeps(config: Config, logger: Logger, overrides: { db?: Db; redis?: Redis } = {}) {
  const db = overrides.db ?? createDb({ url: config.db.url, maxConnections: config.db.maxConnections });
  // Commands fail after two reconnect attempts instead of queueing forever: the API answers 503.
  const redis = overrides.redis ?? new Redis(config.redis.url, { maxRetriesPerRequest: 2 });
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
  const users = new UserRepository(db);
  const tokens = new TokenRepository(db);
  const providers = new ProviderRepository(db);
  const accessTokens = new AccessTokens(config.auth.jwtSecret, config.auth.accessTtlS);
  const limiter = new RateLimiter(redis, config.redis.prefix);
  const suites = new SuiteService(new SuiteRepository(db));
  return {
    config,
    logger,
    db,
    redis,
    users,
    tokens,
    accessTokens,
    auth: new AuthService({
      users,
      tokens,
      providers,
      accessTokens,
      limiter,
      config: config.auth,
      sandboxBaseUrl: config.sandbox.baseUrl,
    }),
    apiTokens: new ApiTokenService(tokens),
    providers: new ProviderService(providers, new SecretBox(config.encryptionKey)),
    suites,
    bfclImport: new BfclImportService(suites),
  };
}
