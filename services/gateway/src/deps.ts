import type { Redis } from 'ioredis';
import {
  createDb,
  EvalRunRepository,
  JobRepository,
  ProviderRepository,
  RunStatusRepository,
  SuiteRepository,
  TokenRepository,
  UserRepository,
  type Db,
} from '@llmbench/db';
import {
  Cancellation,
  createRedis,
  EventBus,
  JobLifecycle,
  Keys,
  openQueues,
  QUEUES,
  UserSlots,
} from '@llmbench/queue';
import { SecretBox, type Logger } from '@llmbench/runtime';
import type { Config } from './config.js';
import { AccessTokens } from './security/tokens.js';
import { RateLimiter } from './security/rate-limiter.js';
import { AuthService } from './services/auth.service.js';
import { ApiTokenService } from './services/api-token.service.js';
import { ProviderService } from './services/provider.service.js';
import { SuiteService } from './services/suite.service.js';
import { BfclImportService } from './services/bfcl-import.service.js';
import { EvalSubmissionService } from './services/eval-submission.service.js';
import { EvalHistoryService } from './services/eval-history.service.js';
import { JobControlService } from './services/job-control.service.js';
import { EventRelay } from './relay/event-relay.js';
import { JobStreamer } from './relay/job-streamer.js';

export type Deps = ReturnType<typeof createDeps>;

/** Builds every adapter and service of the gateway from its config. */
export function createDeps(config: Config, logger: Logger, overrides: { db?: Db } = {}) {
  const db = overrides.db ?? createDb({ url: config.db.url, maxConnections: config.db.maxConnections });
  // Request-path Redis fails fast (two reconnect attempts), so the API answers 503 instead of hanging.
  const redis: Redis = createRedis(config.redis.url, 'producer');
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis error'));
  const subscriber = createRedis(config.redis.url, 'subscriber');
  const keys = new Keys(config.redis.prefix);
  const queueConnection = createRedis(config.redis.url, 'producer');
  const queues = openQueues(queueConnection, keys.bull);
  const users = new UserRepository(db);
  const tokens = new TokenRepository(db);
  const providers = new ProviderRepository(db);
  const jobsRepo = new JobRepository(db);
  const evalRuns = new EvalRunRepository(db);
  const suiteRepo = new SuiteRepository(db);
  const runStatus = new RunStatusRepository(db);
  const accessTokens = new AccessTokens(config.auth.jwtSecret, config.auth.accessTtlS);
  const limiter = new RateLimiter(redis, config.redis.prefix);
  const bus = new EventBus(redis, keys);
  const cancellation = new Cancellation(redis, keys);
  const lifecycle = new JobLifecycle({
    jobs: jobsRepo,
    bus,
    slots: new UserSlots(redis, keys),
    runsQueue: queues[QUEUES.runs],
    writeRunStatus: (job, status) => runStatus.write(job, status),
  });
  const suites = new SuiteService(suiteRepo);
  const shutdown = new AbortController();
  const relay = new EventRelay(subscriber, keys);
  const jobs = new JobControlService({
    jobs: jobsRepo,
    lifecycle,
    cancellation,
    runsQueue: queues[QUEUES.runs],
  });
  return {
    config,
    logger,
    db,
    redis,
    subscriber,
    queues,
    queueConnection,
    users,
    tokens,
    accessTokens,
    jobsRepo,
    bus,
    relay,
    shutdown,
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
    submission: new EvalSubmissionService({ suites: suiteRepo, providers, evalRuns, queues, bus, lifecycle }),
    history: new EvalHistoryService(evalRuns),
    jobs,
    streamer: new JobStreamer({ jobs: jobsRepo, relay, bus, shutdown: shutdown.signal }),
  };
}

/** Closes everything `createDeps` opened; each step runs even if another fails. */
export async function closeDeps(deps: Deps): Promise<void> {
  deps.shutdown.abort();
  const steps = [
    () => Promise.all(Object.values(deps.queues).map((q) => q.close())),
    () => deps.queueConnection.quit(),
    () => deps.subscriber.quit(),
    () => deps.redis.quit(),
    () => deps.db.destroy(),
  ];
  for (const step of steps) await step().catch(() => undefined);
}
