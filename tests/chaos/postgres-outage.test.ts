import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { createTestDatabase, createTestRedis, type TestDatabase } from '@llmbench/testing';
import { startStack, type Stack } from '../support/stack.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { userWithDemoSuite } from '../support/api.js';

/**
 * A TCP proxy in front of Postgres that the test can cut: while down it drops every connection
 * and refuses new ones, as a restarting database server would.
 */
class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private down = false;
  readonly server: Server;
  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => {
      if (this.down) return client.destroy();
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }
  listen(): Promise<number> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as { port: number }).port)),
    );
  }
  cut(): void {
    this.down = true;
    for (const s of this.sockets) s.destroy();
  }
  restore(): void {
    this.down = false;
  }
}

let db: TestDatabase;
let proxy: CuttableProxy;
let stack: Stack;
beforeAll(async () => {
  db = await createTestDatabase();
  const real = new URL(db.url);
  proxy = new CuttableProxy({ host: real.hostname, port: Number(real.port || 5432) });
  const port = await proxy.listen();
  const viaProxy = new URL(db.url);
  viaProxy.port = String(port);
  stack = await startStack({
    infra: { db: { ...db, url: viaProxy.toString() }, redis: await createTestRedis() },
    sandboxEnv: { SANDBOX_TTFT_MS: '20' },
  });
});
afterAll(async () => {
  await stack?.close();
  proxy?.server.close();
});

describe('chaos: Postgres unavailable for a few seconds', () => {
  it('the API answers 503 meanwhile; result writes are retried and the run completes with every result once', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const accepted = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
      concurrency: 2,
    });
    let cut = false;
    await readSse(await openEvents(stack.url, client.token, accepted.body.job_id), (e) => {
      if (e.event === 'tool_eval_result' && !cut) {
        cut = true;
        proxy.cut();
        return true;
      }
      return isTerminal(e);
    });
    const during = await client.get('/api/tool-suites');
    expect(during.status).toBe(503);
    expect(during.body.error.code).toBe('service_unavailable');
    const ready = await fetch(`${stack.url}/readyz`);
    expect(ready.status).toBe(503);
    proxy.restore();
    const events = await readSse(await openEvents(stack.url, client.token, accepted.body.job_id), isTerminal);
    expect(events.at(-1)!.event).toBe('job_completed');
    const history = await client.get(`/api/tool-eval/history/${accepted.body.run_id}`);
    const ids = (history.body.results as { case_id: string }[]).map((r) => r.case_id);
    expect(ids).toHaveLength(caseCount);
    expect(new Set(ids).size).toBe(caseCount);
  }, 120_000);
});
