import { createLogger, createShutdown, installProcessGuards, onSignals } from '@llmbench/runtime';
import { createSandboxApp } from './app.js';
import { loadConfig } from './config.js';

// Composition root: the only place that reads config, listens and handles signals.
const config = loadConfig();
const logger = createLogger('sandbox-llm', config.logLevel);
installProcessGuards(logger);
const app = createSandboxApp({ ...config, logger });
const server = app.listen(config.http.port, config.http.host, () => {
  logger.info({ host: config.http.host, port: config.http.port }, 'sandbox LLM listening (simulated models)');
});
// Outlive the clients' keep-alive pools: under benchmark load a server closing an idle socket just
// as a client reuses it shows up as ECONNRESET, a connection error the sandbox did not mean to inject.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on('error', (err) => {
  logger.fatal({ err }, 'cannot listen');
  process.exit(1);
});

const shutdown = createShutdown(
  [
    {
      name: 'http',
      run: () =>
        new Promise<void>((resolve) => {
          // Streams and "timeout" faults hold connections open on purpose; do not wait for them.
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    },
  ],
  logger,
);
onSignals(shutdown, logger);
