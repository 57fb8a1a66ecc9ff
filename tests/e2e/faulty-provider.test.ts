import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { userWithDemoSuite } from '../support/api.js';

const FAULTS = { '429': 0.1, '500': 0.2, timeout: 0.05, malformed: 0.05 };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    sandboxEnv: { SANDBOX_RETRY_AFTER_S: '0', SANDBOX_TIMEOUT_MS: '5000' },
    workerEnv: {
      LLM_EXTRA_HEADERS: JSON.stringify({ 'x-sandbox-fault-rates': JSON.stringify(FAULTS) }),
      LLM_TIMEOUT_MS: '500',
      LLM_MAX_ATTEMPTS: '4',
    },
  });
});
afterAll(async () => stack?.close());

describe('a faulty provider (429s, 500s, timeouts, malformed calls)', () => {
  it('completes the run, retries transient failures and records final ones with their category', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const targets = ['sandbox-precise', 'sandbox-creative'].map((model_id) => ({
      provider_key: 'sandbox',
      model_id,
    }));
    const accepted = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets,
      repeats: 2,
      concurrency: 4,
    });
    const events = await readSse(await openEvents(stack.url, client.token, accepted.body.job_id), isTerminal);
    expect(events.at(-1)!.event).toBe('job_completed');
    const history = await client.get(`/api/tool-eval/history/${accepted.body.run_id}`);
    const results = history.body.results;
    expect(results).toHaveLength(caseCount * targets.length * 2);
    // Transient faults were retried: some calls needed more than one attempt and still succeeded.
    const retried = results.filter((r: any) => r.success && r.detail.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    // Malformed tool-call JSON is recorded as such, never as a crash.
    const categories = new Set(results.map((r: any) => r.error_category).filter(Boolean));
    for (const c of categories)
      expect(['rate_limit', 'server_error', 'timeout', 'malformed_response', 'network']).toContain(c);
    const malformed = results.filter(
      (r: any) =>
        r.detail.score.actual_calls?.some((c: any) => c.notes.includes('arguments_unparseable')) ||
        r.error_category === 'malformed_response',
    );
    expect(malformed.length).toBeGreaterThan(0);
    for (const r of results.filter((x: any) => !x.success)) expect(r.error_category).not.toBeNull();
  }, 120_000);
});
