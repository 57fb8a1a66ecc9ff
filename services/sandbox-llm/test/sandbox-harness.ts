import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI, { type ClientOptions } from 'openai';
import { createSandboxApp, loadConfig, type SandboxAppOptions } from '../src/index.js';
import { demoSuite } from '../src/simulate/demo-suite.fixture.js';

export { demoSuite };

/** A sandbox on a real ephemeral port, plus OpenAI SDK clients pointed at it. */
export interface SandboxHarness {
  baseURL: string;
  client: (options?: Partial<ClientOptions>) => OpenAI;
  close: () => Promise<void>;
}

/**
 * Starts the sandbox in-process on port 0.
 * @param env - extra env variables for loadConfig (LOG_LEVEL is silent)
 * @param extra - app options to override (e.g. a deterministic fault `random`)
 */
export async function startSandbox(
  env: Record<string, string> = {},
  extra: Partial<SandboxAppOptions> = {},
): Promise<SandboxHarness> {
  const app = createSandboxApp({ ...loadConfig({ LOG_LEVEL: 'silent', ...env }), ...extra });
  const server: Server = app.listen(0, '127.0.0.1');
  // Same keep-alive settings as main.ts, so a busy test never sees a spurious ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise((resolve) => server.once('listening', resolve));
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return {
    baseURL,
    client: (options = {}) => new OpenAI({ baseURL, apiKey: 'sandbox', maxRetries: 0, ...options }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The messages of one demo case with the suite's system prompt. */
export function caseMessages(prompt: string, system = demoSuite.system_prompt) {
  return [
    { role: 'system' as const, content: system },
    { role: 'user' as const, content: prompt },
  ];
}
