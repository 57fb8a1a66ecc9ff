import { describe, expect, it } from 'vitest';
import {
  expectedResults,
  expectedRunsPerModel,
  findResult,
  overallPerModel,
  runView,
  type RunDetail,
} from './history-model';
import { caseScore } from './case-score.fixture';
import type { StoredResult, TargetSummary } from './model';

const score = (passed: boolean) =>
  caseScore({
    tool_score: passed ? 1 : 0,
    param_score: passed ? 1 : 0,
    overall_score: passed ? 1 : 0,
    passed,
    actual_tool: 'a',
    expected_tool: 'a',
    category: 'x',
  });

function result(id: string, model: string, caseId: string, passed: boolean): StoredResult {
  return {
    id,
    provider_key: 'sandbox',
    model_id: model,
    case_id: caseId,
    repeat_index: 0,
    latency_ms: 10,
    detail: { score: score(passed), latency_ms: 10, usage: null, adjustments: [] },
  };
}

const target = (model: string) => ({
  provider_key: 'sandbox',
  model_id: model,
  display_name: model,
  provider: 'sandbox',
  base_url: null,
  system_prompt: null,
  params: {},
  prices: null,
  adjustments: [],
});

const run: RunDetail = {
  id: 'run-1',
  job_id: 'job-1',
  suite_id: 's',
  suite_name: 'Demo',
  status: 'completed',
  config: { repeats: 1 },
  targets: [target('p'), target('q')],
  summary: {
    targets: [{ provider_key: 'sandbox', model_id: 'p', summary: { overall: 0.42 } as TargetSummary }],
  },
  total_cases: 2,
  completed_cases: 4,
  error: null,
  created_at: '2026-01-01T00:00:00Z',
  started_at: null,
  finished_at: null,
  results: [
    result('r1', 'p', 'c1', true),
    result('r2', 'p', 'c2', false),
    result('r3', 'q', 'c1', true),
    result('r4', 'q', 'c2', true),
  ],
};

describe('stored runs', () => {
  it('shows the stored summary where there is one, else computes it from the results', () => {
    const v = runView(run);
    expect(v.rows).toHaveLength(4);
    expect(v.lines.map((l) => [l.final, l.summary.overall])).toEqual([
      [true, 0.42],
      [false, 1],
    ]);
    expect(overallPerModel(run).map((m) => m.overall)).toEqual([0.42, null]);
  });

  it('plans cases × repeats per model and × models in all', () => {
    expect(expectedRunsPerModel({ ...run, config: { repeats: 3 } })).toBe(6);
    expect(expectedResults({ ...run, config: { repeats: 3 } })).toBe(12);
  });

  it('finds a drill-down result by id or by its (model, case, repeat) key', () => {
    expect(findResult(run.results, 'r3')?.id).toBe('r3');
    expect(findResult(run.results, 'sandbox::p::c2::0')?.id).toBe('r2');
    expect(findResult(run.results, 'sandbox::p::c9::0')).toBeUndefined();
    expect(findResult(run.results, 'nope')).toBeUndefined();
  });
});
