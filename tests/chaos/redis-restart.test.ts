import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeySpace, createTestDatabase } from '@llmbench/testing';
import { startStack, type Stack } from '../support/stack.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { userWithDemoSuite } from '../support/api.js';
import { freePort } from '../support/ports.js';

// A private redis-server (append-only file, so a restart keeps the queues) that the test can stop.
const dir = mkdtempSync(join(tmpdir(), 'lbs-redis-'));
let port = 0;
let redis: ChildProcess | undefined;
let stack: Stack;

async function startRedis(): Promise<void> {
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  // Ready when it says so (no polling).
  await new Promise<void>((resolve) => {
    redis!.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
  });
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  stack = await startStack({
    infra: {
      db: await createTestDatabase(),
      redis: createKeySpace(`redis://127.0.0.1:${port}`, 'lbs-chaos'),
    },
    sandboxEnv: { SANDBOX_TTFT_MS: '20' },
  });
});
afterAll(async () => {
  await stack?.close();
  redis?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('chaos: Redis restarts during an eval', () => {
  it('gateway and workers reconnect, the run completes with every result once, the SSE client resumes', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const targets = ['sandbox-precise', 'sandbox-creative'].map((model_id) => ({
      provider_key: 'sandbox',
      model_id,
    }));
    const accepted = await client.post('/api/tool-eval', { suite_id: suiteId, targets, concurrency: 2 });
    let seen = 0;
    let lastId = '';
    let restarted: Promise<void> | undefined;
    // First connection: read until some results arrived, then Redis goes down and comes back.
    await readSse(await openEvents(stack.url, client.token, accepted.body.job_id), (e) => {
      lastId = e.id;
      if (e.event === 'tool_eval_result' && ++seen === 8) {
        restarted = (async () => {
          redis!.kill('SIGTERM');
          await once(redis!, 'exit');
          await startRedis();
        })();
        return true;
      }
      return isTerminal(e);
    });
    await restarted;
    // The client resumes from its last event id, as a browser's EventSource would.
    const rest = await readSse(
      await openEvents(stack.url, client.token, accepted.body.job_id, lastId),
      isTerminal,
    );
    expect(rest.at(-1)!.event).toBe('job_completed');
    const history = await client.get(`/api/tool-eval/history/${accepted.body.run_id}`);
    expect(history.body.status).toBe('completed');
    const rows = history.body.results as { model_id: string; case_id: string }[];
    expect(rows).toHaveLength(caseCount * targets.length);
    expect(new Set(rows.map((r) => `${r.model_id}/${r.case_id}`)).size).toBe(rows.length);
  }, 120_000);
});
