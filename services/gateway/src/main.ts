import type { Server } from 'node:http';
import { migrateToLatest } from '@llmbench/db';
import { createLogger, createShutdown, onSignals } from '@llmbench/runtime';
import { loadConfig } from './config.js';
import { createDeps } from './deps.js';
import { createApp } from './app.js';

const config = loadConfig();
const logger = createLogger('gateway', config.logLevel);
const deps = createDeps(config, logger);
if (config.db.runMigrations) {
  const result = await migrateToLatest(deps.db);
  logger.info({ applied: result.results?.map((r) => r.migrationName) ?? [] }, 'migrations up to date');
}
const server: Server = createApp(deps).listen(config.http.port, config.http.host, () => {
  logger.info({ port: config.http.port }, 'gateway listening');
});
const shutdown = createShutdown(
  [
    { name: 'http', run: () => new Promise<void>((resolve) => server.close(() => resolve())) },
    { name: 'redis', run: () => deps.redis.quit() },
    { name: 'postgres', run: () => deps.db.destroy() },
  ],
  logger,
);
onSignals(shutdown, logger);
