import { describe, expect, it } from 'vitest';
import type { CaseScore } from './score/case-score.schema.js';
import { failedCaseScore } from './score/failed-score.js';
import { type SummaryInput, summarizeOutcomes } from './summary.js';
import { sampleStd } from './summary/stats.js';
import { TargetSummary } from './summary/target-summary.schema.js';
import { testCase } from './test-support/fixtures.js';

function score(patch: Partial<CaseScore> = {}): CaseScore {
  const passed = (patch.overall_score ?? 1) === 1;
  return {
    scoring_version: 1,
    success: true,
    tool_score: 1,
    param_score: 1,
    overall_score: 1,
    passed,
    actual_tool: 'get_weather',
    actual_params: {},
    actual_calls: [],
    expected_tool: 'get_weather',
    expected_params: {},
    category: 'weather',
    format_compliance: 'PASS',
    error_type: passed ? null : 'argument_hallucination',
    error: null,
    error_category: null,
    param_details: [],
    schema_check: null,
    notes: [],
    ...patch,
  };
}

function out(
  case_id: string,
  s: CaseScore,
  latency_ms = 100,
  usage: SummaryInput['usage'] = { prompt_tokens: 100, completion_tokens: 10 },
): SummaryInput {
  return { case_id, score: s, latency_ms, usage };
}

const failed = failedCaseScore(testCase({ expected_params: { city: 'Paris' }, category: 'weather' }), {
  category: 'timeout',
  message: 'timed out',
});

function sut(outcomes: SummaryInput[], prices?: { input_per_mtok: number; output_per_mtok: number }) {
  const summary = summarizeOutcomes(outcomes, prices ? { prices } : {});
  expect(() => TargetSummary.parse(summary)).not.toThrow();
  return summary;
}

