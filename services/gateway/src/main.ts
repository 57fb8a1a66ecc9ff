import { migrateToLatest } from '@llmbench/db';
import { createLogger, createShutdown, installProcessGuards, onSignals } from '@llmbench/runtime';
import { loadConfig } from './config.js';
import { closeDeps, createDeps } from './deps.js';
import { startServer } from './app.js';

const config = loadConfig();
const logger = createLogger('gateway', config.logLevel);
installProcessGuards(logger);
const deps = createDeps(config, logger);
if (config.db.runMigrations) {
  const result = await migrateToLatest(deps.db);
  logger.info({ applied: result.results?.map((r) => r.migrationName) ?? [] }, 'migrations up to date');
}
const server = await startServer(deps, config.http.port, config.http.host);
logger.info({ port: config.http.port }, 'gateway listening');
const shutdown = createShutdown(
  [
    { name: 'sse', run: () => deps.shutdown.abort() },
    { name: 'http', run: () => new Promise<void>((resolve) => server.close(() => resolve())) },
    { name: 'deps', run: () => closeDeps(deps) },
  ],
  logger,
);
onSignals(shutdown, logger);
