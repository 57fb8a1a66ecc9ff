import express, { type Express } from 'express';
import { createApiRouter, type RouteRegistry } from './http/route.js';
import { createAuthenticate } from './http/auth.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { createRequestLogger } from './http/request-logger.js';
import { buildOpenApi } from './http/openapi.js';
import { healthRouter } from './routes/health.routes.js';
import { registerAuthRoutes } from './routes/auth.routes.js';
import { registerProviderRoutes } from './routes/providers.routes.js';
import { registerSuiteRoutes } from './routes/suites.routes.js';
import { registerImportRoutes } from './routes/import.routes.js';
import { registerEvalRoutes } from './routes/evals.routes.js';
import { registerJobRoutes } from './routes/jobs.routes.js';
import { registerProviderParamsRoutes } from './routes/provider-params.routes.js';
import { registerParamTuneRoutes } from './routes/param-tunes.routes.js';
import { registerPromptTuneRoutes } from './routes/prompt-tunes.routes.js';
import { registerJudgeRoutes } from './routes/judge.routes.js';
import { registerAdminRoutes } from './routes/admin.routes.js';
import { adminDashboard } from './http/admin-dashboard.js';
import { apiDocs } from './http/api-docs.js';
import { webApp } from './http/web-app.js';
import { attachWebSocketRelay } from './relay/ws-relay.js';
import type { Server } from 'node:http';
import type { Deps } from './deps.js';

const API_VERSION = '0.1.0';

// JSON.parse keeps "__proto__" as an own key; dropping it stops prototype pollution downstream.
const dropPrototypeKeys = (key: string, value: unknown) =>
  key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value;

/** The gateway's express app, without `listen`, so tests run it in-process on a real port. */
export function createApp(deps: Deps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.http.trustProxy);
  app.set('query parser', 'simple');
  app.use(createRequestLogger(deps.logger));
  app.use(deps.metrics.httpMetrics());
  app.get('/metrics', deps.metrics.metricsHandler());
  app.use(healthRouter(deps));

  const importJson = express.json({ limit: deps.config.http.importBodyLimit, reviver: dropPrototypeKeys });
  const defaultJson = express.json({ limit: deps.config.http.bodyLimit, reviver: dropPrototypeKeys });
  app.use((req, res, next) =>
    (req.path.startsWith('/api/tool-eval/import') ? importJson : defaultJson)(req, res, next),
  );

  const registry: RouteRegistry = [];
  const { router, route } = createApiRouter(registry, createAuthenticate(deps));
  registerAuthRoutes(route, deps.auth, deps.apiTokens, deps.users);
  registerProviderRoutes(route, deps.providers);
  registerSuiteRoutes(route, deps.suites);
  registerImportRoutes(route, deps.suites, deps.bfclImport);
  registerEvalRoutes(route, deps);
  registerJobRoutes(route, deps);
  registerProviderParamsRoutes(route, deps.providerParams);
  registerParamTuneRoutes(route, { ...deps.paramTunes, jobs: deps.jobs, streamer: deps.streamer });
  registerPromptTuneRoutes(route, { ...deps.promptTunes, jobs: deps.jobs, streamer: deps.streamer });
  registerJudgeRoutes(route, { judge: deps.judge, jobs: deps.jobs, streamer: deps.streamer });
  registerAdminRoutes(route, deps.admin);
  app.use(router);

  const openapi = buildOpenApi(registry, API_VERSION);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(apiDocs());
  app.use(adminDashboard({ ...deps, queues: deps.queues }));
  app.use(webApp(deps.config.http.webDir));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

/**
 * Starts the HTTP server with the WebSocket relay on the same port.
 * @returns the listening server
 */
export async function startServer(deps: Deps, port: number, host: string): Promise<Server> {
  const server = createApp(deps).listen(port, host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  attachWebSocketRelay(server, {
    auth: deps,
    relay: deps.relay,
    bus: deps.bus,
    jobs: deps.jobsRepo,
    shutdown: deps.shutdown.signal,
    metrics: deps.metrics,
  });
  // Not awaited: with Redis down the gateway still starts (and /readyz says why); streams wait for it.
  deps.relay.start().catch((err: unknown) => deps.logger.error({ err }, 'event relay could not subscribe'));
  return server;
}
