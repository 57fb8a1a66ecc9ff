import { randomUUID } from 'node:crypto';
import { MetaReplySequence } from './simulate/meta-reply.js';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { createLogger, type Logger } from '@llmbench/runtime';
import type { SandboxConfig } from './config.js';
import { requireApiKey } from './http/auth.js';
import { createChatRouter } from './http/chat.routes.js';
import { createOpenAiModelsRouter, createSandboxDocsRouter } from './http/models.routes.js';
import { errorHandler, notFound } from './http/openai-error.js';
import { SANDBOX_MODELS } from './models/catalogue.js';
import type { SandboxModel } from './models/sandbox-model.js';

/**
 * The configuration plus optional dependencies, so `createSandboxApp(loadConfig())` works as is
 * and tests add only what they override.
 */
export type SandboxAppOptions = SandboxConfig & {
  /** Defaults to a logger at `logLevel` (silent in tests that set LOG_LEVEL=silent). */
  logger?: Logger;
  /** Defaults to the built-in catalogue. */
  models?: readonly SandboxModel[];
  /** Uniform [0, 1) source for fault rolls; defaults to Math.random. */
  random?: () => number;
};

/**
 * Creates the sandbox LLM's express app without listening, so tests can mount it on an
 * ephemeral port in-process.
 * @example
 * const app = createSandboxApp(loadConfig({ LOG_LEVEL: 'silent' }));
 * const server = app.listen(0);
 */
export function createSandboxApp(options: SandboxAppOptions): Express {
  const { logger: given, models: customModels, random, ...config } = options;
  const logger = given ?? createLogger('sandbox-llm', config.logLevel);
  const models = customModels ?? SANDBOX_MODELS;
  const app = express();
  app.disable('x-powered-by');
  // ETags only cost CPU here: completions are never cached or revalidated.
  app.set('etag', false);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // One short line per request: benchmarks push thousands of calls through the sandbox.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', models: models.length });
  });
  app.use(createSandboxDocsRouter(models));
  app.use('/v1', requireApiKey(config.apiKey));
  app.use(express.json({ limit: '10mb' }));
  app.use(createOpenAiModelsRouter(models));
  app.use(
    createChatRouter({
      config,
      models,
      random: random ?? Math.random,
      metaReplies: new MetaReplySequence(config.metaReplies),
      judgeReplies: new MetaReplySequence(config.judgeReplies, true),
    }),
  );
  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