describe(summarizeOutcomes.name, () => {
  it('summarises nothing as zeros and nulls', () => {
    const s = sut([]);
    expect(s).toMatchObject({
      cases: 0,
      runs: 0,
      tool_accuracy: 0,
      param_accuracy: null,
      overall: 0,
      cases_passed: 0,
      pass_rate: 0,
      latency_ms: null,
      cost_usd: null,
      irrelevance_accuracy: null,
      repeats: { k: 0, overall_ci95: null, pass_hat_k: 0, pass_at_1: 0 },
    });
  });

  it('counts failed calls as zeros in every average (live and history alike)', () => {
    const s = sut([
      out('a', score()),
      out('b', score({ tool_score: 1, param_score: 0.5, overall_score: 0.8 })),
      out('c', failed, 0, null),
    ]);
    expect(s).toMatchObject({
      cases: 3,
      runs: 3,
      tool_accuracy: 0.6667,
      param_accuracy: 0.5,
      overall: 0.6,
      cases_passed: 1,
      pass_rate: 0.3333,
    });
    expect(s.errors_by_category).toMatchObject({ timeout: 1, auth: 0, cancelled: 0 });
    expect(s.error_type_counts).toMatchObject({
      invalid_invocation: 1,
      argument_hallucination: 1,
      unclassified: 0,
    });
    expect(s.format_compliance_counts).toEqual({ PASS: 2, NORMALIZED: 0, FAIL: 1 });
  });

  it('averages param accuracy only over cases whose params are scored', () => {
    const s = sut([
      out('a', score({ param_score: null })),
      out('b', score({ param_score: 0.5, overall_score: 0.8 })),
    ]);
    expect(s.param_accuracy).toBe(0.5);
    expect(sut([out('a', score({ param_score: null }))]).param_accuracy).toBeNull();
  });

  it('computes latency over successful calls: avg, p50, p95', () => {
    const latencies = [100, 200, 300, 400, 1000];
    const s = sut([...latencies.map((l, i) => out(`c${i}`, score(), l)), out('f', failed, 5000)]);
    expect(s.latency_ms).toEqual({ avg: 400, p50: 300, p95: 880 });
  });

  it('sums tokens and prices them per million', () => {
    const s = sut(
      [
        out('a', score()),
        out('b', score(), 100, { prompt_tokens: 1000, completion_tokens: 500 }),
        out('c', failed, 0, null),
      ],
      {
        input_per_mtok: 2,
        output_per_mtok: 10,
      },
    );
    expect(s.tokens).toEqual({ prompt: 1100, completion: 510, total: 1610 });
    expect(s.cost_usd).toBe(0.0073);
  });

  it('measures irrelevance accuracy over cases expecting no call only', () => {
    const abstained = score({ expected_tool: null, param_score: null, category: 'irrelevance' });
    const hallucinated = score({
      expected_tool: null,
      tool_score: 0,
      param_score: null,
      overall_score: 0,
      category: 'irrelevance',
    });
    const s = sut([
      out('i1', abstained),
      out('i2', hallucinated),
      out('w', score({ tool_score: 0, overall_score: 0 })),
    ]);
    expect(s).toMatchObject({ irrelevance_accuracy: 0.5, irrelevance_cases: 2 });
  });

  it('breaks down by category, null as uncategorized', () => {
    const s = sut([
      out('a', score({ category: 'math' })),
      out('b', score({ category: null, tool_score: 0, overall_score: 0.4 })),
      out('c', score({ category: 'math', overall_score: 0.6 })),
    ]);
    expect(s.category_breakdown).toEqual({
      math: { cases: 2, runs: 2, passed: 1, pass_rate: 0.5, tool_accuracy: 1, overall: 0.8 },
      uncategorized: { cases: 1, runs: 1, passed: 0, pass_rate: 0, tool_accuracy: 0, overall: 0.4 },
    });
  });

  describe('repeats', () => {
    // a passes 3/3, b passes 1/3 (overalls 1, 0.6, 0.6), c passes 0/3 (0.4 each)
    const runs: SummaryInput[] = [
      ...[1, 1, 1].map((o) => out('a', score({ overall_score: o }))),
      ...[1, 0.6, 0.6].map((o) => out('b', score({ overall_score: o }))),
      ...[0.4, 0.4, 0.4].map((o) => out('c', score({ overall_score: o }))),
    ];

    it('gives pass^k, pass@1 and the mean of per-case means', () => {
      const s = sut(runs);
      const perCase = [1, 2.2 / 3, 0.4];
      expect(s.repeats).toMatchObject({ k: 3, pass_hat_k: 0.3333, pass_at_1: 0.4444, overall_mean: 0.7111 });
      expect(s.overall).toBe(s.repeats.overall_mean);
      expect(s).toMatchObject({ cases: 3, runs: 9, cases_passed: 4, pass_rate: 0.4444 });
      const half = (4.303 * sampleStd(perCase)) / Math.sqrt(3);
      expect(s.repeats.overall_ci95?.[0]).toBeCloseTo(Math.max(0, 0.7111 - half), 3);
      expect(s.repeats.overall_ci95?.[1]).toBe(1);
    });

    it('gives a degenerate interval for a single case', () => {
      expect(sut([out('a', score({ overall_score: 0.6 }))]).repeats.overall_ci95).toEqual([0.6, 0.6]);
    });

    it('uses the normal quantile for 30 cases or more', () => {
      const many = Array.from({ length: 40 }, (_, i) =>
        out(`c${i}`, score({ overall_score: i % 2 === 0 ? 1 : 0.6 })),
      );
      const s = sut(many);
      const half = (1.96 * sampleStd(many.map((o) => o.score.overall_score))) / Math.sqrt(40);
      expect(s.repeats.overall_ci95).toEqual([
        Math.round((0.8 - half) * 1e4) / 1e4,
        Math.round((0.8 + half) * 1e4) / 1e4,
      ]);
    });

    it('matches the single-run numbers when k = 1', () => {
      const s = sut([out('a', score()), out('b', score({ overall_score: 0.6 }))]);
      expect(s.repeats).toMatchObject({ k: 1, pass_hat_k: 0.5, pass_at_1: 0.5, overall_mean: 0.8 });
      expect(s.pass_rate).toBe(0.5);
    });
  });

  it('reports the scoring versions it mixes', () => {
    expect(sut([out('a', score()), out('b', score({ scoring_version: 2 }))]).scoring_versions).toEqual([
      1, 2,
    ]);
  });
});
