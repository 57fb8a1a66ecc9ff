import { describe, expect, it } from 'vitest';
import { ev, jobRun } from '../test-support/events.js';
import { checkGate, renderEval, targetResults } from './eval.js';

const summary = (overall: number) => ({
  overall,
  tool_accuracy: 1,
  param_accuracy: null,
  pass_rate: 0.5,
  cases_passed: 1,
  runs: 2,
});
const A = { provider_key: 'sandbox', model_id: 'a' };
const B = { provider_key: 'sandbox', model_id: 'b' };
const init = ev('tool_eval_init', { run_id: 'run-1', targets: [A, B] });

describe('eval results', () => {
  const complete = ev('tool_eval_complete', {
    summaries: [
      { ...A, summary: summary(0.95) },
      { ...B, summary: summary(0.8) },
    ],
  });

  it('renders one row per target and, with a gate, which ones fail it', () => {
    const run = jobRun([init, complete]);
    const gate = checkGate(run, targetResults(run.events), 0.9);
    expect(gate).toEqual({
      min_score: 0.9,
      passed: false,
      failing: [{ target: 'sandbox::b', overall: 0.8 }],
    });
    const { text, json } = renderEval(run, gate);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'TARGET      OVERALL  TOOL ACC  PARAM ACC  PASS RATE  PASSED  GATE',
      '----------  -------  --------  ---------  ---------  ------  ------------',
      'sandbox::a    0.950     1.000          -      0.500     1/2  ok',
      'sandbox::b    0.800     1.000          -      0.500     1/2  FAIL (< 0.9)',
    ]);
    expect(json).toMatchObject({ job_id: 'job-1', status: 'completed', run_id: 'run-1', gate });
  });

  it('passes the gate only when every planned target has a score at or above it', () => {
    const run = jobRun([init, complete]);
    expect(checkGate(run, targetResults(run.events), 0.8).passed).toBe(true);
    const partial = jobRun([init, ev('tool_eval_summary', { ...A, summary: summary(1) })], 'failed', 'boom');
    expect(targetResults(partial.events)).toEqual([{ ...A, summary: summary(1) }]);
    expect(checkGate(partial, targetResults(partial.events), 0.5)).toEqual({
      min_score: 0.5,
      passed: false,
      failing: [{ target: 'sandbox::b', overall: null }],
    });
  });
});
