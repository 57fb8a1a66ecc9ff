import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { api, DEMO_SUITE, userWithDemoSuite } from '../support/api.js';
import { isTerminal, openEvents, readSse, type SseEvent } from '../support/sse.js';
import { ofType } from '../support/param-tune.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const JUDGE = { provider_key: 'sandbox', model_id: 'sandbox-judge' };
const PRECISE = { provider_key: 'sandbox', model_id: 'sandbox-precise' };
const LOCAL = { provider_key: 'sandbox', model_id: 'sandbox-local-7b' };
type Client = Awaited<ReturnType<typeof userWithDemoSuite>>['client'];

async function follow(client: { token: string }, jobId: string): Promise<SseEvent[]> {
  return readSse(await openEvents(stack.url, client.token, jobId), isTerminal);
}

async function runEval(client: Client, body: Record<string, unknown>) {
  const accepted = await client.post('/api/tool-eval', body);
  if (accepted.status !== 202) throw new Error(JSON.stringify(accepted.body));
  return { ...accepted.body, events: await follow(client, accepted.body.job_id) };
}

describe('LLM judge over HTTP/SSE', () => {
  it('post-eval: events in order, every result judged, one report per model, history returns it unchanged', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const run = await runEval(client, { suite_id: suiteId, targets: [PRECISE, LOCAL] });
    const res = await client.post('/api/tool-eval/judge', { eval_run_id: run.run_id, judge_target: JUDGE });
    expect(res.status).toBe(202);
    const events = await follow(client, res.body.job_id);
    const types = events.map((e) => e.event);
    expect(types.slice(0, 4)).toEqual(['job_created', 'job_queued', 'job_started', 'judge_start']);
    expect(types.slice(-2)).toEqual(['judge_complete', 'job_completed']);
    // The sandbox judge is served by the same endpoint as the models it judges: one case at a time.
    expect(ofType(events, 'judge_start')[0]).toMatchObject({
      mode: 'post_eval',
      cases_to_review: caseCount * 2,
      warnings: [expect.stringMatching(/shares its endpoint/)],
    });
    const verdicts = ofType(events, 'judge_verdict');
    expect(verdicts).toHaveLength(caseCount * 2);
    expect(types.indexOf('judge_report')).toBeGreaterThan(types.lastIndexOf('judge_verdict'));
    // The sandbox judge passes exactly what the deterministic scorer passes.
    for (const v of verdicts) expect(v.verdict === 'pass').toBe(v.scorer_passed);
    const reports = ofType(events, 'judge_report');
    expect(reports.map((r) => r.model_id)).toEqual(['sandbox-precise', 'sandbox-local-7b']);
    expect(reports[0].overall_score).toBeGreaterThan(reports[1].overall_score);
    expect(reports[0]).toMatchObject({
      scorer_agreement: 1,
      overall_grade: expect.stringMatching(/^[A-DF][+-]?$/),
    });

    const stored = await client.get(`/api/tool-eval/judge/reports/${res.body.run_id}`);
    expect(stored.status).toBe(200);
    expect(stored.body.status).toBe('completed');
    const strip = ({ type: _t, job_id: _j, ts: _ts, id: _id, report_id: _r, ...rest }: any) => rest;
    expect(stored.body.report.models).toEqual(reports.map(strip));
    expect(stored.body.verdicts).toHaveLength(caseCount * 2);
    // The stored report keeps what the stream said: warnings, and per verdict the scorer's pass.
    expect(stored.body.warnings).toEqual(ofType(events, 'judge_start')[0].warnings);
    const scorerByCase = new Map(verdicts.map((v) => [`${v.model_id}|${v.case_id}`, v.scorer_passed]));
    for (const v of stored.body.verdicts)
      expect(v.scorer_passed).toBe(scorerByCase.get(`${v.model_id}|${v.case_id}`));
    const list = await client.get(`/api/tool-eval/judge/reports?eval_run_id=${run.run_id}`);
    expect(list.body.items.map((r: any) => r.id)).toEqual([res.body.run_id]);
  });

  it('live inline: verdicts interleave with results in the eval stream; the report follows as a judge job', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const run = await runEval(client, {
      suite_id: suiteId,
      targets: [LOCAL],
      concurrency: 2,
      judge: { mode: 'live_inline', judge_target: JUDGE, auto_on_failure_threshold: 1 },
    });
    const types = run.events.map((e: SseEvent) => e.event);
    const failed = ofType(run.events, 'tool_eval_result').filter((r) => r.overall_score < 1).length;
    expect(failed).toBeGreaterThan(0);
    // Only cases below the threshold are judged, while the eval runs, all before it ends.
    expect(ofType(run.events, 'judge_verdict')).toHaveLength(failed);
    expect(types.indexOf('judge_verdict')).toBeLessThan(types.lastIndexOf('tool_eval_result'));
    expect(types.lastIndexOf('judge_verdict')).toBeLessThan(types.indexOf('tool_eval_complete'));
    const complete = ofType(run.events, 'tool_eval_complete')[0];
    expect(complete.judge).toMatchObject({ job_id: expect.any(String), report_id: expect.any(String) });
    const judged = await follow(client, complete.judge.job_id);
    expect(judged.at(-1)!.event).toBe('job_completed');
    // The judge job only writes the report: the live verdicts are not asked again.
    expect(ofType(judged, 'judge_verdict')).toHaveLength(0);
    expect(ofType(judged, 'judge_report')[0]).toMatchObject({
      model_id: 'sandbox-local-7b',
      cases_judged: failed,
    });
    expect(caseCount).toBeGreaterThan(failed);
  });

  it('post_eval mode in the eval request starts the judge by itself when the eval ends', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const run = await runEval(client, {
      suite_id: suiteId,
      targets: [PRECISE],
      judge: { mode: 'post_eval', judge_target: JUDGE },
    });
    expect(ofType(run.events, 'judge_verdict')).toHaveLength(0);
    const complete = ofType(run.events, 'tool_eval_complete')[0];
    const judged = await follow(client, complete.judge.job_id);
    expect(ofType(judged, 'judge_complete')).toHaveLength(1);
    expect(judged.at(-1)!.event).toBe('job_completed');
  });

  it('compare: a strong model beats a weak one; a run against itself is a tie with consistent orders', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const strong = await runEval(client, { suite_id: suiteId, targets: [PRECISE] });
    const weak = await runEval(client, { suite_id: suiteId, targets: [LOCAL] });
    const res = await client.post('/api/tool-eval/judge/compare', {
      eval_run_id_a: strong.run_id,
      eval_run_id_b: weak.run_id,
      judge_target: JUDGE,
    });
    expect(res.status).toBe(202);
    const events = await follow(client, res.body.job_id);
    expect(events.map((e) => e.event).slice(-2)).toEqual(['compare_complete', 'job_completed']);
    expect(ofType(events, 'compare_start')[0]).toMatchObject({
      cases: caseCount,
      model_a: 'sandbox::sandbox-precise',
    });
    expect(ofType(events, 'compare_case')).toHaveLength(caseCount);
    const summary = ofType(events, 'compare_complete')[0];
    expect(summary.overall_winner).toBe('model_a');
    expect(summary.score_a).toBeGreaterThan(summary.score_b);

    const self = await client.post('/api/tool-eval/judge/compare', {
      eval_run_id_a: strong.run_id,
      eval_run_id_b: strong.run_id,
      judge_target: JUDGE,
    });
    const selfEvents = await follow(client, self.body.job_id);
    const s = ofType(selfEvents, 'compare_complete')[0];
    expect(s).toMatchObject({ overall_winner: 'tie', tie_cases: caseCount, wins_a: 0, wins_b: 0 });
    // The sandbox judge leans to the first position on a quarter of ties: those flip with the order.
    expect(s.position_consistency).toBeGreaterThanOrEqual(0.5);
    const stored = await client.get(`/api/tool-eval/judge/reports/${self.body.run_id}`);
    expect(stored.body.report.comparison).toMatchObject({
      overall_winner: 'tie',
      position_consistency: s.position_consistency,
    });
    expect(stored.body.verdicts).toHaveLength(caseCount * 2);
  });

  it('a jury reports inter-judge agreement; a judge that is also evaluated is flagged', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const run = await runEval(client, { suite_id: suiteId, targets: [PRECISE] });
    const res = await client.post('/api/tool-eval/judge', {
      eval_run_id: run.run_id,
      judge_targets: [JUDGE, PRECISE],
    });
    const events = await follow(client, res.body.job_id);
    expect(ofType(events, 'judge_start')[0].warnings.join(' ')).toMatch(/self-judging/);
    expect(ofType(events, 'judge_verdict')).toHaveLength(caseCount * 2);
    const report = ofType(events, 'judge_report')[0];
    expect(report.inter_judge_agreement).toBeGreaterThan(0.8);
  });

  it('shared links work without login until revoked; other users never see the report', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const run = await runEval(client, { suite_id: suiteId, targets: [PRECISE], case_ids: undefined });
    const res = await client.post('/api/tool-eval/judge', { eval_run_id: run.run_id, judge_target: JUDGE });
    await follow(client, res.body.job_id);
    const share = await client.post(`/api/tool-eval/judge/reports/${res.body.run_id}/share`);
    expect(share.status).toBe(201);
    const anonymous = api(stack.url);
    const seen = await anonymous.get(share.body.url);
    expect(seen.status).toBe(200);
    expect(seen.body.report.models[0].model_id).toBe('sandbox-precise');
    expect(seen.body.job_id).toBeUndefined();
    // Each judged case comes with its prompt, from the suite snapshot the eval ran with.
    const judgedIds = new Set(seen.body.verdicts.map((v: any) => v.case_id));
    expect(new Set(seen.body.cases.map((c: any) => c.id))).toEqual(judgedIds);
    const demoPrompts = new Set(DEMO_SUITE.test_cases.map((c: any) => c.prompt));
    for (const c of seen.body.cases) expect(demoPrompts.has(c.prompt)).toBe(true);
    const other = (await userWithDemoSuite(stack.url)).client;
    expect((await other.get(`/api/tool-eval/judge/reports/${res.body.run_id}`)).status).toBe(404);
    expect((await other.post(`/api/tool-eval/judge/reports/${res.body.run_id}/share`)).status).toBe(404);
    expect((await client.delete(`/api/tool-eval/judge/reports/${res.body.run_id}/share`)).status).toBe(204);
    expect((await anonymous.get(share.body.url)).status).toBe(404);
  });

  it('names bad requests: no common cases, unknown judge, both judge forms, a running eval', async () => {
    const { client, suiteId } = await userWithDemoSuite(stack.url);
    const run = await runEval(client, { suite_id: suiteId, targets: [PRECISE] });
    const other = await client.post('/api/tool-eval/import', {
      name: 'other',
      tools: [
        {
          type: 'function',
          function: { name: 'ping', description: 'Ping', parameters: { type: 'object', properties: {} } },
        },
      ],
      test_cases: [{ prompt: 'ping please', expected_tool: 'ping' }],
    });
    const otherRun = await runEval(client, { suite_id: other.body.id, targets: [PRECISE] });
    for (const [path, body] of [
      [
        'body.eval_run_id_b',
        { eval_run_id_a: run.run_id, eval_run_id_b: otherRun.run_id, judge_target: JUDGE },
      ],
      [
        'body.judge_target.model_id',
        {
          eval_run_id_a: run.run_id,
          eval_run_id_b: run.run_id,
          judge_target: { provider_key: 'sandbox', model_id: 'nope' },
        },
      ],
      [
        'body.judge_target',
        { eval_run_id_a: run.run_id, eval_run_id_b: run.run_id, judge_target: JUDGE, judge_targets: [JUDGE] },
      ],
    ] as const) {
      const bad = await client.post('/api/tool-eval/judge/compare', body);
      expect([bad.status, bad.body.error.details[0].path]).toEqual([400, path]);
    }
  });
});
