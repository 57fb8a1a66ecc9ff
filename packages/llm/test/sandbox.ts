import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createSandboxApp, loadConfig } from '@llmbench/sandbox-llm';

/** A sandbox LLM on an ephemeral port, with a live count of requests it is serving. */
export interface TestSandbox {
  baseUrl: string;
  server: Server;
  /** Requests currently open on the server. */
  readonly current: number;
  /** Highest `current` seen. */
  readonly peak: number;
  /** Requests received so far. */
  readonly received: number;
  /** Resolves when the next request arrives. */
  nextRequest(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the sandbox in-process (`listen(0)`). `env` takes the sandbox's own variables, e.g.
 * `SANDBOX_API_KEY` or `SANDBOX_RETRY_AFTER_S`.
 */
export async function startSandbox(env: Record<string, string> = {}): Promise<TestSandbox> {
  const app = createSandboxApp(loadConfig({ LOG_LEVEL: 'silent', ...env }));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  let current = 0;
  let peak = 0;
  let received = 0;
  // Counted on the server side: a request is open from arrival until its response closes, which
  // is strictly inside the client's limiter slot, so `peak` can only under-count the slots held.
  server.on('request', (_req, res) => {
    received++;
    current++;
    peak = Math.max(peak, current);
    res.on('close', () => current--);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    server,
    get current() {
      return current;
    },
    get peak() {
      return peak;
    },
    get received() {
      return received;
    },
    nextRequest: () => once(server, 'request').then(() => undefined),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * A bare HTTP server for answers the sandbox never gives (a stalled body, a non-JSON 200), to
 * exercise the client's own handling of broken endpoints.
 */
export async function startRawServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
