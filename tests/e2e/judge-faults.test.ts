import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { userWithDemoSuite } from '../support/api.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { ofType } from '../support/param-tune.js';

let stack: Stack;
beforeAll(async () => {
  // Judge answers cycle through every way an LLM judge gets JSON wrong.
  stack = await startStack({
    sandboxEnv: {
      SANDBOX_JUDGE_REPLIES: 'json,prose,malformed,missing_fields,out_of_range,fenced,empty',
      SANDBOX_RETRY_AFTER_S: '0',
      SANDBOX_TTFT_MS: '10',
    },
  });
});
afterAll(async () => stack?.close());

describe('LLM judge with malformed judge output', () => {
  it('repairs what it can, records the rest per case, and still writes the report', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const evalRun = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
    });
    await readSse(await openEvents(stack.url, client.token, evalRun.body.job_id), isTerminal);
    const res = await client.post('/api/tool-eval/judge', {
      eval_run_id: evalRun.body.run_id,
      judge_target: { provider_key: 'sandbox', model_id: 'sandbox-judge' },
    });
    const events = await readSse(await openEvents(stack.url, client.token, res.body.job_id), isTerminal);
    expect(events.at(-1)!.event).toBe('job_completed');
    const verdicts = ofType(events, 'judge_verdict');
    expect(verdicts).toHaveLength(caseCount);
    const repairs = verdicts.flatMap((v) => v.repairs).join(' | ');
    expect(repairs).toMatch(/answer was embedded/);
    expect(repairs).toMatch(/answer was fenced/);
    expect(repairs).toMatch(/out of 1–5/);
    expect(repairs).toMatch(/missing/);
    const errors = verdicts.filter((v) => v.error !== null);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.verdict === null && /unusable judge answer/.test(e.error))).toBe(true);
    for (const v of verdicts.filter((x) => x.verdict !== null)) {
      expect(v.quality_score).toBeGreaterThanOrEqual(1);
      expect(v.quality_score).toBeLessThanOrEqual(5);
    }
    const report = ofType(events, 'judge_report')[0];
    expect(report.overall_grade).toMatch(/^[A-DF][+-]?$/);
    expect(report.overall_score).toBeGreaterThanOrEqual(0);
    expect(report.overall_score).toBeLessThanOrEqual(100);
    expect(ofType(events, 'judge_complete')[0]).toMatchObject({ errors: errors.length });
  });
});

describe('LLM judge: cancel', () => {
  it('cancel mid-report ends the stream with job_cancelled and keeps the verdicts so far', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const evalRun = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
    });
    await readSse(await openEvents(stack.url, client.token, evalRun.body.job_id), isTerminal);
    const res = await client.post('/api/tool-eval/judge', {
      eval_run_id: evalRun.body.run_id,
      judge_target: { provider_key: 'sandbox', model_id: 'sandbox-judge' },
    });
    let cancelled = false;
    // Awaited after the stream: a request still in flight when the stack closes would reject unhandled.
    let cancelling: Promise<unknown> | undefined;
    const events = await readSse(
      await openEvents(stack.url, client.token, res.body.job_id),
      isTerminal,
      (e) => {
        if (e.event === 'judge_verdict' && !cancelled) {
          cancelled = true;
          cancelling = client.post('/api/tool-eval/judge/cancel', { job_id: res.body.job_id });
        }
      },
    );
    await cancelling;
    expect(events.at(-1)!.event).toBe('job_cancelled');
    expect(ofType(events, 'judge_complete')).toHaveLength(0);
    const stored = await client.get(`/api/tool-eval/judge/reports/${res.body.run_id}`);
    expect(stored.body.status).toBe('cancelled');
    expect(stored.body.verdicts.length).toBeGreaterThan(0);
    expect(stored.body.verdicts.length).toBeLessThan(caseCount);
  });
});
