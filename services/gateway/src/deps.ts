import { OutboundPolicy } from './security/outbound-policy.js';
import { createMetrics, type Metrics } from '@llmbench/metrics';
import {
  createDb,
  EvalRunRepository,
  ExperimentRepository,
  ProviderRepository,
  SuiteRepository,
  TokenRepository,
  UserRepository,
  type Db,
  ParamTuneRepository,
  PresetRepository,
  PromptTuneRepository,
  PromptLibraryRepository,
  JudgeRepository,
  AdminRepository,
} from '@llmbench/db';
import { createJobRuntime } from '@llmbench/queue';
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
import { ProviderParamsService } from './services/provider-params.service.js';
import { ParamTunePlanner } from './services/param-tune-preview.service.js';
import { ParamTuneSubmissionService } from './services/param-tune.service.js';
import { ParamTuneHistoryService } from './services/param-tune-history.service.js';
import { PresetService } from './services/presets.js';
import { PromptTuneService } from './services/prompt-tune.service.js';
import { PromptTuneHistoryService } from './services/prompt-tune-history.service.js';
import { PromptLibraryService } from './services/prompt-library.service.js';
import { JudgeService } from './services/judge.service.js';
import { AdminService } from './services/admin.service.js';
import { EventRelay } from './relay/event-relay.js';
import { JobStreamer } from './relay/job-streamer.js';

export type Deps = ReturnType<typeof createDeps>;

/** Builds every adapter and service of the gateway from its config. */
export function createDeps(config: Config, logger: Logger, overrides: { db?: Db } = {}) {
  const db = overrides.db ?? createDb({ url: config.db.url, maxConnections: config.db.maxConnections });
  // Request-path Redis fails fast (two reconnect attempts), so the API answers 503 instead of hanging.
  const runtime = createJobRuntime(db, {
    redisUrl: config.redis.url,
    prefix: config.redis.prefix,
    role: 'producer',
  });
  const { redis, subscriber, keys, queues, bus, cancellation, lifecycle, jobs: jobsRepo } = runtime;
  const metrics: Metrics = createMetrics('gateway');
  // Only the gateway reports queue depths: every process would report the same numbers.
  metrics.trackQueues(queues);
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis error'));
  const users = new UserRepository(db);
  const tokens = new TokenRepository(db);
  const providers = new ProviderRepository(db);
  const evalRuns = new EvalRunRepository(db);
  const suiteRepo = new SuiteRepository(db);
  const paramTuneRepo = new ParamTuneRepository(db);
  const experiments = new ExperimentRepository(db);
  const presetRepo = new PresetRepository(db);
  const promptTuneRepo = new PromptTuneRepository(db);
  const libraryRepo = new PromptLibraryRepository(db);
  const judgeRepo = new JudgeRepository(db);
  const judgeService = new JudgeService({ judges: judgeRepo, evalRuns, providers, queues, bus, lifecycle });
  const planner = new ParamTunePlanner({ suites: suiteRepo, providers, presets: presetRepo });
  const accessTokens = new AccessTokens(config.auth.jwtSecret, config.auth.accessTtlS);
  const limiter = new RateLimiter(redis, config.redis.prefix);
  const suites = new SuiteService(suiteRepo);
  const shutdown = new AbortController();
  const relay = new EventRelay(subscriber, keys);
  const jobs = new JobControlService({
    jobs: jobsRepo,
    lifecycle,
    cancellation,
    queues,
  });
  return {
    config,
    logger,
    metrics,
    db,
    redis,
    subscriber,
    queues,
    runtime,
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
    providers: new ProviderService(
      providers,
      new SecretBox(config.encryptionKey),
      new OutboundPolicy(config.outboundAllow),
    ),
    suites,
    bfclImport: new BfclImportService(suites),
    submission: new EvalSubmissionService({
      suites: suiteRepo,
      providers,
      evalRuns,
      experiments,
      queues,
      bus,
      lifecycle,
      judges: judgeRepo,
      checkJudges: (userId, req, path) => judgeService.checkJudges(userId, req, path),
    }),
    history: new EvalHistoryService(evalRuns),
    providerParams: new ProviderParamsService(providers),
    paramTunes: {
      planner,
      submission: new ParamTuneSubmissionService({
        planner,
        paramTunes: paramTuneRepo,
        experiments,
        users,
        queues,
        bus,
        lifecycle,
      }),
      history: new ParamTuneHistoryService({ paramTunes: paramTuneRepo, evalRuns, providers }),
      presets: new PresetService(presetRepo),
    },
    judge: judgeService,
    admin: new AdminService({ admin: new AdminRepository(db), jobs, queues }),
    promptTunes: {
      tunes: new PromptTuneService({
        suites: suiteRepo,
        providers,
        promptTunes: promptTuneRepo,
        library: libraryRepo,
        experiments,
        users,
        queues,
        bus,
        lifecycle,
      }),
      history: new PromptTuneHistoryService(promptTuneRepo),
      library: new PromptLibraryService({ library: libraryRepo, promptTunes: promptTuneRepo }),
    },
    jobs,
    streamer: new JobStreamer({ jobs: jobsRepo, relay, bus, shutdown: shutdown.signal, metrics }),
  };
}

/** Closes everything `createDeps` opened; each step runs even if another fails. */
export async function closeDeps(deps: Deps): Promise<void> {
  deps.shutdown.abort();
  const steps = [() => deps.runtime.close(), () => deps.db.destroy()];
  for (const step of steps) await step().catch(() => undefined);
}
