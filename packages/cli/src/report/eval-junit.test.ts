import { describe, expect, it } from 'vitest';
import { ev } from '../test-support/events.js';
import { caseResults, evalJunit, failureMessage, type CaseResultEvent } from './eval-junit.js';

const T = { provider_key: 'sandbox', model_id: 'm' };

function result(case_id: string, fields: Partial<CaseResultEvent> = {}, repeat_index = 0): CaseResultEvent {
  return ev('tool_eval_result', {
    ...T,
    run_id: 'r',
    case_id,
    repeat_index,
    passed: true,
    error: null,
    error_category: null,
    tool_score: 1,
    param_score: 1,
    overall_score: 1,
    expected_tool: 'get_time',
    actual_tool: 'get_time',
    expected_params: {},
    actual_params: {},
    param_details: [],
    latency_ms: 20,
    ...fields,
  }) as CaseResultEvent;
}

describe('failureMessage', () => {
  it('names the most fundamental reason: error, then tool, then parameters', () => {
    expect(failureMessage(result('c', { error: 'HTTP 500', error_category: 'server_error' }))).toBe(
      'error (server_error): HTTP 500',
    );
    expect(failureMessage(result('c', { tool_score: 0, expected_tool: null, actual_tool: 'get_time' }))).toBe(
      'expected no tool call, got get_time',
    );
    expect(failureMessage(result('c', { tool_score: 0, expected_tool: ['a', 'b'], actual_tool: null }))).toBe(
      'expected a or b, got no tool call',
    );
    const details = [
      { key: 'room', present: false, match: false },
      { key: 'state', present: true, match: false },
      { key: 'ok', present: true, match: true },
    ] as CaseResultEvent['param_details'];
    expect(failureMessage(result('c', { param_details: details, param_score: 0.3333 }))).toBe(
      'get_time: wrong parameters room (missing), state (accuracy 0.333)',
    );
  });
});

describe('evalJunit', () => {
  it('makes a suite per target and a case per result, in suite order, named by prompt', () => {
    const events = [
      ev('tool_eval_init', { targets: [T, { provider_key: 'sandbox', model_id: 'idle' }] }),
      result('c2', { passed: false, tool_score: 0, actual_tool: 'x' }),
      result('c1'),
      result('c1'), // a replayed duplicate
    ];
    const cases = [
      { id: 'c1', prompt: 'What   time\nis it?' },
      { id: 'c2', prompt: 'x'.repeat(150) },
    ];
    const [suite, idle] = evalJunit(events, cases);
    expect(caseResults(events)).toHaveLength(2);
    expect(idle).toEqual({ name: 'sandbox::idle', cases: [] });
    expect(suite!.name).toBe('sandbox::m');
    expect(suite!.cases.map((c) => [c.name.length, c.classname, c.timeS])).toEqual([
      ['What time is it?'.length, 'sandbox::m', 0.02],
      [100, 'sandbox::m', 0.02],
    ]);
    expect(suite!.cases[0]).toMatchObject({ name: 'What time is it?', failure: undefined });
    expect(suite!.cases[1]!.failure).toEqual({
      message: 'expected get_time, got x',
      type: 'wrong_tool',
      details: 'expected: get_time {}\nactual:   x {}',
    });
  });

  it('tells repeats apart and falls back to the case id when the prompt is unknown', () => {
    const [suite] = evalJunit([result('c9', {}, 0), result('c9', {}, 1)], []);
    expect(suite!.cases.map((c) => c.name)).toEqual(['c9 [repeat 1]', 'c9 [repeat 2]']);
  });
});
